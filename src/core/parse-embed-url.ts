/** The outside posts an article may embed, as a link card (never an iframe or a third-party script). */
export type EmbedProvider = 'youtube' | 'x'

/** An embeddable post: its provider and its one canonical address. */
export interface Embed { provider: EmbedProvider; url: string }

// Video ids are 11 characters of base64url; X handles are 1–15 word characters, post ids digits.
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/
const X_PATH = /^\/([A-Za-z0-9_]{1,15})\/status\/([0-9]{1,20})\/?$/
const YOUTUBE_HOSTS = new Set(['www.youtube.com', 'youtube.com'])
const X_HOSTS = new Set(['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com'])

/**
 * The embed a pasted address names, or null: https only, YouTube videos (`youtube.com/watch?v=`,
 * `youtu.be/`, `youtube.com/shorts/`) and X posts (`x.com|twitter.com/USER/status/ID`). Tracking
 * parameters are dropped; the canonical address is `https://www.youtube.com/watch?v=ID` or
 * `https://x.com/USER/status/ID`. Pure and dependency-free: the newsroom's browser bundle imports
 * it too, so the editor and the sanitizer accept exactly the same addresses.
 */
export function parseEmbedUrl(text: string): Embed | null {
  let u: URL
  try { u = new URL(text.trim()) } catch { return null }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return null
  const host = u.hostname.toLowerCase()
  let id: string | null = null
  if (YOUTUBE_HOSTS.has(host)) {
    if (u.pathname === '/watch') id = u.searchParams.get('v')
    else id = /^\/shorts\/([^/]+)\/?$/.exec(u.pathname)?.[1] ?? null
  } else if (host === 'youtu.be') {
    id = /^\/([^/]+)\/?$/.exec(u.pathname)?.[1] ?? null
  } else if (X_HOSTS.has(host)) {
    const m = X_PATH.exec(u.pathname)
    return m ? { provider: 'x', url: `https://x.com/${m[1]}/status/${m[2]}` } : null
  }
  return id && YOUTUBE_ID.test(id) ? { provider: 'youtube', url: `https://www.youtube.com/watch?v=${id}` } : null
}
