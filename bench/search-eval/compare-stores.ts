/** What the eval measures when it compares two stores: overlap of their rankings, and latency over HTTP. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Store } from '../../src/core/index.js'
import { buildApp } from '../../src/web/index.js'

/** Mean share of the first list's top 10 that the second's top 10 holds too (1 when both are empty). */
export function overlapAt10(a: string[][], b: string[][]): number {
  const shares = a.map((x, i) => {
    const y = new Set(b[i]!.slice(0, 10))
    const top = x.slice(0, 10)
    const size = Math.max(top.length, y.size)
    return size === 0 ? 1 : top.filter((id) => y.has(id)).length / size
  })
  return shares.reduce((s, v) => s + v, 0) / shares.length
}

/** The p-th percentile (nearest rank) of some timings. */
export function percentile(ms: number[], p: number): number {
  const sorted = [...ms].sort((x, y) => x - y)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/**
 * Each query's time over HTTP: the whole app on the store, listening on a local port, the JSON
 * search API asked one query at a time (after a few other words, which open the pool's connections).
 */
export async function httpLatency(store: Store, queries: string[]): Promise<number[]> {
  const mediaDir = mkdtempSync(join(tmpdir(), 'khabar-eval-media-'))
  const app = await buildApp({ store, siteName: 'eval', siteUrl: 'http://localhost', secret: 'search-eval-secret-not-for-production', mediaDir, logLevel: 'silent', searchRateLimit: 0 })
  try {
    await app.listen({ host: '127.0.0.1', port: 0 })
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/search?limit=10&q=`
    const ask = async (q: string) => {
      const res = await fetch(base + encodeURIComponent(q))
      if (!res.ok) throw new Error(`GET /api/v1/search?q=${q}: ${res.status}`)
      await res.arrayBuffer()
    }
    for (const q of ['الرئيس', 'اليوم', 'مباراة', 'النفط', 'الحكومة']) await ask(q)
    const times: number[] = []
    for (const q of queries) {
      const started = performance.now()
      await ask(q)
      times.push(performance.now() - started)
    }
    return times
  } finally {
    await app.close()
    rmSync(mediaDir, { recursive: true, force: true })
  }
}
