import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { LRUCache } from 'lru-cache'

interface Entry { version: string; body: Buffer; etag: string; expiresAt: number }

export interface PageCache {
  /**
   * Sends the page for `key` from memory when the store's content version is unchanged and the
   * entry is younger than the time-to-live; otherwise renders, remembers and sends it. A render
   * may answer with a permanent redirect instead, which is sent and not remembered.
   */
  send(req: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<string | { redirect: string }>): Promise<FastifyReply>
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
  return {
    async send(req, reply, key, render) {
      // Read the version before rendering: a write that lands mid-render leaves this entry stale
      // by version, and the next request renders again.
      const version = contentVersion()
      let entry = pages.get(key)
      const hit = entry !== undefined && entry.version === version && entry.expiresAt > now()
      if (!hit) {
        const page = await render()
        if (typeof page !== 'string') return reply.redirect(page.redirect, 301)
        const body = Buffer.from(page)
        entry = { version, body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`, expiresAt: now() + ttlMs }
        pages.set(key, entry)
      }
      reply.header('etag', entry!.etag).header('cache-control', 'public, max-age=0, must-revalidate').header('x-cache', hit ? 'hit' : 'miss')
      if (req.headers['if-none-match'] === entry!.etag) return reply.code(304).send()
      return reply.type('text/html; charset=utf-8').send(entry!.body)
    },
    clear: () => pages.clear(),
  }
}
