import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigError, loadConfig } from './load-config.js'

describe('loadConfig', () => {
  it('derives the site URL from HOST and PORT', () => {
    assert.equal(loadConfig({}).siteUrl, 'http://127.0.0.1:3000')
    assert.equal(loadConfig({ HOST: 'news.local', PORT: '8080' }).siteUrl, 'http://news.local:8080')
  })

  for (const host of ['0.0.0.0', '::', '::0', '0:0:0:0:0:0:0:0', '[::]']) {
    it(`uses localhost for the wildcard HOST ${host}`, () => {
      assert.equal(loadConfig({ HOST: host }).siteUrl, 'http://localhost:3000')
    })
  }

  it('brackets an IPv6 HOST', () => {
    assert.equal(loadConfig({ HOST: '::1' }).siteUrl, 'http://[::1]:3000')
    assert.equal(loadConfig({ HOST: 'fe80::1', PORT: '81' }).siteUrl, 'http://[fe80::1]:81')
  })

  it('always derives a site URL that parses', () => {
    for (const host of ['127.0.0.1', 'localhost', '::', '::1', '0.0.0.0', '2001:db8::2']) {
      const { siteUrl } = loadConfig({ HOST: host })
      assert.doesNotThrow(() => new URL('/a/b', siteUrl), `${host} → ${siteUrl}`)
    }
  })

  it('refuses a HOST it cannot make a site URL from, asking for KHABAR_SITE_URL', () => {
    assert.throws(() => loadConfig({ HOST: 'bad host/x' }), (e: Error) => e instanceof ConfigError && /KHABAR_SITE_URL/.test(e.message))
  })

  it('keeps KHABAR_SITE_URL as an origin, without a trailing slash', () => {
    assert.equal(loadConfig({ KHABAR_SITE_URL: 'https://News.Example/' }).siteUrl, 'https://news.example')
    assert.equal(loadConfig({ HOST: '::', KHABAR_SITE_URL: 'https://news.example:8443' }).siteUrl, 'https://news.example:8443')
  })

  for (const bad of ['javascript:alert(1)', 'ftp://news.example', 'news.example', 'https://news.example/ar', 'https://news.example/?x=1', 'http://:::3000']) {
    it(`refuses KHABAR_SITE_URL=${bad}`, () => {
      assert.throws(() => loadConfig({ KHABAR_SITE_URL: bad }), (e: Error) => e instanceof ConfigError && /KHABAR_SITE_URL/.test(e.message))
    })
  }

  it('trusts no proxy unless told to', () => {
    assert.equal(loadConfig({}).trustProxy, false)
    assert.equal(loadConfig({ KHABAR_TRUST_PROXY: '' }).trustProxy, false)
    assert.equal(loadConfig({ KHABAR_TRUST_PROXY: 'false' }).trustProxy, false)
    assert.equal(loadConfig({ KHABAR_TRUST_PROXY: '0' }).trustProxy, false)
  })

  it('reads KHABAR_TRUST_PROXY as true, a hop count, or a list of addresses and CIDR ranges', () => {
    assert.equal(loadConfig({ KHABAR_TRUST_PROXY: 'true' }).trustProxy, true)
    assert.equal(loadConfig({ KHABAR_TRUST_PROXY: '2' }).trustProxy, 2)
    assert.deepEqual(loadConfig({ KHABAR_TRUST_PROXY: '10.0.0.2, 192.168.0.0/16,fd00::/8, ::1' }).trustProxy, ['10.0.0.2', '192.168.0.0/16', 'fd00::/8', '::1'])
    assert.deepEqual(loadConfig({ KHABAR_TRUST_PROXY: 'loopback,uniquelocal' }).trustProxy, ['loopback', 'uniquelocal'])
  })

  for (const bad of ['yes', '10.0.0.300', '10.0.0.0/33', 'fd00::/129', '10.0.0.2,', '-1', 'proxy.example']) {
    it(`refuses KHABAR_TRUST_PROXY=${bad}`, () => {
      assert.throws(() => loadConfig({ KHABAR_TRUST_PROXY: bad }), (e: Error) => e instanceof ConfigError && /KHABAR_TRUST_PROXY/.test(e.message))
    })
  }

  it('counts rate limits per process unless KHABAR_REDIS_URL names a Redis', () => {
    assert.equal(loadConfig({}).redisUrl, undefined)
    assert.equal(loadConfig({ KHABAR_REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl, 'redis://127.0.0.1:6379')
    assert.equal(loadConfig({ KHABAR_REDIS_URL: 'rediss://:pw@cache.example:6380/2' }).redisUrl, 'rediss://:pw@cache.example:6380/2')
  })

  for (const bad of ['cache.example:6379', 'http://cache.example', 'redis://:s3cret@']) {
    it(`refuses KHABAR_REDIS_URL=${bad}, without repeating it (it may hold a password)`, () => {
      assert.throws(() => loadConfig({ KHABAR_REDIS_URL: bad }), (e: Error) => e instanceof ConfigError && /KHABAR_REDIS_URL/.test(e.message) && !e.message.includes(bad))
    })
  }

  it('bounds the page cache in megabytes', () => {
    assert.equal(loadConfig({}).pageCacheMaxBytes, 64 * 1024 * 1024)
    assert.equal(loadConfig({ KHABAR_PAGE_CACHE_MB: '8' }).pageCacheMaxBytes, 8 * 1024 * 1024)
    assert.throws(() => loadConfig({ KHABAR_PAGE_CACHE_MB: '0' }), ConfigError)
  })

  it('uses SQLite in the data folder unless KHABAR_DATABASE_URL names PostgreSQL', () => {
    assert.equal(loadConfig({}).databaseUrl, undefined)
    const pg = loadConfig({ KHABAR_DATABASE_URL: 'postgres://khabar@db:5432/news', KHABAR_SECRET: 'a-long-shared-secret-0123' })
    assert.equal(pg.databaseUrl, 'postgres://khabar@db:5432/news')
    assert.equal(pg.dbPoolSize, 10)
    assert.throws(() => loadConfig({ KHABAR_DATABASE_URL: 'mysql://db/news', KHABAR_SECRET: 'a-long-shared-secret-0123' }), /KHABAR_DATABASE_URL: must be a postgres:\/\/ URL/)
  })

  it('refuses PostgreSQL without a shared KHABAR_SECRET, saying how to make one', () => {
    assert.throws(() => loadConfig({ KHABAR_DATABASE_URL: 'postgres://khabar@db/news' }),
      (e: Error) => e instanceof ConfigError && /KHABAR_SECRET: required with KHABAR_DATABASE_URL/.test(e.message) && /openssl rand/.test(e.message))
  })

  it('runs one worker unless KHABAR_WORKERS says more', () => {
    assert.equal(loadConfig({}).workers, 1)
    assert.equal(loadConfig({ KHABAR_WORKERS: '4' }).workers, 4)
    assert.throws(() => loadConfig({ KHABAR_WORKERS: '0' }), /KHABAR_WORKERS/)
  })
})
