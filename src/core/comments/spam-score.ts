import { searchKey } from '../../arabic/index.js'

/** What a new comment is weighed against: the same sender's recent comments (by address or e-mail). */
export interface RecentComment { body: string; createdAt: Date }

/** A score of at least this goes straight to spam; below it, the comment waits for review as usual. */
export const SPAM_AT = 5

const LINK = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|info|xyz|top|ru|cn)\b/gi
const ARABIC = /[\u0600-\u06FF]/

/** Bodies compared as the search compares words: spelling variants and spacing do not make a copy new. */
const sameText = (a: string, b: string) => searchKey(a).replace(/\s+/g, ' ').trim() === searchKey(b).replace(/\s+/g, ' ').trim()

/**
 * How much a reader's comment looks like spam, from signals a moderator would see: links (one is
 * common; three or more are spam on their own), no Arabic at all around a link on an Arabic site, the same text sent
 * again, and a burst of comments from one sender. Other signals alone stay under {@link SPAM_AT};
 * two together reach it. Pure: the caller reads the sender's recent comments.
 */
export function spamScore(body: string, recent: readonly RecentComment[], now: Date): { score: number; signals: string[] } {
  const signals: string[] = []
  let score = 0
  const links = body.match(LINK)?.length ?? 0
  if (links >= 3) { score += SPAM_AT; signals.push(`${links} links`) } else if (links > 0) { score += links; signals.push(`${links} link${links > 1 ? 's' : ''}`) }
  if (links > 0 && !ARABIC.test(body)) { score += 2; signals.push('a link with no Arabic') }
  if (recent.some((r) => sameText(r.body, body))) { score += 4; signals.push('sent before') }
  const lastTenMinutes = recent.filter((r) => now.getTime() - r.createdAt.getTime() < 10 * 60_000).length
  if (lastTenMinutes >= 3) { score += 3; signals.push(`${lastTenMinutes} comments in ten minutes`) }
  return { score, signals }
}
