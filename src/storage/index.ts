export { openSqliteStore } from './sqlite/open-sqlite-store.js'
