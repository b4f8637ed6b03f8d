/**
 * `npm run bench`: Khabar's home and article pages against a bare node:http server sending the same
 * bytes, in the same run on the same machine (2 cores shared with wrk: compare ratios, not absolutes).
 * Also: server CPU per request under load, CPU per uncached render (in-process, cache off), and a
 * check that a write by another process (`khabar import`) shows on the very next request.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureWrk, load, startChild, type LoadResult } from './support.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const dataDir = mkdtempSync(join(tmpdir(), 'khabar-bench-'))
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

async function main() {
  ensureWrk()
  const env = { KHABAR_DATA_DIR: dataDir, PORT: '3390', HOST: '127.0.0.1', KHABAR_LOG_LEVEL: 'error' }
  const khabar = await startChild('node', ['bin/khabar.js', 'serve'], env, /serving (http:\/\/\S+)/)
  const base = khabar.match[1]!
  try {
    const seed = await (await fetch(`${base}/api/v1/articles?q=${encodeURIComponent('الكاظمي')}`)).json() as { items: Array<{ url: string }> }
    const paths = { home: '/', article: seed.items[0]!.url }

    // 1. The same bytes, served bare.
    const snapshot: Record<string, { body: string; headers: Record<string, string> }> = {}
    for (const path of Object.values(paths)) {
      const res = await fetch(base + path)
      const headers: Record<string, string> = {}
      res.headers.forEach((v, k) => { if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(k)) headers[k] = v })
      snapshot[path] = { body: Buffer.from(await res.arrayBuffer()).toString('base64'), headers }
    }
    const snapshotFile = join(dataDir, 'snapshot.json')
    writeFileSync(snapshotFile, JSON.stringify(snapshot))
    const bare = await startChild('node', ['bench/bare-server.mjs', snapshotFile], {}, /bare server on (\d+)/)
    const bareBase = `http://127.0.0.1:${bare.match[1]}`

    // 2. Load, alternating servers so drift on the shared machine hits both alike.
    const results: Record<string, { khabar: LoadResult; bare: LoadResult; bytes: number }> = {}
    for (const [name, path] of Object.entries(paths)) {
      load(base + path, khabar.child.pid!, { seconds: 2, connections: CONNECTIONS }) // warm-up
      load(bareBase + path, bare.child.pid!, { seconds: 2, connections: CONNECTIONS })
      results[name] = {
        khabar: load(base + path, khabar.child.pid!, { seconds: SECONDS, connections: CONNECTIONS }),
        bare: load(bareBase + path, bare.child.pid!, { seconds: SECONDS, connections: CONNECTIONS }),
        bytes: Buffer.from(snapshot[path]!.body, 'base64').length,
      }
    }
    bare.child.kill()

    // 3. A write from another process shows on the next request.
    const title = `خبر من عملية أخرى ${Date.now()}`
    const ndjson = join(dataDir, 'one.ndjson')
    writeFileSync(ndjson, JSON.stringify({ id: `bench-${Date.now()}`, title, body: 'نص الخبر.', category: 'bench', category_ar: 'العرب والعالم', date: new Date().toISOString(), source: 'bench' }) + '\n')
    await fetch(base + '/') // cached before the write
    execFileSync('node', ['bin/khabar.js', 'import', 'ndjson', ndjson], { env: { ...process.env, ...env }, stdio: 'ignore' })
    const fresh = (await (await fetch(base + '/')).text()).includes(title)

    // 4. Server CPU per uncached render: a second server on the same data with the page cache off,
    //    under light load (4 connections), so the figure is render work, not queueing.
    const uncached = await startChild('node', ['bin/khabar.js', 'serve'], { ...env, PORT: '3391', KHABAR_PAGE_CACHE_TTL_MS: '0' }, /serving (http:\/\/\S+)/)
    const renders: Record<string, LoadResult> = {}
    try {
      for (const [name, path] of Object.entries(paths)) {
        load(uncached.match[1]! + path, uncached.child.pid!, { seconds: 2, connections: 4 })
        renders[name] = load(uncached.match[1]! + path, uncached.child.pid!, { seconds: SECONDS, connections: 4 })
      }
    } finally {
      uncached.child.kill()
    }

    console.log(`\nKhabar page benchmark — wrk -t1 -c${CONNECTIONS} -d${SECONDS}s on loopback, same bytes from a bare node:http server\n`)
    console.log('page     bytes    khabar req/s  bare req/s  ratio   khabar p99  bare p99   khabar CPU/req  bare CPU/req')
    for (const [name, r] of Object.entries(results)) {
      console.log([
        name.padEnd(8), fmt(r.bytes).padStart(7),
        fmt(r.khabar.rps).padStart(13), fmt(r.bare.rps).padStart(11), `${fmt(r.khabar.rps / r.bare.rps, 2)}×`.padStart(6),
        `${fmt(r.khabar.p99ms, 2)} ms`.padStart(11), `${fmt(r.bare.p99ms, 2)} ms`.padStart(10),
        `${fmt(r.khabar.cpuMsPerRequest * 1000)} µs`.padStart(15), `${fmt(r.bare.cpuMsPerRequest * 1000)} µs`.padStart(13),
      ].join('  '))
    }
    console.log('\nuncached render (page cache off, wrk -c4): server CPU per request, req/s')
    for (const [name, r] of Object.entries(renders)) console.log(`  ${name.padEnd(8)} ${fmt(r.cpuMsPerRequest, 3)} ms  ${fmt(r.rps)} req/s`)
    console.log(`\nwrite by another process (khabar import) visible on the next request: ${fresh ? 'yes' : 'NO'}`)
    const worst = Math.min(...Object.values(results).map((r) => r.khabar.rps / r.bare.rps))
    console.log(`target ≥ 0.50× for both pages: ${worst >= 0.5 ? 'met' : 'NOT met'} (worst ${fmt(worst, 2)}×)`)
    if (!fresh) process.exitCode = 1
  } finally {
    khabar.child.kill()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

// BENCH_ONLY=pages or BENCH_ONLY=search runs one half.
if (process.env.BENCH_ONLY !== 'search') await main()
if (process.env.BENCH_ONLY !== 'pages') await (await import('./search.bench.js')).benchSearch()
