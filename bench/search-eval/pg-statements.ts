/**
 * `npm run eval:pg-statements -- [--against REF] [--pg URL]`: times PostgreSQL's ranking statements
 * (storage/postgres/pg-search-sql.ts) for the 400 eval queries in both modes, on the corpus kept in
 * the schema EVAL_PG_SCHEMA names (load it once with `EVAL_PG_SCHEMA=name npm run eval:search -- …
 * --pg URL`). With `--against REF`, the same statements as compiled by that commit's
 * pg-search-sql.ts run alternately with today's, so drift on a shared machine hits both alike, and
 * the results are compared: the same articles in the same order, scores to six decimals.
 * EXPLAIN=1 adds each side's planning and execution time as PostgreSQL reports them.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { Kysely, PostgresDialect, sql, type RawBuilder } from 'kysely'
import { arabicAnalyzer } from '../../src/arabic/index.js'
import { parseQuery } from '../../src/core/index.js'
import { planSearch, type SearchPlan } from '../../src/storage/sql/search-plan.js'
import { compilePlan } from '../../src/storage/postgres/pg-search-sql.js'
import { readCommonWords } from '../../src/storage/postgres/pg-search-index.js'
import { percentile } from './compare-stores.js'

type Compile = (plan: SearchPlan) => RawBuilder<unknown>
const args = process.argv.slice(2)
const option = (name: string) => { const i = args.indexOf(name); return i === -1 ? undefined : args[i + 1] }
const url = option('--pg') ?? process.env.KHABAR_EVAL_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const schema = process.env.EVAL_PG_SCHEMA
const against = option('--against')
if (!schema) throw new Error('EVAL_PG_SCHEMA must name a schema holding the corpus (see this file\'s comment)')

/** That commit's compilePlan, written beside today's so that its relative imports resolve. */
async function compilerAt(ref: string): Promise<{ compile: Compile; cleanup: () => void }> {
  const source = new URL('../../src/storage/postgres/pg-search-sql.ts', import.meta.url)
  const copy = new URL(`../../src/storage/postgres/pg-search-sql.at-${ref.replace(/\W/g, '_')}.ts`, import.meta.url)
  writeFileSync(copy, execFileSync('git', ['show', `${ref}:src/storage/postgres/pg-search-sql.ts`], { cwd: fileURLToPath(new URL('.', source)) }))
  const cleanup = () => rmSync(copy, { force: true })
  try {
    return { compile: (await import(copy.href)).compilePlan as Compile, cleanup }
  } catch (e) {
    cleanup()
    throw e
  }
}

async function main() {
  const sides: Array<{ name: string; compile: Compile; ms: number[]; planning: number[]; execution: number[] }> = [
    { name: 'today', compile: compilePlan, ms: [], planning: [], execution: [] },
  ]
  const old = against ? await compilerAt(against) : undefined
  if (old) sides.push({ name: against!, compile: old.compile, ms: [], planning: [], execution: [] })
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, options: `-c jit=off -c search_path=${schema}`, max: 1 }) }) })
  try {
    const queries = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8')) as Array<{ query: string }>
    const size = Number((await sql<{ n: string }>`SELECT docs AS n FROM search_stats`.execute(db)).rows[0]?.n ?? 0)
    let differ = 0
    for (const { query } of queries) {
      const parsed = parseQuery(query, arabicAnalyzer)
      const common = await readCommonWords(db, parsed, size)
      for (const mode of ['all', 'some'] as const) {
        const plan = planSearch(parsed, mode, common)
        if (!plan) continue
        const answers: string[] = []
        for (const side of sides) {
          const statement = sql`${side.compile(plan)} SELECT article_id AS id, bm25, count(*) OVER () AS total FROM matched ORDER BY bm25, article_id LIMIT 200`
          if (process.env.EXPLAIN) {
            const lines = (await sql<Record<string, string>>`EXPLAIN (ANALYZE, TIMING OFF, SUMMARY) ${statement}`.execute(db)).rows.map((r) => r['QUERY PLAN']).join('\n')
            side.planning.push(Number(/Planning Time: ([\d.]+)/.exec(lines)?.[1]))
            side.execution.push(Number(/Execution Time: ([\d.]+)/.exec(lines)?.[1]))
          }
          const started = performance.now()
          const { rows } = await statement.execute(db)
          side.ms.push(performance.now() - started)
          answers.push(JSON.stringify(rows.map((r: any) => [r.id, Number(r.bm25).toFixed(6), r.total])))
        }
        if (answers.some((a) => a !== answers[0])) differ++
      }
    }
    const total = (ms: number[]) => ms.reduce((a, b) => a + b, 0).toFixed(0)
    console.log(`ranking statements of ${queries.length} queries, both modes, schema ${schema}\n`)
    for (const s of sides) {
      console.log(`${s.name.padEnd(12)} ${s.ms.length} statements  total ${total(s.ms)} ms  p50 ${percentile(s.ms, 50).toFixed(2)}  p95 ${percentile(s.ms, 95).toFixed(2)}  max ${percentile(s.ms, 100).toFixed(1)} ms`
        + (process.env.EXPLAIN ? `  (planning ${total(s.planning)} ms, execution ${total(s.execution)} ms)` : ''))
    }
    if (old) console.log(`\nstatements whose answers differ (articles, order, or score to six decimals): ${differ}`)
  } finally {
    old?.cleanup()
    await db.destroy()
  }
}

await main()
