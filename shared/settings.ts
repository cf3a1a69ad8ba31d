/** Store-wide settings (kept in the store's index). */
import * as z from 'zod'
import { defaultProofSettings } from './proof/types'
import { normaliseTags } from './text'

export const DEFAULT_CATEGORIES = [
  'Chính trị',
  'Kinh tế',
  'Xã hội',
  'Thế giới',
  'An ninh - Quốc phòng',
  'Văn hóa - Giải trí',
  'Thể thao',
  'Khoa học - Công nghệ',
  'Sức khỏe',
  'Giáo dục',
  'Pháp luật',
  'Đời sống'
]

export const SettingsSchema = z.object({
  categories: z.array(z.string().max(200)).max(500).transform(normaliseTags),
  defaultSource: z.string().max(500).transform((s) => s.normalize('NFC').trim()),
  /** UI language: follow the system, or a fixed one. */
  language: z.enum(['auto', 'vi', 'en']),
  /** The drafts folder the sync follows, if any. */
  draftsFolder: z.string().max(4096).nullable(),
  /** The largest photo file taken, in MB. */
  maxPhotoMB: z.number().int().min(1).max(500),
  /** Copy for the CMS: with the title and sapo before the body. */
  copyHeading: z.boolean(),
  /** Copy for the CMS: with the photos' credit lines. */
  copyCredits: z.boolean(),
  /** Proofreading: limits, house styles, the personal dictionary. */
  proof: z.object({
    titleMaxChars: z.number().int().min(10).max(1000),
    sapoMaxWords: z.number().int().min(5).max(1000),
    bodyMinWords: z.number().int().min(0).max(100_000),
    bodyMaxWords: z.number().int().min(10).max(100_000),
    toneStyle: z.enum(['new', 'old']),
    quoteStyle: z.enum(['curly', 'straight']),
    personalDictionary: z.array(z.string().max(100)).max(20_000).transform((words) => [...new Set(words.map((w) => w.normalize('NFC').trim()).filter(Boolean))])
  })
})

export type Settings = z.output<typeof SettingsSchema>
export const SettingsPatchSchema = SettingsSchema.partial()
export type SettingsPatch = z.input<typeof SettingsPatchSchema>
/** What the renderer may change: everything but the drafts folder (main's folder dialog sets that). */
export const RendererSettingsPatchSchema = SettingsPatchSchema.omit({ draftsFolder: true }).strict()

export function defaultSettings(): Settings {
  return { categories: [...DEFAULT_CATEGORIES], defaultSource: 'VOV.VN', language: 'auto', draftsFolder: null, maxPhotoMB: 30, copyHeading: true, copyCredits: true, proof: defaultProofSettings() }
}
