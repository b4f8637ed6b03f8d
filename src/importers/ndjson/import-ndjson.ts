import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import type { Analyzer } from '../../arabic/index.js'
import {
  AppError, BusyError, ingestArticle, paragraphsToHtml, parseIsoDate, prepareArticle, refreshRelatedArticles, ValidationError,
  type IncomingArticle, type PreparedArticle, type Store,
} from '../../core/index.js'

/** One line of a news feed export, shaped like the ANT corpus records. */
export const NdjsonArticle = z.object({
  id: z.string().trim().min(1).max(300),
  title: z.string().trim().min(1),
  body: z.string().refine((b) => b.trim().length > 0, 'empty'),
  category: z.string().trim().min(1),
  category_ar: z.string().trim().min(1).optional(),
  date: z.string().transform((d, ctx) => {
    const parsed = parseIsoDate(d.trim())
    if (parsed instanceof Date) return parsed
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.problem })
    return z.NEVER
  }),
  source: z.string().trim().optional(),
  url: z.string().optional(),
  dek: z.string().optional(),
  tags: z.array(z.string()).optional(),
  authors: z.array(z.string()).optional(),
})

export interface ImportProblem { line: number; field: string; message: string }
export interface ImportReport { created: number; updated: number; skipped: ImportProblem[] }

/**
 * An import that stopped part-way (a truncated file, a full disk, a database kept busy too long).
 * `report` counts only what was committed: those records are stored, and importing the file again
 * updates them in place.
 */
export class ImportFailedError extends Error {
  constructor(readonly report: ImportReport, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.name = 'ImportFailedError'
  }
}

/**
 * Imports an NDJSON file (plain, or gzip when the name ends in `.gz`; a UTF-8 byte order mark is
 * skipped), in transactions of a few hundred records: a bad line is reported by number and field
 * and skipped, and nothing already stored is lost. The record's `id` becomes the article's
 * external id: importing the same file again updates in place. Each batch is analyzed before its
 * transaction opens, so the write lock is held only while it is written and other writers (the
 * site's comments, another import) get their turn between batches. Throws
 * {@link ImportFailedError}, which says what was committed, when it cannot go on.
 */
export async function importNdjson(
  store: Store,
  file: string,
  onProgress?: (progress: { report: ImportReport; line: number; bytesRead: number; bytesTotal: number }) => void,
  opts: { analyzer?: Analyzer; refreshRelated?: boolean } = {},
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, skipped: [] }
  try {
    const bytesTotal = (await stat(file)).size
    const input = createReadStream(file)
    let text: NodeJS.ReadableStream = input
    if (file.endsWith('.gz')) {
      const gunzip = createGunzip()
      input.on('error', (e) => gunzip.destroy(e)) // pipe() does not pass a read error on
      text = input.pipe(gunzip)
    }
    const lines = createInterface({ input: text, crlfDelay: Infinity })
    let batch: Batch = []
    let n = 0
    for await (let line of lines) {
      n++
      if (n === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1)
      if (!line.trim()) continue
      const parsed = parseLine(line, n)
      if ('problem' in parsed) report.skipped.push(parsed.problem)
      else batch.push({ line: n, article: prepareArticle(parsed.article, { analyzer: opts.analyzer }) })
      if (batch.length >= BATCH) {
        await writeBatch(store, batch, report, opts.analyzer)
        batch = []
        onProgress?.({ report, line: n, bytesRead: input.bytesRead, bytesTotal })
      }
    }
    await writeBatch(store, batch, report, opts.analyzer)
    report.skipped.sort((a, b) => a.line - b.line)
    onProgress?.({ report, line: n, bytesRead: bytesTotal, bytesTotal })
    // Related articles look across the whole collection, so they are computed once it is complete;
    // by one process at a time (another import's, `khabar reindex`'s), and this one's after another
    // that may have started before these records were stored.
    if (report.created + report.updated > 0 && opts.refreshRelated !== false) {
      await store.exclusively('related-articles', () =>
        refreshRelatedArticles({ store, analyzer: opts.analyzer }, { visibleAt: new Date() }))
    }
    return report
  } catch (e) {
    report.skipped.sort((a, b) => a.line - b.line)
    throw new ImportFailedError(report, e)
  }
}

type Batch = Array<{ line: number; article: PreparedArticle }>

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
      publishedAt: r.date,
    },
  }
}

/**
 * A refusal by the newsroom's rules, which a record's content caused: it skips that record. A
 * database kept busy by another writer is no fault of the record: it stops the import.
 */
const isRecordProblem = (e: unknown): e is AppError => e instanceof AppError && !(e instanceof BusyError)

/**
 * Stores a batch in one transaction. If any record is refused by the newsroom's rules, the batch
 * rolls back and goes again one record per transaction, so each bad record is reported and
 * skipped and every good one is kept.
 */
async function writeBatch(store: Store, batch: Batch, report: ImportReport, analyzer?: Analyzer) {
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
    if (!isRecordProblem(e)) throw e
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
      } else if (isRecordProblem(e)) {
        report.skipped.push({ line: b.line, field: '(record)', message: e.message })
      } else {
        throw e
      }
    }
  }
}
