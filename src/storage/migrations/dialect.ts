export type Dialect = 'sqlite' | 'postgres'

/** Auto-numbered key column type: SQLite's rowid alias, PostgreSQL's identity via serial. */
export function idColumn(dialect: Dialect): 'integer' | 'serial' {
  return dialect === 'sqlite' ? 'integer' : 'serial'
}
