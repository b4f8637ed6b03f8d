/**
 * `npm run eval:search [-- CORPUS]`: search quality on the ANT corpus (see README.md here).
 * Imports the corpus once per analyzer into a scratch SQLite file, runs queries.json through the
 * same search use case as the site, and prints MRR@10 and Recall@10 for:
 *   substring   — each typed word must occur literally in title or body (WordPress's LIKE search),
 *                 title matches first, then newest;
 *   normalized  — Khabar's normalization and tokenizer, no stemming, BM25;
 *   light10     — normalization + Lucene's light10 stemmer (what Lucene's ArabicAnalyzer does), BM25;
 *   khabar      — Khabar's analyzer: normalization, light stemmer with clitic readings, BM25.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { analyzerWithStemmer, arabicAnalyzer, normalizingAnalyzer, type Analyzer } from '../../src/arabic/index.js'
import { searchArticles } from '../../src/core/index.js'
import { importNdjson } from '../../src/importers/index.js'
import { openSqliteStore } from '../../src/storage/index.js'
import { light10 } from './light10.js'

interface Query { id: string; kind: 'known-item' | 'topical'; query: string; relevant: string[]; how: string }
type Ranker = (q: string) => Promise<string[]>

const corpus = process.argv[2] ?? '../shared/corpus/arabic-news.ndjson.gz'
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

async function indexedRanker(analyzer: Analyzer, dir: string): Promise<{ rank: Ranker; close: () => Promise<void>; importMs: number }> {
  const store = await openSqliteStore(join(dir, `${analyzer.name}.db`))
  const started = Date.now()
  await importNdjson(store, corpus, undefined, { analyzer, refreshRelated: false })
  const importMs = Date.now() - started
  const clock = { now: () => new Date() }
  return {
    importMs,
    rank: async (q) => (await searchArticles({ repos: store, clock, analyzer }, { q, page: 1, perPage: 10 })).items.map((i) => i.article.externalId!),
    close: () => store.close(),
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-eval-'))
  const runs: Array<[string, () => Promise<{ rank: Ranker; close?: () => Promise<void>; importMs?: number }>]> = [
    ['substring', async () => ({ rank: await substringRanker() })],
    ['normalized', () => indexedRanker(normalizingAnalyzer, dir)],
    ['light10', () => indexedRanker(analyzerWithStemmer('light10', light10), dir)],
    ['khabar', () => indexedRanker(arabicAnalyzer, dir)],
  ]
  const rows: string[] = []
  const misses: string[] = []
  try {
    for (const [name, make] of runs) {
      if (only && !only.includes(name)) continue
      const r = await make()
      const byKind: Record<string, { rr: number; recall: number; n: number }> = {}
      for (const q of queries) {
        const s = score(await r.rank(q.query), q.relevant)
        for (const k of [q.kind, 'all']) {
          const acc = (byKind[k] ??= { rr: 0, recall: 0, n: 0 })
          acc.rr += s.rr; acc.recall += s.recall; acc.n++
        }
        if (name === 'khabar' && q.kind === 'known-item' && s.rr === 0) misses.push(`${q.id} ${q.query}  (${q.how})`)
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
  if (process.env.EVAL_MISSES) console.log(`\nknown-item queries khabar misses in the top 10:\n${misses.join('\n')}`)
}

await main()
