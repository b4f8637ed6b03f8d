import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * The PostgreSQL server the `*.services.test.ts` files run against (`npm run test:pg` sets it).
 * Missing, it is an error rather than a skip: a suite that silently runs nothing proves nothing.
 */
export function testPgUrl(): string {
  const url = process.env.KHABAR_TEST_PG_URL
  if (!url) throw new Error('KHABAR_TEST_PG_URL is not set: run `npm run test:pg` (it defaults to postgres://postgres@127.0.0.1:5432/test)')
  return url
}

/** A schema of its own for one store, so parallel tests never see each other's rows; `drop` removes it. */
export async function createTestSchema(url = testPgUrl()): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const schema = `k_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`CREATE SCHEMA ${schema}`)
  } finally {
    await admin.end()
  }
  return {
    url,
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      try {
        await c.query(`DROP SCHEMA ${schema} CASCADE`)
      } finally {
        await c.end()
      }
    },
  }
}
