import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { createRateLimitRedis } from '../../src/web/index.js'
import { makeTestApp } from '../support/make-test-app.js'
import { url } from './support.js'

/** A port on this machine where nothing listens: a server is opened on it, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('rate limits shared through an unreachable Redis', () => {
  it('go on serving every request promptly, uncounted, rather than failing or waiting', async (tt) => {
    const redis = createRateLimitRedis(`redis://127.0.0.1:${await closedPort()}`)
    redis.on('error', () => {}) // the refusals are expected here
    const t = await makeTestApp({ searchRateLimit: 1, sharedRateLimits: { redis, nameSpace: 'khabar:test:down:' } })
    tt.after(async () => { await t.close(); redis.disconnect() })
    for (let i = 1; i <= 3; i++) {
      const started = performance.now()
      const res = await t.app.inject(url('/search', { q: 'العراق' }))
      assert.equal(res.statusCode, 200, `search ${i}`)
      assert.ok(performance.now() - started < 1000, `search ${i} answered without waiting for Redis`)
    }
  })
})
