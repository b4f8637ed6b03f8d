import { randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { LRUCache } from 'lru-cache'

interface Entry { version: string; body: Buffer; etag: string; expiresAt: number }

export interface PageCache {
  /**
   * Sends the page for `key` from memory when the store's content version is unchanged and the
   * entry is younger than the time-to-live; otherwise renders, remembers and sends it. A render
   * may answer with a permanent redirect instead, which is sent and not remembered.
   * Handlers pass the request URL as the key, so {@link sendIfFresh} can answer before routing.
   */
  send(req: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<string | { redirect: string }>): Promise<FastifyReply>
  /** Answers a GET/HEAD from memory if a fresh page is stored under its URL; false when it did not. */
  sendIfFresh(req: FastifyRequest, reply: FastifyReply): boolean
  clear(): void
}

/**
 * Rendered pages kept in memory, valid while the store's content version is unchanged. The version
 * changes with every committed write from any process, so a change shows on the next request and
 * nothing is ever served stale; the short time-to-live only covers what time itself changes (a
 * story scheduled to appear, the form token's age). Pages are shared by all readers: nothing
 * personal may be rendered into them.
 */
export function createPageCache(opts: { contentVersion: () => string; ttlMs?: number; maxPages?: number; now?: () => number }): PageCache {
  const { contentVersion, ttlMs = 60_000, maxPages = 2000, now = Date.now } = opts
  const pages = new LRUCache<string, Entry>({ max: maxPages })
  // ETags name a render, not its bytes: hashing a 75 KB page costs a quarter of a millisecond, and a
  // render is only ever replaced by a new one. The process tag keeps two app processes' renders apart.
  const processTag = randomBytes(4).toString('base64url')
  let renders = 0

  const fresh = (entry: Entry | undefined, version: string): entry is Entry =>
    entry !== undefined && entry.version === version && entry.expiresAt > now()

  function reply304or200(req: FastifyRequest, reply: FastifyReply, entry: Entry, hit: boolean): FastifyReply {
    reply.header('etag', entry.etag).header('cache-control', 'public, max-age=0, must-revalidate').header('x-cache', hit ? 'hit' : 'miss')
    if (req.headers['if-none-match'] === entry.etag) return reply.code(304).send()
    return reply.type('text/html; charset=utf-8').send(entry.body)
  }

  return {
    async send(req, reply, key, render) {
      // Read the version before rendering: a write that lands mid-render leaves this entry stale
      // by version, and the next request renders again.
      const version = contentVersion()
      const cached = pages.get(key)
      if (fresh(cached, version)) return reply304or200(req, reply, cached, true)
      const page = await render()
      if (typeof page !== 'string') return reply.redirect(page.redirect, 301)
      const body = Buffer.from(page)
      const entry = { version, body, etag: `"${processTag}.${version}.${++renders}"`, expiresAt: now() + ttlMs }
      pages.set(key, entry)
      return reply304or200(req, reply, entry, false)
    },
    sendIfFresh(req, reply) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false
      const cached = pages.get(req.url)
      if (!cached || !fresh(cached, contentVersion())) return false
      reply304or200(req, reply, cached, true)
      return true
    },
    clear: () => pages.clear(),
  }
}
