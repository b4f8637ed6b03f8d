import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { LRUCache } from 'lru-cache'
import type { User } from '../../core/index.js'
import { sameOriginPath } from './redirect.js'

/** A rendered page, or a permanent redirect decided instead of one. */
interface Entry { version: string; expiresAt: number; etag: string; body: Buffer | null; location: string | null }

export type Rendered = string | { redirect: string }

/** A signed-in member reading the public site: their pages are theirs alone (an edit link), never cached. */
export type Viewer = User

export interface PersonalPages {
  /** Whether the request may come from a member (it carries a session cookie): cheap, checked before routing. */
  present(req: FastifyRequest): boolean
  /** The member it comes from, or null (an expired or forged cookie: served like anyone). */
  resolve(req: FastifyRequest): Promise<Viewer | null>
}

export interface PageCache {
  /**
   * Sends the page for `key` from memory when the store's content version is unchanged and the
   * entry is younger than the time-to-live; otherwise renders, remembers and sends it. A render
   * may answer with a permanent redirect instead, which is remembered the same way. Handlers pass
   * {@link pageKey} of the URL and the parameters the page reads, so {@link sendIfFresh} can
   * answer before routing. A signed-in member's page is rendered for them (`viewer`), sent
   * private and not kept.
   */
  send(req: FastifyRequest, reply: FastifyReply, key: string, render: (viewer: Viewer | null) => Promise<Rendered>): Promise<FastifyReply>
  /** Answers a GET/HEAD from memory if a fresh entry is stored under its key; false when it did not. */
  sendIfFresh(req: FastifyRequest, reply: FastifyReply): boolean
  /** How many entries are kept, and their size as counted against the bound. */
  stats(): { pages: number; bytes: number; maxBytes: number }
  clear(): void
}

// Reserved characters whose escapes must stay escaped: decoding `%2F` or `%3F` would make a
// different path (or a query) out of this one.
const RESERVED_ESCAPE = /(%2[fF]|%3[fF]|%23|%25)/

/**
 * The cache key of a page: its path with escapes decoded (`%D8%B9`, `%d8%b9` and `ع` are one
 * page) and without a trailing slash, plus only the query parameters the page reads — named, with
 * their values taken from the URL, or given as already validated values — in name order. Any
 * other parameter (`utm_*`, `fbclid`, random cache-busters) names the same page.
 */
export function pageKey(url: string, read: readonly string[] | Readonly<Record<string, string | number | undefined>> = []): string {
  const q = url.indexOf('?')
  const rawPath = q < 0 ? url : url.slice(0, q)
  let path = rawPath.includes('%') ? decodePath(rawPath) : rawPath
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1)
  let values: Array<[string, string]>
  if (Array.isArray(read)) {
    // Every request is looked up before routing: most have no query string to read.
    if (q < 0 || read.length === 0) return path
    const query = new URLSearchParams(url.slice(q + 1))
    values = (read as readonly string[]).map((name) => [name, query.get(name) ?? ''])
  } else {
    values = Object.entries(read).map(([name, v]) => [name, v === undefined ? '' : String(v)])
  }
  const kept = values.filter(([, v]) => v !== '').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return kept.length ? `${path}?${new URLSearchParams(kept).toString()}` : path
}

function decodePath(rawPath: string): string {
  return rawPath.split(RESERVED_ESCAPE).map((part, i) => {
    if (i % 2 === 1) return part.toUpperCase()
    try {
      return decodeURIComponent(part)
    } catch {
      return part // a malformed escape: kept as sent (the router answers 400 or 404 for it)
    }
  }).join('')
}

/**
 * The ETag of a page is a hash of its bytes, so every app process that renders the same page gives
 * it the same tag and any of them can answer a revalidation with 304. It is computed once per
 * render, from the bytes the cache keeps (hashing the string would encode it a second time): about
 * 40 µs for a 70 KB page on this machine's SHA extensions. Cached answers reuse it.
 */
function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/**
 * If-None-Match compares weakly and may list several tags (RFC 9110 §13.1.2): a proxy that
 * compresses pages sends ours back as `W/"…"`.
 */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  return header === etag || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

// What an entry costs beyond its body: its key, the entry object and the cache's bookkeeping.
const ENTRY_OVERHEAD = 256

/**
 * Rendered pages kept in memory, valid while the store's content version is unchanged. The version
 * changes with every committed write from any process, so a change shows on the next request and
 * nothing is ever served stale; the short time-to-live only covers what time itself changes (a
 * story scheduled to appear, the form token's age). Pages are shared by all readers: nothing
 * personal may be rendered into them. Memory is bounded in bytes (`maxBytes`), least recently
 * used first out; `keyParams` are every query parameter any cached page reads, so the lookup
 * before routing finds a page under the same key its handler stored it with.
 */
export function createPageCache(opts: {
  contentVersion: () => string
  ttlMs?: number
  maxBytes?: number
  keyParams?: readonly string[]
  personal?: PersonalPages
  now?: () => number
}): PageCache {
  const { contentVersion, ttlMs = 60_000, maxBytes = 64 * 1024 * 1024, keyParams = [], now = Date.now, personal } = opts
  const pages = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    maxEntrySize: maxBytes,
    sizeCalculation: (entry, key) => (entry.body?.length ?? entry.location!.length) + key.length * 2 + ENTRY_OVERHEAD,
  })

  const fresh = (entry: Entry | undefined, version: string): entry is Entry =>
    entry !== undefined && entry.version === version && entry.expiresAt > now()

  function answer(req: FastifyRequest, reply: FastifyReply, entry: Entry, hit: boolean): FastifyReply {
    reply.header('x-cache', hit ? 'hit' : 'miss')
    if (entry.location !== null) {
      // Short-lived for browsers and proxies: a slug can change again, and an old address must
      // then follow it rather than loop on a remembered redirect.
      return reply.header('cache-control', 'public, max-age=300').redirect(entry.location, 301)
    }
    reply.header('etag', entry.etag).header('cache-control', 'public, max-age=0, must-revalidate')
    if (matches(req.headers['if-none-match'], entry.etag)) return reply.code(304).send()
    return reply.type('text/html; charset=utf-8').send(entry.body)
  }

  return {
    async send(req, reply, key, render) {
      const viewer = personal?.present(req) ? await personal.resolve(req) : null
      if (viewer) {
        const page = await render(viewer)
        reply.header('cache-control', 'private, no-store').header('x-cache', 'bypass')
        if (typeof page !== 'string') return reply.redirect(sameOriginPath(page.redirect), 301)
        return reply.type('text/html; charset=utf-8').send(page)
      }
      // Read the version before rendering: a write that lands mid-render leaves this entry stale
      // by version, and the next request renders again.
      const version = contentVersion()
      const cached = pages.get(key)
      if (fresh(cached, version)) return answer(req, reply, cached, true)
      const page = await render(null)
      const expiresAt = now() + ttlMs
      let entry: Entry
      if (typeof page === 'string') {
        const body = Buffer.from(page)
        entry = { version, expiresAt, etag: etagOf(body), body, location: null }
      } else {
        entry = { version, expiresAt, etag: '', body: null, location: sameOriginPath(page.redirect) }
      }
      pages.set(key, entry)
      return answer(req, reply, entry, false)
    },
    sendIfFresh(req, reply) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false
      if (personal?.present(req)) return false
      const cached = pages.get(pageKey(req.url, keyParams))
      if (!cached || !fresh(cached, contentVersion())) return false
      answer(req, reply, cached, true)
      return true
    },
    stats: () => ({ pages: pages.size, bytes: pages.calculatedSize, maxBytes }),
    clear: () => pages.clear(),
  }
}
