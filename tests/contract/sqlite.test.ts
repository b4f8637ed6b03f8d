import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../src/storage/index.js'
import type { OpenTwo } from './open-two.js'
import { describeArticleRepo } from './article-repo.contract.js'
import { describeTaxonomyRepos } from './taxonomy-repo.contract.js'
import { describeNewsroomRepos } from './newsroom-repos.contract.js'
import { describeApiTokenRepo, describeSessionRepo, describeSignInFailureRepo, describeUserRepo } from './user-repo.contract.js'
import { describeStore } from './store.contract.js'
import { describeSearchIndex } from './search-index.contract.js'

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

describeStore('sqlite', openTwoOnOneFile)
describeTaxonomyRepos('sqlite', openTwoOnOneFile)
describeArticleRepo('sqlite', openTwoOnOneFile)
describeUserRepo('sqlite', openTwoOnOneFile)
describeSessionRepo('sqlite', openTwoOnOneFile)
describeApiTokenRepo('sqlite', openTwoOnOneFile)
describeSignInFailureRepo('sqlite', openTwoOnOneFile)
describeNewsroomRepos('sqlite', openTwoOnOneFile)
describeSearchIndex('sqlite', () => openSqliteStore(':memory:'))
