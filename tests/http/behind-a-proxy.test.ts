import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { AppOptions } from '../../src/web/index.js'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { commentForm, url, type ApiItem } from './support.js'

const PROXY = '10.0.0.2'
const SEARCHES = [url('/search', { q: 'العراق' }), url('/api/v1/search', { q: 'العراق' })]

type After = { after(fn: () => Promise<void> | void): void }

async function appBehind(tt: After, trustProxy?: AppOptions['trustProxy'], dbFile?: string): Promise<TestApp> {
  const t = await makeTestApp({ searchRateLimit: 2, trustProxy, dbFile })
  tt.after(() => t.close())
  return t
}

/** A request that arrives from `remoteAddress` and says it was forwarded for `client`. */
const forwarded = (path: string, client: string, remoteAddress = PROXY) =>
  ({ url: path, remoteAddress, headers: { 'x-forwarded-for': client } })

/**
 * Posts a valid comment through the proxy for `client`, to an app over a database file, and
 * returns the address stored with the comment (read with SQL: the domain's Comment leaves it out).
 */
async function commentAddress(tt: After, trustProxy: AppOptions['trustProxy'] | undefined, client: string): Promise<string | null> {
  const dataDir = mkdtempSync(join(tmpdir(), 'khabar-proxy-'))
  const dbFile = join(dataDir, 'khabar.db')
  const t = await appBehind(tt, trustProxy, dbFile)
  tt.after(() => rmSync(dataDir, { recursive: true, force: true })) // after the app has closed the file
  const id = await t.article({ title: 'خبر يقبل التعليقات' })
  const path = ((await t.app.inject(`/api/v1/articles/${id}`)).json() as ApiItem).url
  const { action, token } = commentForm((await t.app.inject(path)).body)
  const res = await t.app.inject({
    method: 'POST', url: action, remoteAddress: PROXY,
    headers: {
      'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': client,
      host: 'khabar.test', origin: 'http://khabar.test', 'sec-fetch-site': 'same-origin',
    },
    payload: new URLSearchParams({ name: 'سارة أحمد', email: 'sara@example.com', body: 'تعليق قيّم على الخبر.', token, website: '' }).toString(),
  })
  assert.equal(res.statusCode, 303, res.body.slice(0, 300))
  const db = new BetterSqlite3(dbFile, { readonly: true })
  try {
    return (db.prepare('SELECT ip FROM comments').get() as { ip: string | null }).ip
  } finally {
    db.close()
  }
}

describe('behind a trusted proxy', () => {
  for (const trustProxy of [true, 1, [PROXY], ['10.0.0.0/8']] as const) {
    it(`gives each forwarded client its own search rate limit (trust ${JSON.stringify(trustProxy)})`, async (tt) => {
      const t = await appBehind(tt, trustProxy as AppOptions['trustProxy'])
      for (const path of SEARCHES) {
        const codes = []
        for (let i = 0; i < 3; i++) codes.push((await t.app.inject(forwarded(path, '203.0.113.7'))).statusCode)
        assert.deepEqual(codes, [200, 200, 429], `${path}: one client is limited`)
        assert.equal((await t.app.inject(forwarded(path, '203.0.113.8'))).statusCode, 200, `${path}: another client behind the same proxy is not`)
      }
    })
  }

  for (const trustProxy of [1, [PROXY]] as const) {
    it(`believes only the address the proxy added, not one the client wrote before it (trust ${JSON.stringify(trustProxy)})`, async (tt) => {
      const t = await appBehind(tt, trustProxy as AppOptions['trustProxy'])
      const codes = []
      for (let i = 1; i <= 3; i++) codes.push((await t.app.inject(forwarded(SEARCHES[0]!, `192.0.2.${i}, 203.0.113.7`))).statusCode)
      assert.deepEqual(codes, [200, 200, 429])
    })
  }

  it('records the forwarded client address with a comment, not the proxy address', async (tt) => {
    assert.equal(await commentAddress(tt, [PROXY], '203.0.113.7'), '203.0.113.7')
  })

  it('does not believe X-Forwarded-For from an address outside the trusted list', async (tt) => {
    const t = await appBehind(tt, ['10.0.0.0/8'])
    const codes = []
    for (let i = 1; i <= 3; i++) codes.push((await t.app.inject(forwarded(SEARCHES[0]!, `203.0.113.${i}`, '192.0.2.9'))).statusCode)
    assert.deepEqual(codes, [200, 200, 429])
  })
})

describe('without a trusted proxy (the default)', () => {
  it('ignores X-Forwarded-For, so a client cannot dodge the search rate limit by sending one', async (tt) => {
    const t = await appBehind(tt)
    for (const path of SEARCHES) {
      const codes = []
      for (let i = 1; i <= 3; i++) codes.push((await t.app.inject(forwarded(path, `203.0.113.${i}`))).statusCode)
      assert.deepEqual(codes, [200, 200, 429], path)
    }
  })

  it('records the connecting address with a comment, whatever X-Forwarded-For says', async (tt) => {
    assert.equal(await commentAddress(tt, undefined, '203.0.113.7'), PROXY)
  })
})
