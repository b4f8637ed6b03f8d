import { z } from 'zod'
import { parseIsoDate } from '../core/index.js'

/** A positive integer query parameter (as a string on the wire), at most `max`. */
export const positiveInt = (max: number) => z.string().regex(/^[1-9][0-9]*$/, 'must be a positive integer').transform(Number)
  .refine((n) => n <= max, `must be at most ${max}`)

/** A desk, tag or author slug. */
export const slugParam = z.string().trim().min(1).max(200)

/**
 * A calendar day, YYYY-MM-DD, as the start of that day in the newsroom's time (Riyadh, UTC+3). A
 * day that does not exist (`2026-02-31`) is refused, not read as a later one.
 */
export const dayParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)').transform((s, ctx) => {
  const start = parseIsoDate(`${s}T00:00:00+03:00`)
  if (start instanceof Date) return start
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'not a real date' })
  return z.NEVER
})

/** The last millisecond of a day given by {@link dayParam}: a `to` date includes its whole day. */
export const endOfDay = (start: Date) => new Date(start.getTime() + 86_400_000 - 1)

/** `from` / `to` filters of the search page and API. */
export const DayRange = z.object({ from: dayParam.optional(), to: dayParam.optional() })
