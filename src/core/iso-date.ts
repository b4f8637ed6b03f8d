// ISO 8601 extended format as ECMAScript reads it (https://tc39.es/ecma262/#sec-date-time-string-format):
// YYYY-MM-DD, optionally THH:MM, :SS, a fraction, and a zone (Z or ±HH:MM).
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))?)?$/

/**
 * The instant an ISO 8601 date or date-time names, or why it names none. Its calendar fields must
 * exist as written: `Date` would take 2018-02-31 as 3 March, and `Date.parse('0')` as 2000-01-01.
 * A date alone is midnight UTC and a date-time without a zone is local time, as in ECMAScript.
 */
export function parseIsoDate(text: string): Date | { problem: string } {
  const m = ISO_DATE.exec(text)
  if (!m) return { problem: 'not an ISO 8601 date' }
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((f) => Number(f ?? 0)) as [number, number, number, number, number, number]
  const ms = m[7] ? Math.floor(Number(m[7]) * 1000) : 0
  const wall = new Date(0)
  wall.setUTCFullYear(y, mo - 1, d)
  wall.setUTCHours(h, mi, s, ms)
  const fields = [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()]
  const offsetMinutes = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : 0
  if (fields.join() !== [y, mo, d, h, mi, s].join() || Number(m[10] ?? 0) > 23 || Number(m[11] ?? 0) > 59) {
    return { problem: `not a calendar date: ${text}` }
  }
  if (m[4] !== undefined && m[8] === undefined) {
    const local = new Date(y, mo - 1, d, h, mi, s, ms)
    local.setFullYear(y) // years 0–99 would otherwise be read as 1900–1999
    return local
  }
  return new Date(wall.getTime() - offsetMinutes * 60_000)
}
