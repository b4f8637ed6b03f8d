import type { Config } from '../../config/index.js'
import { openStore } from '../../storage/index.js'

/** `khabar migrate`: opening the store applies pending migrations; this reports that it happened. */
export async function migrate(config: Config): Promise<number> {
  const store = await openStore({ databaseUrl: config.databaseUrl, dbFile: config.dbFile, poolSize: config.dbPoolSize })
  await store.close()
  console.log(`khabar migrate: ${config.databaseUrl ? 'the PostgreSQL database' : config.dbFile} is up to date`)
  return 0
}
