import { existsSync } from 'node:fs'
import { SingleBar, Presets } from 'cli-progress'
import type { Config } from '../../config/index.js'
import { openStore } from '../../storage/index.js'
import { ImportFailedError, importNdjson, type ImportReport } from '../../importers/index.js'
import { terminalText } from '../terminal-text.js'

// The import is alone on its event loop, so a statement may wait for another writer's lock (the
// site's or another import's) synchronously; its write transactions wait up to a minute for a
// turn, since a busy site is no reason to abandon an import, and try for it less eagerly than the
// site does, so that a reader's comment gets in between two batches.
const STORE_OPTIONS = { busyTimeoutMs: 5_000, lockTimeoutMs: 60_000, maxBackoffMs: 50 }

const count = (n: number) => n.toLocaleString('en-US')

/** Records written above which an import refreshes the database's statistics (see Store.refreshStatistics). */
const BULK = 1_000

/**
 * `khabar import ndjson FILE`: one line per skipped record on stderr, a summary on stdout. Every
 * line about a record shows control characters from the file as `\u001b`-style escapes. A failure
 * part-way says how many records were committed before it.
 */
export async function importFile(config: Config, args: string[]): Promise<number> {
  const [format, file, ...extra] = args
  if (format !== 'ndjson' || !file || extra.length) {
    console.error('usage: khabar import ndjson FILE')
    return 2
  }
  if (!existsSync(file)) {
    console.error(terminalText(`khabar import: no such file: ${file}`))
    return 1
  }
  const store = await openStore({ databaseUrl: config.databaseUrl, dbFile: config.dbFile, poolSize: 2 }, STORE_OPTIONS)
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'importing {bar} {percentage}% | {line} lines | {eta_formatted} left', stopOnComplete: true }, Presets.shades_classic) : null
  const reportSkipped = (report: ImportReport) => {
    for (const p of report.skipped) console.error(terminalText(`${file}:${p.line}: skipped: field '${p.field}': ${p.message}`))
  }
  try {
    const started = Date.now()
    bar?.start(100, 0, { line: 0 })
    const report = await importNdjson(store, file, ({ line, bytesRead, bytesTotal }) => {
      bar?.update(Math.floor((100 * bytesRead) / Math.max(1, bytesTotal)), { line })
    })
    bar?.stop()
    reportSkipped(report)
    if (report.created + report.updated >= BULK) await store.refreshStatistics()
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    console.log(`khabar import: ${report.created} created, ${report.updated} updated, ${report.skipped.length} skipped in ${seconds}s`)
    return report.skipped.length ? 3 : 0
  } catch (e) {
    if (!(e instanceof ImportFailedError)) throw e
    bar?.stop()
    const { created, updated } = e.report
    reportSkipped(e.report)
    console.error(terminalText(`khabar import: failed after ${count(created + updated)} records were committed (${count(created)} created, ${count(updated)} updated): ${e.message}`))
    return 1
  } finally {
    bar?.stop()
    await store.close()
  }
}
