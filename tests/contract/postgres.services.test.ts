import pg from 'pg'
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
import { describeRevisionRepo } from './revision-repo.contract.js'
import { describeArticleNoteRepo } from './article-note-repo.contract.js'
import type { OpenTwoWithSql } from './open-two-with-sql.js'

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

/** The same two stores, and a client of the test's own on their schema. */
const openTwoWithSql: OpenTwoWithSql = async () => {
  const schema = await createTestSchema(url)
  const a = await openPostgresStore(url, { schema: schema.schema, poolSize: 2 })
  const b = await openPostgresStore(url, { schema: schema.schema, poolSize: 2 })
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema.schema}` })
  await client.connect()
  return [a, b, async (statement) => { await client.query(statement) }, async () => {
    await client.end()
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
describeRevisionRepo('postgres', openTwoWithSql)
describeArticleNoteRepo('postgres', openTwoWithSql)
describeSearchIndex('postgres', openPgStore)
