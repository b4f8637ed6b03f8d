/**
 * `npm run bench:against -- REF`: today's page speed against commit REF's, for "unchanged within
 * noise" claims. Both versions serve their own demo site side by side (REF from a temporary git
 * worktree), and wrk loads them in alternating windows — home, then article, cached and with the
 * page cache off — so the drift of a shared machine, which moves a single run by ±30 %, hits both
 * alike. Prints each side's server CPU per request per window and the medians.
 * BENCH_ROUNDS (default 6) and BENCH_SECONDS (default 4) set the windows.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureWrk, load, startChild, type LoadResult } from './support.js'

const ref = process.argv[2] ?? ''
if (!ref) throw new Error('usage: npm run bench:against -- REF (a commit, branch or tag)')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const repo = resolve(import.meta.dirname, '..')
const scratch = mkdtempSync(join(tmpdir(), 'khabar-against-'))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

type Side = { name: string; dir: string; servers: Record<'cached' | 'uncached', { base: string; pid: number; kill: () => void }> }

async function serve(dir: string, name: string, port: number, cached: boolean) {
  const env = { KHABAR_DATA_DIR: join(scratch, `${name}-data`), PORT: String(port), HOST: '127.0.0.1', KHABAR_LOG_LEVEL: 'error', ...(cached ? {} : { KHABAR_PAGE_CACHE_TTL_MS: '0' }) }
  const { child, match } = await startChild('node', [join(dir, 'bin/khabar.js'), 'serve'], env, /serving (http:\/\/\S+)/, dir)
  return { base: match[1]!, pid: child.pid!, kill: () => child.kill() }
}

async function main() {
  ensureWrk()
  const old = join(scratch, 'ref')
  execFileSync('git', ['worktree', 'add', '--detach', old, ref], { cwd: repo, stdio: 'ignore' })
  symlinkSync(join(repo, 'node_modules'), join(old, 'node_modules'))
  const sides: Side[] = []
  try {
    let port = 3470
    for (const [name, dir] of [[ref, old], ['today', repo]] as const) {
      // The cached server first: it seeds the demo site the uncached one then shares.
      const cached = await serve(dir, name.replace(/\W/g, '_'), port++, true)
      const uncached = await serve(dir, name.replace(/\W/g, '_'), port++, false)
      sides.push({ name, dir, servers: { cached, uncached } })
    }
    const articleOf = async (base: string) =>
      ((await (await fetch(`${base}/api/v1/articles?q=${encodeURIComponent('الكاظمي')}`)).json()) as { items: Array<{ url: string }> }).items[0]!.url
    const paths = await Promise.all(sides.map(async (s) => ({ home: '/', article: await articleOf(s.servers.cached.base) })))
    const results = new Map<string, LoadResult[]>()
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['cached', 'uncached'] as const) {
        for (const page of ['home', 'article'] as const) {
          sides.forEach((side, i) => {
            const { base, pid } = side.servers[mode]
            const connections = mode === 'cached' ? 32 : 4
            load(base + paths[i]![page], pid, { seconds: 1, connections }) // warm-up
            const key = `${side.name}|${mode}|${page}`
            results.set(key, [...(results.get(key) ?? []), load(base + paths[i]![page], pid, { seconds: SECONDS, connections })])
          })
        }
      }
    }
    console.log(`\nserver CPU per request, ${ROUNDS} alternating ${SECONDS}-second windows (wrk -c32 cached, -c4 with the page cache off)\n`)
    for (const mode of ['cached', 'uncached'] as const) {
      for (const page of ['home', 'article'] as const) {
        for (const side of sides) {
          const rs = results.get(`${side.name}|${mode}|${page}`)!
          const us = rs.map((r) => r.cpuMsPerRequest * 1000)
          console.log(`${mode.padEnd(9)} ${page.padEnd(8)} ${side.name.padEnd(10)} median ${median(us).toFixed(0).padStart(5)} µs   windows ${us.map((u) => u.toFixed(0)).join(', ')}   req/s median ${median(rs.map((r) => r.rps)).toFixed(0)}`)
        }
      }
    }
  } finally {
    for (const s of sides) for (const server of Object.values(s.servers)) server.kill()
    execFileSync('git', ['worktree', 'remove', '--force', old], { cwd: repo, stdio: 'ignore' })
    rmSync(scratch, { recursive: true, force: true })
  }
}

await main()
