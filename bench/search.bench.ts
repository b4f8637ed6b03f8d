/**
 * Search at corpus scale (part of `npm run bench`): the ANT corpus (18,865 articles) imported with
 * `khabar import` into a fresh data folder — time, database and index size — then the site started
 * on it: latency over HTTP for every query of bench/search-eval/queries.json (p50/p95, page and
 * API), the server's memory, and the article page's uncached render CPU on this database
 * against the demo database, so related articles are seen to cost the page nothing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { load, startChild } from './support.js'

const corpus = process.env.BENCH_CORPUS ?? '../shared/corpus/arabic-news.ndjson.gz'
const queries = (JSON.parse(readFileSync(new URL('./search-eval/queries.json', import.meta.url), 'utf8')) as Array<{ query: string }>).map((q) => q.query)
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!

async function timeQueries(base: string, path: (q: string) => string): Promise<number[]> {
  for (const q of queries.slice(0, 50)) await (await fetch(base + path(q))).arrayBuffer() // warm-up
  const times: number[] = []
  for (const q of queries) {
    const t = performance.now()
    const res = await fetch(base + path(q))
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`${path(q)} answered ${res.status}`)
    times.push(performance.now() - t)
  }
  return times
}

function rssOf(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024
}

async function uncachedArticleCpu(dataDir: string, port: number): Promise<number> {
  const env = { KHABAR_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', KHABAR_LOG_LEVEL: 'error', KHABAR_PAGE_CACHE_TTL_MS: '0' }
  const server = await startChild('node', ['bin/khabar.js', 'serve'], env, /serving (http:\/\/\S+)/)
  try {
    const base = server.match[1]!
    const list = await (await fetch(`${base}/api/v1/articles?limit=1`)).json() as { items: Array<{ url: string }> }
    load(base + list.items[0]!.url, server.child.pid!, { seconds: 2, connections: 4 })
    return load(base + list.items[0]!.url, server.child.pid!, { seconds: 5, connections: 4 }).cpuMsPerRequest
  } finally {
    server.child.kill()
  }
}

export async function benchSearch(): Promise<void> {
  if (!existsSync(corpus)) {
    console.log(`\nsearch benchmark skipped: no corpus at ${corpus} (set BENCH_CORPUS)`)
    return
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'khabar-bench-search-'))
  const demoDir = mkdtempSync(join(tmpdir(), 'khabar-bench-demo-'))
  try {
    const env = { ...process.env, KHABAR_DATA_DIR: dataDir, KHABAR_DEMO: '0' }
    const started = Date.now()
    execFileSync('node', ['bin/khabar.js', 'import', 'ndjson', corpus], { env, stdio: ['ignore', 'ignore', 'inherit'] })
    const importSeconds = (Date.now() - started) / 1000
    const dbFile = join(dataDir, 'khabar.db')
    const db = new BetterSqlite3(dbFile, { readonly: true })
    const indexBytes = (db.prepare("SELECT sum(pgsize) AS s FROM dbstat WHERE name LIKE 'article_search%'").get() as { s: number }).s
    const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
    db.close()
    const dbBytes = statSync(dbFile).size + (existsSync(`${dbFile}-wal`) ? statSync(`${dbFile}-wal`).size : 0)

    const server = await startChild('node', ['bin/khabar.js', 'serve'], { KHABAR_DATA_DIR: dataDir, KHABAR_DEMO: '0', PORT: '3392', KHABAR_LOG_LEVEL: 'error', KHABAR_SEARCH_RATE_LIMIT: '0' }, /serving (http:\/\/\S+)/)
    let api: number[], page: number[], rss: number
    try {
      const base = server.match[1]!
      api = await timeQueries(base, (q) => `/api/v1/search?q=${encodeURIComponent(q)}`)
      page = await timeQueries(base, (q) => `/search?q=${encodeURIComponent(q)}`)
      rss = rssOf(server.child.pid!)
    } finally {
      server.child.kill()
    }
    // The demo database for the comparison: the same server, started once to seed it.
    const seed = await startChild('node', ['bin/khabar.js', 'serve'], { KHABAR_DATA_DIR: demoDir, PORT: '3393', KHABAR_LOG_LEVEL: 'error' }, /serving/)
    seed.child.kill()
    const cpuCorpus = await uncachedArticleCpu(dataDir, 3394)
    const cpuDemo = await uncachedArticleCpu(demoDir, 3395)

    console.log(`\nSearch on the ANT corpus (${articles.toLocaleString('en-US')} articles)\n`)
    console.log(`  import (khabar import ndjson, incl. index and related articles)  ${importSeconds.toFixed(1)} s`)
    console.log(`  database ${mb(dbBytes)}, of which search index ${mb(indexBytes)}`)
    console.log(`  ${queries.length} queries over HTTP, one at a time:`)
    console.log(`    /api/v1/search   p50 ${pct(api, 50).toFixed(2)} ms   p95 ${pct(api, 95).toFixed(2)} ms   max ${Math.max(...api).toFixed(2)} ms`)
    console.log(`    /search (page)   p50 ${pct(page, 50).toFixed(2)} ms   p95 ${pct(page, 95).toFixed(2)} ms   max ${Math.max(...page).toFixed(2)} ms`)
    console.log(`  server memory (RSS) after the queries: ${mb(rss)}`)
    console.log(`  article page, uncached render CPU: ${cpuCorpus.toFixed(3)} ms on the corpus, ${cpuDemo.toFixed(3)} ms on the demo site`)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(demoDir, { recursive: true, force: true })
  }
}
