import { createPgSearchIndex, openPostgresStore } from '../../src/storage/index.js'
import type { Store } from '../../src/core/index.js'
import { createTestSchema, testPgUrl } from '../support/postgres.js'
import { describeSearchIndex } from './search-index.contract.js'

// Fails at once, naming the variable, when KHABAR_TEST_PG_URL is missing: never a silent skip.
const url = testPgUrl()

/** A store in a schema of its own (parallel runs never see each other's rows), dropped on close. */
async function openPgStore(): Promise<Store> {
  const schema = await createTestSchema(url)
  const store = await openPostgresStore(url, { schema: schema.schema, search: createPgSearchIndex, poolSize: 2 })
  return {
    ...store,
    async close() {
      await store.close()
      await schema.drop()
    },
  }
}

describeSearchIndex('postgres', openPgStore)
