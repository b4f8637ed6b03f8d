import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { createRateLimitRedis } from '../../src/web/index.js'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { url } from './support.js'

// Run by `npm run test:pg`, which sets the variable; without it this file fails rather than skips,
// so a CI run that forgot the service cannot pass as green.
const REDIS_URL = process.env.KHABAR_TEST_REDIS_URL

describe('rate limits shared through Redis', () => {
  // One key prefix per run, so concurrent or earlier runs never share a bucket with this one.
  const nameSpace = `khabar:test:rl:${randomUUID()}:`
  let redis: Redis
  const apps: TestApp[] = []

  before(async () => {
    assert.ok(REDIS_URL, 'KHABAR_TEST_REDIS_URL is not set: run `npm run test:pg`, or set it to a Redis such as redis://127.0.0.1:6379')
    redis = createRateLimitRedis(REDIS_URL)
    // The client queues nothing before it is connected: wait for it, and say so when it cannot.
    await new Promise<void>((resolve, reject) => {
      redis.once('ready', resolve)
      redis.once('error', (e) => reject(new Error(`no Redis at KHABAR_TEST_REDIS_URL=${REDIS_URL}: ${e.message}`)))
    })
  })

  after(async () => {
    for (const t of apps) await t.close()
    if (!redis) return
    try {
      const keys = await redis.keys(`${nameSpace}*`)
      if (keys.length) await redis.del(...keys)
    } finally {
      redis.disconnect()
    }
  })

  /** Two app instances over one Redis, as two workers or two machines behind a load balancer. */
  async function twoWorkers(searchRateLimit: number): Promise<[TestApp, TestApp]> {
    const make = () => makeTestApp({ searchRateLimit, sharedRateLimits: { redis, nameSpace } })
    const pair: [TestApp, TestApp] = [await make(), await make()]
    apps.push(...pair)
    return pair
  }

  for (const path of [url('/search', { q: 'العراق' }), url('/api/v1/search', { q: 'العراق' })]) {
    it(`refuses the request over the limit when the earlier ones went to another worker (${path.split('?')[0]})`, async () => {
      const [a, b] = await twoWorkers(3)
      const search = (t: TestApp, ip = '203.0.113.7') => t.app.inject({ url: path, remoteAddress: ip })
      const codes = [await search(a), await search(b), await search(a), await search(b)].map((r) => r.statusCode)
      assert.deepEqual(codes, [200, 200, 200, 429])
      assert.equal((await search(a, '203.0.113.8')).statusCode, 200, 'another address has its own bucket')
      assert.ok((await redis.keys(`${nameSpace}*`)).length > 0, 'the counts are kept in Redis under the name space')
    })
  }

  it('serves a request uncounted, within a second, while Redis does not answer', async (tt) => {
    const [a] = await twoWorkers(1)
    const admin = new Redis(REDIS_URL!)
    tt.after(() => admin.disconnect())
    // Redis stops answering clients' writes for 1.5 s, as when it is stuck or far away.
    await admin.call('CLIENT', 'PAUSE', '1500', 'WRITE')
    const started = performance.now()
    const res = await a.app.inject({ url: url('/search', { q: 'العراق' }), remoteAddress: '203.0.113.9' })
    assert.equal(res.statusCode, 200)
    assert.ok(performance.now() - started < 1000, `answered in ${Math.round(performance.now() - started)} ms`)
    await admin.call('CLIENT', 'UNPAUSE')
  })
})
