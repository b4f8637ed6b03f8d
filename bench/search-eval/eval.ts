/**
 * `npm run eval:search [-- CORPUS] [--pg URL]`: search quality on the ANT corpus (see README.md here).
 * Imports the corpus once per analyzer into a scratch SQLite file, runs queries.json through the
 * same search use case as the site, and prints MRR@10 and Recall@10 for:
 *   substring   — each typed word must occur literally in title or body (WordPress's LIKE search),
 *                 title matches first, then newest;
 *   normalized  — Khabar's normalization and tokenizer, no stemming, BM25;
 *   light10     — normalization + Lucene's light10 stemmer (what Lucene's ArabicAnalyzer does), BM25;
 *   khabar      — Khabar's analyzer: normalization, light stemmer with clitic readings, BM25.
 * With `--pg URL` (or KHABAR_EVAL_PG_URL) it also runs khabar on PostgreSQL — the corpus imported
 * into a fresh schema through the same importer, dropped afterwards — and compares the two
 * databases: MRR@10 of each, how much their top 10s overlap, and search latency over HTTP (the
 * JSON API on a listening server, one request at a time). EVAL_PG_SCHEMA=name keeps the data in
 * that schema, loaded on the first run only, to iterate on the PostgreSQL index without importing.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import pg from 'pg'
import { analyzerWithStemmer, arabicAnalyzer, normalizingAnalyzer, type Analyzer } from '../../src/arabic/index.js'
import { searchArticles } from '../../src/core/index.js'
import { importNdjson } from '../../src/importers/index.js'
import { openPostgresStore, openSqliteStore } from '../../src/storage/index.js'
import type { Store } from '../../src/core/index.js'
import { createTestSchema } from '../../tests/support/postgres.js'
import { light10 } from './light10.js'
import { httpLatency, overlapAt10, percentile } from './compare-stores.js'

interface Query { id: string; kind: 'known-item' | 'topical'; query: string; relevant: string[]; how: string }
type Ranker = (q: string) => Promise<string[]>
interface Run { rank: Ranker; close?: () => Promise<void>; importMs?: number; store?: Store; settle?: () => Promise<void> }

const args = process.argv.slice(2)
const flag = args.indexOf('--pg')
const pgUrl = flag === -1 ? process.env.KHABAR_EVAL_PG_URL : args.splice(flag, 2)[1]
const corpus = args[0] ?? '../shared/corpus/arabic-news.ndjson.gz'
const queries = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8')) as Query[]
const only = process.env.EVAL_RUNS?.split(',')

function score(ranked: string[], relevant: string[]) {
  const top = ranked.slice(0, 10)
  const first = top.findIndex((id) => relevant.includes(id))
  return { rr: first === -1 ? 0 : 1 / (first + 1), recall: top.filter((id) => relevant.includes(id)).length / relevant.length }
}

async function substringRanker(): Promise<Ranker> {
  const docs: Array<{ id: string; title: string; body: string; date: number }> = []
  const lines = createInterface({ input: createReadStream(corpus).pipe(createGunzip()), crlfDelay: Infinity })
  for await (const l of lines) {
    const r = JSON.parse(l)
    docs.push({ id: r.id, title: r.title, body: r.body, date: Date.parse(r.date) })
  }
  return async (q) => {
    const words = q.split(/\s+/).filter(Boolean)
    return docs
      .filter((d) => words.every((w) => d.title.includes(w) || d.body.includes(w)))
      .map((d) => ({ id: d.id, inTitle: words.filter((w) => d.title.includes(w)).length, date: d.date }))
      .sort((a, b) => b.inTitle - a.inTitle || b.date - a.date)
      .slice(0, 10).map((d) => d.id)
  }
}

async function indexedRanker(analyzer: Analyzer, store: Store, load = true): Promise<Run> {
  const started = Date.now()
  if (load) await importNdjson(store, corpus, undefined, { analyzer, refreshRelated: false })
  const importMs = load ? Date.now() - started : undefined
  const clock = { now: () => new Date() }
  return {
    importMs,
    store,
    rank: async (q) => (await searchArticles({ repos: store, clock, analyzer }, { q, page: 1, perPage: 10 })).items.map((i) => i.article.externalId!),
    close: () => store.close(),
  }
}

/**
 * Khabar on PostgreSQL, in a fresh schema dropped afterwards; or in the schema EVAL_PG_SCHEMA
 * names, kept, and loaded only if it does not exist yet (to iterate without importing again).
 */
async function postgresRanker(url: string): Promise<Run> {
  const keep = process.env.EVAL_PG_SCHEMA
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const exists = keep !== undefined && (await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [keep])).rowCount === 1
  if (keep && !exists) await admin.query(`CREATE SCHEMA "${keep.replace(/"/g, '""')}"`)
  await admin.end()
  const schema = keep ? { schema: keep, drop: async () => {} } : await createTestSchema(url)
  const store = await openPostgresStore(url, { schema: schema.schema })
  const run = await indexedRanker(arabicAnalyzer, store, !exists)
  // What `khabar import` does after a bulk load (autovacuum would, in its own time).
  const settle = () => store.refreshStatistics()
  return { ...run, settle, close: async () => { await store.close(); await schema.drop() } }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-eval-'))
  const sqlite = async (analyzer: Analyzer) => indexedRanker(analyzer, await openSqliteStore(join(dir, `${analyzer.name}.db`)))
  const runs: Array<[string, () => Promise<Run>]> = [
    ['substring', async () => ({ rank: await substringRanker() })],
    ['normalized', () => sqlite(normalizingAnalyzer)],
    ['light10', () => sqlite(analyzerWithStemmer('light10', light10))],
    ['khabar', () => sqlite(arabicAnalyzer)],
    ...(pgUrl ? [['khabar-pg', () => postgresRanker(pgUrl)] as [string, () => Promise<Run>]] : []),
  ]
  const rows: string[] = []
  const misses: string[] = []
  const top10 = new Map<string, string[][]>()
  const latency = new Map<string, number[]>()
  try {
    for (const [name, make] of runs) {
      if (only && !only.includes(name)) continue
      const r = await make()
      const byKind: Record<string, { rr: number; recall: number; n: number }> = {}
      const lists: string[][] = []
      for (const q of queries) {
        const ranked = await r.rank(q.query)
        lists.push(ranked.slice(0, 10))
        const s = score(ranked, q.relevant)
        for (const k of [q.kind, 'all']) {
          const acc = (byKind[k] ??= { rr: 0, recall: 0, n: 0 })
          acc.rr += s.rr; acc.recall += s.recall; acc.n++
        }
        if (name === 'khabar' && q.kind === 'known-item' && s.rr === 0) misses.push(`${q.id} ${q.query}  (${q.how})`)
      }
      top10.set(name, lists)
      if (pgUrl && r.store && name.startsWith('khabar')) {
        latency.set(name, await httpLatency(r.store, queries.map((q) => q.query)))
        if (r.settle) {
          await r.settle()
          latency.set(`${name}, vacuumed`, await httpLatency(r.store, queries.map((q) => q.query)))
        }
      }
      await r.close?.()
      const f = (k: string) => `${(byKind[k]!.rr / byKind[k]!.n).toFixed(3)}  ${(byKind[k]!.recall / byKind[k]!.n).toFixed(3)}`
      rows.push(`${name.padEnd(11)} ${f('known-item')}      ${f('topical')}      ${f('all')}   ${r.importMs ? `${(r.importMs / 1000).toFixed(1)} s` : ''}`)
      console.error(`${name} done`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(`\nSearch quality on ${queries.length} queries (${queries.filter((q) => q.kind === 'known-item').length} known-item, ${queries.filter((q) => q.kind === 'topical').length} topical); MRR@10  Recall@10\n`)
  console.log('run         known-item        topical           all            import')
  for (const row of rows) console.log(row)
  if (pgUrl) {
    const [lite, pg] = [top10.get('khabar'), top10.get('khabar-pg')]
    if (lite && pg) console.log(`\ntop-10 overlap, khabar on SQLite vs PostgreSQL: ${(100 * overlapAt10(lite, pg)).toFixed(1)} % (mean over ${lite.length} queries)`)
    console.log('\nsearch latency over HTTP (GET /api/v1/search, one at a time)')
    for (const [name, ms] of latency) console.log(`${name.padEnd(20)} p50 ${percentile(ms, 50).toFixed(1)} ms   p95 ${percentile(ms, 95).toFixed(1)} ms   max ${percentile(ms, 100).toFixed(1)} ms`)
  }
  if (process.env.EVAL_MISSES) console.log(`\nknown-item queries khabar misses in the top 10:\n${misses.join('\n')}`)
}

await main()
