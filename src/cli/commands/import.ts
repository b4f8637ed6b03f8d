import { existsSync } from 'node:fs'
import { SingleBar, Presets } from 'cli-progress'
import type { Config } from '../../config/index.js'
import { openSqliteStore } from '../../storage/index.js'
import { importNdjson } from '../../importers/index.js'

/** `khabar import ndjson FILE`: one line per skipped record on stderr, a summary on stdout. */
export async function importFile(config: Config, args: string[]): Promise<number> {
  const [format, file, ...extra] = args
  if (format !== 'ndjson' || !file || extra.length) {
    console.error('usage: khabar import ndjson FILE')
    return 2
  }
  if (!existsSync(file)) {
    console.error(`khabar import: no such file: ${file}`)
    return 1
  }
  const store = await openSqliteStore(config.dbFile)
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'importing {bar} {percentage}% | {line} lines | {eta_formatted} left', stopOnComplete: true }, Presets.shades_classic) : null
  try {
    const started = Date.now()
    bar?.start(100, 0, { line: 0 })
    const report = await importNdjson(store, file, ({ line, bytesRead, bytesTotal }) => {
      bar?.update(Math.floor((100 * bytesRead) / Math.max(1, bytesTotal)), { line })
    })
    bar?.stop()
    for (const p of report.skipped) console.error(`${file}:${p.line}: skipped: field '${p.field}': ${p.message}`)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    console.log(`khabar import: ${report.created} created, ${report.updated} updated, ${report.skipped.length} skipped in ${seconds}s`)
    return report.skipped.length ? 3 : 0
  } finally {
    bar?.stop()
    await store.close()
  }
}
