/**
 * Dates as the desk shows and reads them, one formatter for the UI language: Vietnamese `dd/mm/yyyy` and
 * `HH:mm dd/mm/yyyy`; English `20 Feb 2023` and `14:05, 20 Feb 2023`. An article's date is stored as
 * `YYYY-MM-DD`; times are ISO instants shown in the computer's time zone.
 */

export type UiLanguage = 'vi' | 'en'

export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number) => String(n).padStart(2, '0')

/** The oldest and newest years an article may carry (a typo such as 22023 is refused). */
export const MIN_YEAR = 1900
export const MAX_YEAR = 2100

/** An article's date (`YYYY-MM-DD`) for reading. */
export function formatDate(iso: string, language: UiLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  return language === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${Number(m[3])} ${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}`
}

/** A moment (ISO instant), in the computer's time zone. */
export function formatDateTime(instant: string | Date, language: UiLanguage): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(d.getTime())) return String(instant)
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`
  const date = formatDate(localIso(d), language)
  return language === 'vi' ? `${time} ${date}` : `${time}, ${date}`
}

/** The local calendar day of a moment, as `YYYY-MM-DD`. */
export function localIso(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

export type ParsedDate = { ok: true; iso: string } | { ok: false; reason: 'format' | 'year' | 'day' }

const RELATIVE: Record<string, number> = {
  'hôm nay': 0,
  'hom nay': 0,
  today: 0,
  'hôm qua': -1,
  'hom qua': -1,
  yesterday: -1,
  mai: 1,
  'ngày mai': 1,
  'ngay mai': 1,
  tomorrow: 1
}

/**
 * What a journalist types in a date field: `20/2/2023`, `20-02-2023`, `20.02.2023`, `20022023`,
 * `2023-02-20`, `20/2/23`, or "hôm nay", "hôm qua", "mai" (today, yesterday, tomorrow). Day before month,
 * as Vietnamese (and British) writing has it. Empty is no date.
 */
export function parseDateInput(text: string, today: Date = new Date()): ParsedDate | { ok: true; iso: '' } {
  const s = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')
  if (!s) return { ok: true, iso: '' }
  if (s in RELATIVE) {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + RELATIVE[s])
    return { ok: true, iso: localIso(d) }
  }
  let y: number, m: number, d: number
  let match: RegExpExecArray | null
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) [y, m, d] = [+match[1], +match[2], +match[3]]
  else if ((match = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4,5})$/.exec(s))) [d, m, y] = [+match[1], +match[2], +match[3]]
  else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(s))) [d, m, y] = [+match[1], +match[2], +match[3]]
  else return { ok: false, reason: 'format' }
  if (y < 100) y += 2000
  if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, reason: 'year' }
  if (!validDay(y, m, d)) return { ok: false, reason: 'day' }
  return { ok: true, iso: `${y}-${pad(m)}-${pad(d)}` }
}
