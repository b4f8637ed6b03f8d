import type { Config } from '../../config/index.js'
import { openConfiguredStore } from './open-configured-store.js'

/** `khabar migrate`: opening the store applies pending migrations; this reports that it happened. */
export async function migrate(config: Config): Promise<number> {
  const store = await openConfiguredStore(config)
  await store.close()
  console.log(`khabar migrate: ${config.databaseUrl ? 'the PostgreSQL database' : config.dbFile} is up to date`)
  return 0
}
