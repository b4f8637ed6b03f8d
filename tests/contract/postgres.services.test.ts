import { openPostgresStore } from '../../src/storage/index.js'
import type { Store } from '../../src/core/index.js'
import { createTestSchema, testPgUrl } from '../support/postgres.js'
import type { OpenTwo } from './open-two.js'
import { describeArticleRepo } from './article-repo.contract.js'
import { describeSearchIndex } from './search-index.contract.js'
import { describeStore } from './store.contract.js'
import { describeTaxonomyRepos } from './taxonomy-repo.contract.js'
import { describeNewsroomRepos } from './newsroom-repos.contract.js'
import { describeApiTokenRepo, describeSessionRepo, describeSignInFailureRepo, describeUserRepo } from './user-repo.contract.js'

// Fails at once, naming the variable, when KHABAR_TEST_PG_URL is missing: never a silent skip.
const url = testPgUrl()

/** A store in a schema of its own (parallel runs never see each other's rows), dropped on close. */
async function openPgStore(): Promise<Store> {
  const schema = await createTestSchema(url)
  const store = await openPostgresStore(url, { schema: schema.schema, poolSize: 2 })
  return {
    ...store,
    async close() {
      await store.close()
      await schema.drop()
    },
  }
}

/** Two stores on one fresh schema: two pools and two listeners, as two processes would have. */
const openTwoOnOneSchema: OpenTwo = async () => {
  const schema = await createTestSchema(url)
  const a = await openPostgresStore(url, { schema: schema.schema, poolSize: 2 })
  const b = await openPostgresStore(url, { schema: schema.schema, poolSize: 2 })
  return [a, b, async () => {
    await b.close()
    await a.close()
    await schema.drop()
  }]
}

describeStore('postgres', openTwoOnOneSchema)
describeTaxonomyRepos('postgres', openTwoOnOneSchema)
describeArticleRepo('postgres', openTwoOnOneSchema)
describeUserRepo('postgres', openTwoOnOneSchema)
describeSessionRepo('postgres', openTwoOnOneSchema)
describeApiTokenRepo('postgres', openTwoOnOneSchema)
describeSignInFailureRepo('postgres', openTwoOnOneSchema)
describeNewsroomRepos('postgres', openTwoOnOneSchema)
describeSearchIndex('postgres', openPgStore)
