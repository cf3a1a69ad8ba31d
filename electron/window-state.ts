/** Remembered window size and position (a small JSON file in the user-data folder). */
import { promises as fs } from 'node:fs'
import * as z from 'zod'
import { jsonProblem, moveAside, writeFileDurable } from './services/store/durable-file'

const BoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false)
})
export type WindowState = z.output<typeof BoundsSchema>

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1400, height: 900, maximized: false }

/** The remembered state; a damaged file is moved aside (never overwritten) and the defaults are used. */
export async function loadWindowState(file: string): Promise<WindowState> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch {
    return DEFAULT_WINDOW_STATE
  }
  const parsed = jsonProblem(text)
  const r = 'value' in parsed ? BoundsSchema.safeParse(parsed.value) : null
  if (r?.success) return r.data
  await moveAside(file).catch(() => {})
  return DEFAULT_WINDOW_STATE
}

export function saveWindowState(file: string, state: WindowState): Promise<void> {
  return writeFileDurable(file, JSON.stringify(state))
}
