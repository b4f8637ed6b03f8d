import { SingleBar, Presets } from 'cli-progress'
import type { Config } from '../../config/index.js'
import { reindexSearch } from '../../core/index.js'
import { openConfiguredStore } from './open-configured-store.js'

/** `khabar reindex`: rebuilds the search index and the related articles from the stored articles. */
export async function reindex(config: Config): Promise<number> {
  const store = await openConfiguredStore(config)
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'indexing {bar} {value}/{total}' }, Presets.shades_classic) : null
  try {
    const started = Date.now()
    // The related articles are computed by one process at a time, as after an import.
    const result = await store.exclusively('related-articles', () => reindexSearch({ store, clock: { now: () => new Date() } }, (done, total) => {
      if (bar && done <= total) { if (!bar.getTotal()) bar.start(total, 0); bar.update(done) }
    }))
    bar?.stop()
    await store.refreshStatistics()
    console.log(`khabar reindex: ${result.indexed} articles indexed, related articles for ${result.related} in ${((Date.now() - started) / 1000).toFixed(1)}s`)
    return 0
  } finally {
    bar?.stop()
    await store.close()
  }
}
