import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import { AppError, ingestArticle, paragraphsToHtml, refreshRelatedArticles, ValidationError, type Store } from '../../core/index.js'

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
 * Imports an NDJSON file (plain, or gzip when the name ends in `.gz`). Each record is stored in
 * its own transaction, so a bad line is reported by number and field and skipped, and nothing
 * already stored is lost. The record's `id` becomes the article's external id: importing the same
 * file again updates in place.
 */
export async function importNdjson(
  store: Store,
  file: string,
  onProgress?: (progress: { report: ImportReport; line: number; bytesRead: number; bytesTotal: number }) => void,
): Promise<ImportReport> {
  const bytesTotal = (await stat(file)).size
  const input = createReadStream(file)
  const lines = createInterface({ input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity })
  const report: ImportReport = { created: 0, updated: 0, skipped: [] }
  let n = 0
  for await (const text of lines) {
    n++
    if (!text.trim()) continue
    const problem = await importLine(store, text, n, report)
    if (problem) report.skipped.push(problem)
    if (onProgress && n % 250 === 0) onProgress({ report, line: n, bytesRead: input.bytesRead, bytesTotal })
  }
  onProgress?.({ report, line: n, bytesRead: bytesTotal, bytesTotal })
  // Related articles look across the whole collection, so they are computed once it is complete.
  if (report.created + report.updated > 0) await refreshRelatedArticles({ store }, { visibleAt: new Date() })
  return report
}

async function importLine(store: Store, text: string, line: number, report: ImportReport): Promise<ImportProblem | null> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { line, field: '(line)', message: `not JSON: ${(e as Error).message}` }
  }
  const parsed = NdjsonArticle.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return { line, field: issue.path.join('.') || '(record)', message: issue.message }
  }
  const r = parsed.data
  try {
    const { created } = await store.transaction((tx) => ingestArticle(tx, {
      externalId: r.id,
      title: r.title,
      dek: r.dek ?? null,
      bodyHtml: paragraphsToHtml(r.body.split('\n').map((p) => p.trim()).filter(Boolean)),
      categoryName: r.category_ar ?? r.category,
      tags: r.tags,
      authors: r.authors,
      source: r.source ?? null,
      publishedAt: new Date(r.date),
    }))
    if (created) report.created++
    else report.updated++
    return null
  } catch (e) {
    if (e instanceof ValidationError) {
      const [field, message] = Object.entries(e.problems)[0] ?? ['(record)', e.message]
      return { line, field, message }
    }
    if (e instanceof AppError) return { line, field: '(record)', message: e.message }
    throw e
  }
}
