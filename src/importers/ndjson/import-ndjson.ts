import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import type { Analyzer } from '../../arabic/index.js'
import { AppError, ingestArticle, paragraphsToHtml, refreshRelatedArticles, ValidationError, type IncomingArticle, type Store } from '../../core/index.js'

/** One line of a news feed export, shaped like the ANT corpus records. */
export const NdjsonArticle = z.object({
  id: z.string().trim().min(1).max(300),
  title: z.string().trim().min(1),
  body: z.string().refine((b) => b.trim().length > 0, 'empty'),
  category: z.string().trim().min(1),
  category_ar: z.string().trim().min(1).optional(),
  date: z.string().refine((d) => !Number.isNaN(Date.parse(d)), 'not an ISO 8601 date'),
  source: z.string().trim().optional(),
  url: z.string().optional(),
  dek: z.string().optional(),
  tags: z.array(z.string()).optional(),
  authors: z.array(z.string()).optional(),
})

export interface ImportProblem { line: number; field: string; message: string }
export interface ImportReport { created: number; updated: number; skipped: ImportProblem[] }

/**
 * Imports an NDJSON file (plain, or gzip when the name ends in `.gz`), in transactions of a few
 * hundred records: a bad line is reported by number and field and skipped, and nothing already
 * stored is lost. The record's `id` becomes the article's external id: importing the same
 * file again updates in place.
 */
export async function importNdjson(
  store: Store,
  file: string,
  onProgress?: (progress: { report: ImportReport; line: number; bytesRead: number; bytesTotal: number }) => void,
  opts: { analyzer?: Analyzer; refreshRelated?: boolean } = {},
): Promise<ImportReport> {
  const bytesTotal = (await stat(file)).size
  const input = createReadStream(file)
  const lines = createInterface({ input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity })
  const report: ImportReport = { created: 0, updated: 0, skipped: [] }
  let batch: Array<{ line: number; article: IncomingArticle }> = []
  let n = 0
  for await (const text of lines) {
    n++
    if (!text.trim()) continue
    const parsed = parseLine(text, n)
    if ('problem' in parsed) report.skipped.push(parsed.problem)
    else batch.push({ line: n, article: parsed.article })
    if (batch.length >= BATCH) {
      await writeBatch(store, batch, report, opts.analyzer)
      batch = []
      onProgress?.({ report, line: n, bytesRead: input.bytesRead, bytesTotal })
    }
  }
  await writeBatch(store, batch, report, opts.analyzer)
  report.skipped.sort((a, b) => a.line - b.line)
  onProgress?.({ report, line: n, bytesRead: bytesTotal, bytesTotal })
  // Related articles look across the whole collection, so they are computed once it is complete.
  if (report.created + report.updated > 0 && opts.refreshRelated !== false) {
    await refreshRelatedArticles({ store, analyzer: opts.analyzer }, { visibleAt: new Date() })
  }
  return report
}

// Records per transaction. One transaction per record would make the search index write a tiny
// segment per article and spend the import merging them; a few hundred at a time is ~5× faster.
const BATCH = 250

function parseLine(text: string, line: number): { article: IncomingArticle } | { problem: ImportProblem } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { problem: { line, field: '(line)', message: `not JSON: ${(e as Error).message}` } }
  }
  const parsed = NdjsonArticle.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return { problem: { line, field: issue.path.join('.') || '(record)', message: issue.message } }
  }
  const r = parsed.data
  return {
    article: {
      externalId: r.id,
      title: r.title,
      dek: r.dek ?? null,
      bodyHtml: paragraphsToHtml(r.body.split('\n').map((p) => p.trim()).filter(Boolean)),
      categoryName: r.category_ar ?? r.category,
      tags: r.tags,
      authors: r.authors,
      source: r.source ?? null,
      publishedAt: new Date(r.date),
    },
  }
}

/**
 * Stores a batch in one transaction. If any record is refused by the newsroom's rules, the batch
 * rolls back and goes again one record per transaction, so each bad record is reported and
 * skipped and every good one is kept.
 */
async function writeBatch(store: Store, batch: Array<{ line: number; article: IncomingArticle }>, report: ImportReport, analyzer?: Analyzer) {
  if (batch.length === 0) return
  try {
    const created = await store.transaction(async (tx) => {
      let count = 0
      for (const b of batch) if ((await ingestArticle(tx, b.article, { analyzer })).created) count++
      return count
    })
    report.created += created
    report.updated += batch.length - created
    return
  } catch (e) {
    if (!(e instanceof AppError)) throw e
  }
  for (const b of batch) {
    try {
      const { created } = await store.transaction((tx) => ingestArticle(tx, b.article, { analyzer }))
      if (created) report.created++
      else report.updated++
    } catch (e) {
      if (e instanceof ValidationError) {
        const [field, message] = Object.entries(e.problems)[0] ?? ['(record)', e.message]
        report.skipped.push({ line: b.line, field, message })
      } else if (e instanceof AppError) {
        report.skipped.push({ line: b.line, field: '(record)', message: e.message })
      } else {
        throw e
      }
    }
  }
}
