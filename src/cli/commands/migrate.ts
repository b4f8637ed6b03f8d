import type { Config } from '../../config/index.js'
import { openSqliteStore } from '../../storage/index.js'

/** `khabar migrate`: opening the store applies pending migrations; this reports that it happened. */
export async function migrate(config: Config): Promise<number> {
  const store = await openSqliteStore(config.dbFile)
  await store.close()
  console.log(`khabar migrate: ${config.dbFile} is up to date`)
  return 0
}
