export { openSqliteStore } from './sqlite/open-sqlite-store.js'
export { openPostgresStore } from './postgres/open-postgres-store.js'
export { createPgSearchIndex } from './postgres/pg-search-index.js'
