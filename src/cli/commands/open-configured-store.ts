import type { Config } from '../../config/index.js'
import type { Store } from '../../core/index.js'
import { openStore } from '../../storage/index.js'

/** The store the configuration names (PostgreSQL, or the SQLite file in the data folder), with its pool size. */
export const openConfiguredStore = (config: Config): Promise<Store> =>
  openStore({ databaseUrl: config.databaseUrl, dbFile: config.dbFile, poolSize: config.dbPoolSize })
