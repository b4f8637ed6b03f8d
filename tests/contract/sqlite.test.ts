import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { openSqliteStore } from '../../src/storage/index.js'
import type { OpenTwo } from './open-two.js'
import { describeArticleRepo } from './article-repo.contract.js'
import { describeTaxonomyRepos } from './taxonomy-repo.contract.js'
import { describeNewsroomRepos } from './newsroom-repos.contract.js'
import { describeApiTokenRepo, describeSessionRepo, describeSignInFailureRepo, describeUserRepo } from './user-repo.contract.js'
import { describeStore } from './store.contract.js'
import { describeSearchIndex } from './search-index.contract.js'
import { describeRevisionRepo } from './revision-repo.contract.js'
import { describeArticleNoteRepo } from './article-note-repo.contract.js'
import type { OpenTwoWithSql } from './open-two-with-sql.js'

/** Two stores on one SQLite file in a temp folder: two connections, as two processes would have. */
const openTwoOnOneFile: OpenTwo = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-contract-'))
  const file = join(dir, 'khabar.db')
  const a = await openSqliteStore(file)
  const b = await openSqliteStore(file)
  return [a, b, async () => {
    await b.close()
    await a.close()
    rmSync(dir, { recursive: true, force: true })
  }]
}

/** The same two stores, and a third connection for statements of the test's own, with foreign keys enforced as the store's are. */
const openTwoWithSql: OpenTwoWithSql = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-contract-'))
  const file = join(dir, 'khabar.db')
  const a = await openSqliteStore(file)
  const b = await openSqliteStore(file)
  const raw = new BetterSqlite3(file)
  raw.pragma('foreign_keys = ON')
  raw.pragma('busy_timeout = 5000')
  return [a, b, async (statement) => { raw.prepare(statement).run() }, async () => {
    raw.close()
    await b.close()
    await a.close()
    rmSync(dir, { recursive: true, force: true })
  }]
}

describeStore('sqlite', openTwoOnOneFile)
describeTaxonomyRepos('sqlite', openTwoOnOneFile)
describeArticleRepo('sqlite', openTwoOnOneFile)
describeUserRepo('sqlite', openTwoOnOneFile)
describeSessionRepo('sqlite', openTwoOnOneFile)
describeApiTokenRepo('sqlite', openTwoOnOneFile)
describeSignInFailureRepo('sqlite', openTwoOnOneFile)
describeNewsroomRepos('sqlite', openTwoOnOneFile)
describeRevisionRepo('sqlite', openTwoWithSql)
describeArticleNoteRepo('sqlite', openTwoWithSql)
describeSearchIndex('sqlite', () => openSqliteStore(':memory:'))
