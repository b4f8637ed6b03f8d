/**
 * `npm run eval:pg-search -- [--against REF] [--pg URL]`: times PostgreSQL's search index
 * (storage/postgres/pg-search-index.ts) on the 400 eval queries as the site runs them — the
 * `all` search, then the `some` search when it finds fewer than a page — on the corpus kept in the
 * schema EVAL_PG_SCHEMA names (load it once with `EVAL_PG_SCHEMA=name npm run eval:search -- …
 * --pg URL`). With `--against REF`, that commit's whole search path (adapter, statement compiler,
 * query parser), checked out in a temporary git worktree, runs alternately with today's on the same
 * connection pool, so drift on a shared machine hits both alike, and the answers are compared: the
 * same articles in the same order, the same totals, scores to six decimals.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import { arabicAnalyzer, type Analyzer } from '../../src/arabic/index.js'
import { parseQuery, type ParsedQuery, type SearchIndex } from '../../src/core/index.js'
import { createPgSearchIndex } from '../../src/storage/postgres/pg-search-index.js'
import { percentile } from './compare-stores.js'

interface Side { name: string; index: SearchIndex; parse: (q: string, a: Analyzer) => ParsedQuery; ms: number[] }
const args = process.argv.slice(2)
const option = (name: string) => { const i = args.indexOf(name); return i === -1 ? undefined : args[i + 1] }
const url = option('--pg') ?? process.env.KHABAR_EVAL_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const schema = process.env.EVAL_PG_SCHEMA
const against = option('--against')
if (!schema) throw new Error('EVAL_PG_SCHEMA must name a schema holding the corpus (see this file\'s comment)')
const root = fileURLToPath(new URL('../../', import.meta.url))

/** REF checked out beside this one, sharing its node_modules: its modules import only each other. */
function checkout(ref: string): { dir: string; remove: () => void } {
  const parent = mkdtempSync(join(tmpdir(), 'khabar-ref-'))
  const dir = join(parent, 'tree')
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: root, stdio: 'ignore' })
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
  return {
    dir,
    remove: () => {
      execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' })
      rmSync(parent, { recursive: true, force: true })
    },
  }
}

async function main() {
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, options: `-c jit=off -c search_path=${schema}`, max: 4 }) }) })
  const tree = against ? checkout(against) : undefined
  try {
    const sides: Side[] = [{ name: 'today', index: createPgSearchIndex(db), parse: parseQuery, ms: [] }]
    if (tree) {
      const adapter = await import(join(tree.dir, 'src/storage/postgres/pg-search-index.ts'))
      const core = await import(join(tree.dir, 'src/core/index.ts'))
      sides.push({ name: against!, index: adapter.createPgSearchIndex(db), parse: core.parseQuery, ms: [] })
    }
    const queries = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8')) as Array<{ query: string }>
    const at = new Date()
    let differ = 0
    // A first round warms both sides' caches and connections; the second is timed.
    for (const round of [0, 1]) {
      for (const [n, { query }] of queries.entries()) {
        const answers: string[] = []
        for (const side of n % 2 ? sides : [...sides].reverse()) {
          const q = side.parse(query, arabicAnalyzer)
          const started = performance.now()
          const all = await side.index.search(q, { visibleAt: at }, { offset: 0, limit: 10 }, 'all')
          const some = all.total >= 10 ? { hits: [], total: 0 } : await side.index.search(q, { visibleAt: at }, { offset: 0, limit: 10 - all.hits.length }, 'some')
          if (round === 1) side.ms.push(performance.now() - started)
          answers.push(JSON.stringify([all.total, some.total, ...[...all.hits, ...some.hits].map((h) => [h.id, h.score.toFixed(6)])]))
        }
        if (round === 1 && answers.some((a) => a !== answers[0])) differ++
      }
    }
    console.log(`searches of ${queries.length} queries (all, then some when needed), schema ${schema}\n`)
    for (const s of sides) {
      const mean = s.ms.reduce((a, b) => a + b, 0) / s.ms.length
      console.log(`${s.name.padEnd(12)} mean ${mean.toFixed(2)}  p50 ${percentile(s.ms, 50).toFixed(2)}  p95 ${percentile(s.ms, 95).toFixed(2)}  max ${percentile(s.ms, 100).toFixed(1)} ms`)
    }
    if (tree) console.log(`\nqueries whose answers differ (articles, order, totals, or score to six decimals): ${differ}`)
  } finally {
    tree?.remove()
    await db.destroy()
  }
}

await main()
