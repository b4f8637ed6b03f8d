/**
 * `npm run bench:scale`: Khabar scaled out — PostgreSQL with 2 workers — against SQLite with 1
 * worker, in the same run, on the same corpus, under the same publishing load.
 *
 * What it does, for each of the two set-ups in turn:
 *  - imports the ANT corpus (BENCH_CORPUS) with `khabar import ndjson` BEFORE serving (both
 *    imports run at once: PostgreSQL into a fresh schema, SQLite into a temp data folder);
 *  - starts `khabar serve` (KHABAR_DEMO=0, search rate limit off, port chosen by the system);
 *  - loads the home page, a corpus article page and a search page with wrk, one page type after
 *    the other, BENCH_SECONDS (default 30) split evenly between the three, after a 2 s warm-up each;
 *  - meanwhile this process publishes through the store (`openStore` + `ingestArticle` in
 *    `store.transaction`) once a second — or as soon as the previous publish's check is done, if
 *    that took longer —: alternately a new article (published now, so first on the home page) and
 *    a new headline for that article;
 *  - after each publish returns, it asks for the home page, then the changed article's page, on a
 *    new connection each time (the cluster hands new connections to the workers in turn) until
 *    every worker has answered each page once with the new headline. Every answer that lacks the
 *    headline is STALE: the page cache promises that a committed write shows on the very next
 *    request to any worker (LISTEN/NOTIFY on PostgreSQL, data_version on SQLite). Under load one
 *    request can take seconds, so a page's check gives up after 20 s ("unreached": a worker gave
 *    no answer at all in that time).
 *  - stops the server with SIGTERM and expects exit code 0 within 5 s (graceful shutdown).
 *
 * How to read it: the machine has 2 cores shared with wrk and with the importers' and other
 * sessions' work, so absolute req/s and p99 swing from run to run; read the ratios
 * (PostgreSQL-2-workers / SQLite-1-worker) and the server CPU per request. "CPU/req" is the
 * utime+stime of the serving processes (primary + workers) during that page's wrk run divided by
 * wrk's request count; "+pg" is the CPU of the PostgreSQL backends serving those processes over
 * the same span (found by the application_name the bench gives their connections), per request:
 * the database's share, which SQLite spends inside the app process. The pages
 * are re-rendered after every publish (the content version moves), so this is a cache that is
 * invalidated once a second, not a pure cache-hit figure. Freshness: "worst" is the longest time
 * from a publish returning to a worker's first answer showing it; with no stale answer that is
 * only the answer's latency under the load. Before the load, one request at a time on the idle
 * server gives the home page's render time just after a write, its time from the cache, and the
 * search page's. The process exits 1 when any answer was stale, no write was checked, a worker
 * never answered a check, or a server did not exit 0 within 5 s of SIGTERM; failed requests and
 * unreached workers are reported.
 *
 * Environment: BENCH_SECONDS (30), BENCH_CONNECTIONS (32), BENCH_CORPUS
 * (../shared/corpus/arabic-news.ndjson.gz), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/test),
 * BENCH_QUERY (the search page's query).
 */
import { execFile, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { articlePath, ingestArticle, paragraphsToHtml, type Store } from '../src/core/index.js'
import { openStore, type StoreLocation } from '../src/storage/index.js'
import { cpuMs, ensureWrk, startChild, wrk, type WrkResult } from './support.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const CORPUS = process.env.BENCH_CORPUS ?? '../shared/corpus/arabic-news.ndjson.gz'
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const QUERY = process.env.BENCH_QUERY ?? 'أسعار النفط'
const PUBLISH_EVERY_MS = 1_000
// How long one page's check may take to reach every worker (under load a request can take seconds).
const CHECK_WITHIN_MS = 20_000
const WARM_UP_SECONDS = 2
const PAGES = ['home', 'article', 'search'] as const
type PageName = (typeof PAGES)[number]

const fmt = (n: number, digits = 0) => Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–'
const pct = (xs: number[], p: number) => xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN

// ---------------------------------------------------------------------------------------------
// Processes and their CPU

/** Pids whose parent is `pid` (the cluster's workers are the primary's children). */
function childrenOf(pid: number): number[] {
  const kids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) kids.push(Number(entry))
    } catch { /* gone meanwhile */ }
  }
  return kids
}

/** CPU time of these processes, per pid (a process gone by now counts as absent). */
function cpuOf(pids: number[]): Map<number, number> {
  const m = new Map<number, number>()
  for (const pid of pids) {
    try { m.set(pid, cpuMs(pid)) } catch { /* gone */ }
  }
  return m
}

/** CPU used between two readings, by processes present in the later one (new ones count from 0). */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0)
  return sum
}

/** SIGTERM, then the exit code and how long it took; SIGKILL (of the primary and its workers) after 5 s. */
async function stopServer(child: ChildProcess): Promise<{ code: number | null; signal: string | null; ms: number; alreadyExited: boolean }> {
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode, ms: 0, alreadyExited: true }
  const workers = childrenOf(child.pid!)
  const started = performance.now()
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  child.kill('SIGTERM')
  const result = await Promise.race([exited, sleep(5_000).then(() => null)])
  if (result) return { ...result, ms: performance.now() - started, alreadyExited: false }
  for (const pid of [child.pid!, ...workers]) {
    try { process.kill(pid, 'SIGKILL') } catch { /* gone */ }
  }
  await exited
  return { code: null, signal: 'timeout (killed)', ms: performance.now() - started, alreadyExited: false }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; stdout: string }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    execFile(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`))
      else resolve({ ms: performance.now() - started, stdout })
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Publishing and the freshness check

interface Answer { status: number; worker: string; body: string; cache: string }

/** GET on a connection of its own, so the cluster may hand it to any worker. */
function getOnNewConnection(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        worker: String(res.headers['x-khabar-worker'] ?? 'single'),
        body: Buffer.concat(chunks).toString('utf8'),
        cache: String(res.headers['x-cache'] ?? ''),
      }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url} within 10 s`)))
  })
}

interface Freshness {
  writes: number
  answers: number
  stale: number
  failures: number
  /** Checks in which a worker gave no answer at all (neither stale nor fresh) within CHECK_WITHIN_MS. */
  unreached: number
  /** Publish returned → a worker's first answer with the new headline, ms. */
  delays: number[]
  /** How long each publish (the transaction) took, ms. */
  publishMs: number[]
  workersSeen: Set<string>
  notes: string[]
}

/**
 * Publishes once a second until `stop()` — a new article, then a new headline for it, and so on —
 * and after each publish checks that every worker shows it on its very next answer.
 */
function startPublishing(store: Store, base: string, workers: number, runId: string): { stop: () => Promise<Freshness> } {
  const f: Freshness = { writes: 0, answers: 0, stale: 0, failures: 0, unreached: 0, delays: [], publishMs: [], workersSeen: new Set(), notes: [] }
  const note = (s: string) => { if (f.notes.length < 12) f.notes.push(s) }
  let stopped = false
  let story = 0
  let publishedAt = new Date()

  async function publishAndCheck(tick: number) {
    const fresh = tick % 2 === 0
    if (fresh) { story++; publishedAt = new Date() }
    const title = fresh ? `خبر عاجل للقياس ${runId} رقم ${story}` : `عنوان معدل للقياس ${runId} رقم ${story} نسخة ${tick}`
    const t = performance.now()
    const path = await store.transaction(async (tx) => {
      const { id } = await ingestArticle(tx, {
        externalId: `bench-scale-${runId}-${story}`, title, categoryName: 'رياضة', publishedAt,
        bodyHtml: paragraphsToHtml(['نص خبر كتبه مقياس الأداء أثناء التحميل.', `الإصدار ${tick}.`]), source: 'bench',
      })
      return articlePath((await tx.articles.get(id))!)
    })
    const returned = performance.now()
    f.publishMs.push(returned - t)
    f.writes++
    for (const [page, url] of [['home', `${base}/`], ['article', base + path]] as const) {
      const freshFrom = new Set<string>()
      const answeredBy = new Set<string>()
      const checkStarted = performance.now()
      while (freshFrom.size < workers) {
        if (performance.now() - checkStarted > CHECK_WITHIN_MS) {
          if (answeredBy.size < workers) f.unreached++
          note(`${page} after publish ${tick}: within ${CHECK_WITHIN_MS} ms workers [${[...answeredBy]}] answered, [${[...freshFrom]}] with "${title}"`)
          break
        }
        let a: Answer
        try {
          a = await getOnNewConnection(url)
        } catch (e) {
          f.failures++
          note(`${page} after publish ${tick}: ${(e as Error).message}`)
          continue
        }
        const ms = performance.now() - returned
        f.answers++
        f.workersSeen.add(a.worker)
        answeredBy.add(a.worker)
        if (a.status !== 200) {
          f.failures++
          note(`${page} after publish ${tick}: HTTP ${a.status} from worker ${a.worker}`)
          continue
        }
        if (!a.body.includes(title)) {
          f.stale++
          note(`STALE ${page} from worker ${a.worker} ${ms.toFixed(1)} ms after publish ${tick} returned (x-cache: ${a.cache})`)
          continue
        }
        if (!freshFrom.has(a.worker)) {
          freshFrom.add(a.worker)
          f.delays.push(ms)
        }
      }
    }
  }

  const loop = (async () => {
    for (let tick = 0; !stopped; tick++) {
      const started = performance.now()
      try {
        await publishAndCheck(tick)
      } catch (e) {
        f.failures++
        note(`publish ${tick} failed: ${(e as Error).message}`)
      }
      const wait = PUBLISH_EVERY_MS - (performance.now() - started)
      if (wait > 0 && !stopped) await sleep(wait)
    }
  })()
  return {
    async stop() {
      stopped = true
      await loop
      return f
    },
  }
}

// ---------------------------------------------------------------------------------------------
// One set-up: serve, load, publish, check, stop

interface Setup {
  label: string
  workers: number
  env: Record<string, string>
  location: StoreLocation
  /** PostgreSQL's server processes (backends) that serve this set-up's app processes. */
  dbPids?: () => Promise<number[]>
}

interface PageResult extends WrkResult { cpuMsPerRequest: number; pgCpuMsPerRequest: number }

interface SetupResult {
  pages: Record<PageName, PageResult>
  freshness: Freshness
  shutdown: Awaited<ReturnType<typeof stopServer>>
  idle: { homeRender: number; homeCached: number; search: number }
}

async function measure(setup: Setup, runId: string): Promise<SetupResult> {
  const env = { ...setup.env, PORT: '0', HOST: '127.0.0.1', KHABAR_DEMO: '0', KHABAR_LOG_LEVEL: 'error', KHABAR_SEARCH_RATE_LIMIT: '0', KHABAR_WORKERS: String(setup.workers) }
  const server = await startChild('node', ['bin/khabar.js', 'serve'], env, /serving (?:on port |http:\/\/[^\s]*:)(\d+)/)
  const base = `http://127.0.0.1:${server.match[1]}`
  let shutdown: SetupResult['shutdown'] | undefined
  const store = await openStore(setup.location)
  try {
    const newest = await (await fetch(`${base}/api/v1/articles?limit=1`)).json() as { items: Array<{ url: string }> }
    const urls: Record<PageName, string> = {
      home: `${base}/`,
      article: base + newest.items[0]!.url,
      search: `${base}/search?q=${encodeURIComponent(QUERY)}`,
    }
    for (const page of PAGES) {
      const res = await fetch(urls[page])
      if (res.status !== 200) throw new Error(`${setup.label}: ${urls[page]} answered ${res.status}`)
      await wrk(urls[page], { seconds: WARM_UP_SECONDS, connections: CONNECTIONS })
    }

    // One request at a time on an idle server: the home page just after a write (a render),
    // the same page again (from the cache), and the search page (never cached).
    const idle = { homeRender: NaN, homeCached: NaN, search: NaN }
    await store.transaction((tx) => ingestArticle(tx, {
      externalId: `bench-scale-${runId}-idle`, title: `خبر قبل القياس ${runId}`, categoryName: 'رياضة', publishedAt: new Date(Date.now() - 60_000),
      bodyHtml: paragraphsToHtml(['نص خبر كتبه مقياس الأداء.']), source: 'bench',
    }))
    const timed = async (url: string) => {
      const t = performance.now()
      const a = await getOnNewConnection(url)
      if (a.status !== 200) throw new Error(`${setup.label}: ${url} answered ${a.status}`)
      return performance.now() - t
    }
    idle.homeRender = await timed(urls.home)
    for (let w = 1; w < setup.workers; w++) await timed(urls.home) // the other workers render it too (new connections go round)
    idle.homeCached = await timed(urls.home)
    idle.search = await timed(urls.search)

    const publishing = startPublishing(store, base, setup.workers, runId)
    const pages = {} as Record<PageName, PageResult>
    const perPage = Math.max(1, Math.round(SECONDS / PAGES.length))
    for (const page of PAGES) {
      const serving = [server.child.pid!, ...childrenOf(server.child.pid!)]
      const dbBefore = cpuOf(await setup.dbPids?.() ?? [])
      const before = cpuOf(serving)
      const r = await wrk(urls[page], { seconds: perPage, connections: CONNECTIONS })
      const cpu = cpuBetween(before, cpuOf(serving))
      const dbPids = await setup.dbPids?.() ?? []
      const pgCpu = cpuBetween(dbBefore, cpuOf([...new Set([...dbBefore.keys(), ...dbPids])]))
      pages[page] = { ...r, cpuMsPerRequest: cpu / r.requests, pgCpuMsPerRequest: pgCpu / r.requests }
    }
    const freshness = await publishing.stop()
    if (childrenOf(server.child.pid!).length !== setup.workers && setup.workers > 1) {
      freshness.notes.push(`after the load the primary has ${childrenOf(server.child.pid!).length} workers, not ${setup.workers}`)
    }
    shutdown = await stopServer(server.child)
    return { pages, freshness, shutdown, idle }
  } finally {
    await store.close()
    if (!shutdown) await stopServer(server.child)
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  if (!existsSync(CORPUS)) {
    console.error(`bench:scale: no corpus at ${CORPUS} (set BENCH_CORPUS)`)
    return 2
  }
  ensureWrk()
  const runId = randomBytes(3).toString('hex')
  const schema = `k_bench_scale_${runId}`
  const pgDir = mkdtempSync(join(tmpdir(), 'khabar-bench-scale-pg-'))
  const sqliteDir = mkdtempSync(join(tmpdir(), 'khabar-bench-scale-sqlite-'))
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  let schemaCreated = false
  try {
    await admin.query(`CREATE SCHEMA ${schema}`)
    schemaCreated = true
    const sep = PG_URL.includes('?') ? '&' : '?'
    // The app's connections carry a name of their own (the URL's application_name wins over the
    // driver's), so their backends' CPU can be told from the publisher's and other users'.
    const appName = `khabar-bench-serve-${runId}`
    const databaseUrl = `${PG_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}&application_name=${appName}`
    const setups: Setup[] = [
      {
        label: 'PostgreSQL, 2 workers', workers: 2,
        env: { KHABAR_DATA_DIR: pgDir, KHABAR_DATABASE_URL: databaseUrl, KHABAR_SECRET: randomBytes(24).toString('base64url') },
        location: { databaseUrl: `${PG_URL}${sep}application_name=khabar-bench-publish-${runId}`, schema, dbFile: join(pgDir, 'khabar.db'), poolSize: 2 },
        dbPids: async () => (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [appName])).rows.map((r) => r.pid),
      },
      {
        label: 'SQLite, 1 worker', workers: 1,
        env: { KHABAR_DATA_DIR: sqliteDir },
        location: { dbFile: join(sqliteDir, 'khabar.db') },
      },
    ]

    // 1. The corpus, into both stores at once, before serving.
    console.log(`bench:scale: importing ${CORPUS} into PostgreSQL (schema ${schema}) and SQLite at once…`)
    const imports = await Promise.all(setups.map((s) => run('node', ['bin/khabar.js', 'import', 'ndjson', CORPUS], { ...s.env, KHABAR_DEMO: '0' })))
    setups.forEach((s, i) => console.log(`  ${s.label}: ${imports[i]!.stdout.trim()} (${fmt(imports[i]!.ms / 1000, 1)} s wall)`))

    // 2. Each set-up in turn, under load while publishing.
    const results: SetupResult[] = []
    for (const s of setups) {
      console.log(`bench:scale: ${s.label}: ${WARM_UP_SECONDS} s warm-up per page, then ${Math.max(1, Math.round(SECONDS / PAGES.length))} s per page while publishing every ${PUBLISH_EVERY_MS} ms…`)
      results.push(await measure(s, runId))
    }

    // 3. The table.
    const [p, q] = results as [SetupResult, SetupResult]
    const perPage = Math.max(1, Math.round(SECONDS / PAGES.length))
    const row = (cells: Array<[string, number]>) => cells.map(([text, width]) => width < 0 ? text.padEnd(-width) : text.padStart(width)).join('')
    const ms = (n: number, digits = 1) => `${fmt(n, digits)} ms`
    const times = (n: number) => `${fmt(n, 2)}×`
    console.log(`\nKhabar at scale — ${imports[1]!.stdout.match(/(\d+) created/)?.[1] ?? '?'} corpus articles; wrk -t1 -c${CONNECTIONS}, ${perPage} s per page; a publish every ${PUBLISH_EVERY_MS / 1000} s (or when its check is done) during the load`)
    console.log('CPU/req: primary + workers (utime+stime) / wrk requests; +pg: the PostgreSQL backends serving them; all in ms\n')
    console.log(row([['', -8], ['── PostgreSQL, 2 workers ──────────────', 41], ['── SQLite, 1 worker ─────────', 32], ['── PG-2 / SQLite-1 ──────────────', 36]]))
    console.log(row([['page', -8], ['req/s', 9], ['p99', 12], ['CPU/req', 10], ['+pg/req', 10], ['req/s', 12], ['p99', 12], ['CPU/req', 10], ['req/s', 10], ['p99', 8], ['CPU/req', 9], ['CPU+pg', 9]]))
    for (const page of PAGES) {
      const a = p.pages[page]
      const b = q.pages[page]
      console.log(row([
        [page, -8], [fmt(a.rps), 9], [ms(a.p99ms), 12], [fmt(a.cpuMsPerRequest, 3), 10], [fmt(a.pgCpuMsPerRequest, 3), 10],
        [fmt(b.rps), 12], [ms(b.p99ms), 12], [fmt(b.cpuMsPerRequest, 3), 10],
        [times(a.rps / b.rps), 10], [times(a.p99ms / b.p99ms), 8], [times(a.cpuMsPerRequest / b.cpuMsPerRequest), 9],
        [times((a.cpuMsPerRequest + a.pgCpuMsPerRequest) / b.cpuMsPerRequest), 9],
      ]))
    }
    console.log('\nfreshness: after each publish, home then the changed article, each until every worker answered it')
    console.log(row([['set-up', -24], ['writes', 7], ['answers', 9], ['stale', 7], ['unreached', 11], ['failed', 8], ['delay p50', 12], ['worst', 12], ['publish p50', 13], ['max', 10], ['workers', 9]]))
    results.forEach((r, i) => {
      const f = r.freshness
      console.log(row([
        [setups[i]!.label, -24], [String(f.writes), 7], [String(f.answers), 9], [String(f.stale), 7], [String(f.unreached), 11], [String(f.failures), 8],
        [ms(pct(f.delays, 50)), 12], [ms(f.delays.length ? Math.max(...f.delays) : NaN), 12],
        [ms(pct(f.publishMs, 50)), 13], [ms(f.publishMs.length ? Math.max(...f.publishMs) : NaN, 0), 10], [[...f.workersSeen].sort().join(','), 9],
      ]))
    })
    results.forEach((r, i) => {
      for (const n of r.freshness.notes) console.log(`  ${setups[i]!.label}: ${n}`)
      for (const page of PAGES) {
        const w = r.pages[page]
        if (w.non2xx || w.socketErrors) console.log(`  ${setups[i]!.label}: wrk on ${page}: ${w.non2xx} non-2xx/3xx answers, ${w.socketErrors} socket errors`)
      }
    })
    console.log('\none request on the idle server, before the load:', results.map((r, i) => `${setups[i]!.label}: home after a write ${ms(r.idle.homeRender)}, home cached ${ms(r.idle.homeCached)}, search ${ms(r.idle.search)}`).join('; '))
    console.log('shutdown (SIGTERM):', results.map((r, i) => `${setups[i]!.label}: ${r.shutdown.alreadyExited ? 'had already exited, ' : ''}exit ${r.shutdown.code ?? r.shutdown.signal} in ${fmt(r.shutdown.ms)} ms`).join('; '))
    console.log('import (both at once, before serving):', setups.map((s, i) => `${s.label} ${fmt(imports[i]!.ms / 1000, 1)} s`).join('; '))

    // Failing: a stale answer, nothing checked, a worker never heard from, an unclean shutdown.
    // Reported only: requests that failed or workers not reached in time under the load.
    const bad = results.some((r, i) => r.freshness.stale > 0 || r.freshness.writes === 0 || r.shutdown.code !== 0
      || r.freshness.workersSeen.size < setups[i]!.workers)
    console.log(bad ? '\nFAIL: see stale answers / workers seen / shutdown above' : '\nOK: no answer after a publish was stale; every worker was checked; servers shut down cleanly')
    return bad ? 1 : 0
  } finally {
    if (schemaCreated) await admin.query(`DROP SCHEMA ${schema} CASCADE`).catch((e: Error) => console.error(`bench:scale: could not drop schema ${schema}: ${e.message}`))
    await admin.end()
    rmSync(pgDir, { recursive: true, force: true })
    rmSync(sqliteDir, { recursive: true, force: true })
  }
}

process.exitCode = await main()
