import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { addUser, createApiToken, type Role } from '../../src/core/index.js'
import { makeTestApp } from '../support/make-test-app.js'
import { assertApiError } from './support.js'

/** A member of each role with a token, on a site with one desk and one published story. */
async function newsroomSite() {
  const t = await makeTestApp()
  await t.article({ title: 'قمة بغداد تبحث أمن الحدود', categoryName: 'العرب والعالم', categorySlug: 'world' })
  const tokens = {} as Record<Role, string>
  for (const role of ['contributor', 'author', 'editor', 'admin'] as const) {
    await addUser({ users: t.store.users, clock: { now: () => new Date() } }, { email: `${role}@example.com`, name: role, role })
    tokens[role] = (await createApiToken({ users: t.store.users, tokens: t.store.tokens, clock: { now: () => new Date() } }, { email: `${role}@example.com` })).token
  }
  const call = (role: Role | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) => t.app.inject({
    method, url: `/api/v1/admin${path}`, headers: role ? { authorization: `Bearer ${tokens[role]}` } : {}, ...(body === undefined ? {} : { payload: body as object }),
  })
  return { t, tokens, call }
}

const story = { title: 'قمة بغداد تختتم أعمالها ببيان مشترك', body: '<p>اختتمت قمة بغداد أعمالها ببيان عن أمن الحدود.</p><script>alert(1)</script>', category: 'world', tags: ['العراق'], dateline: 'بغداد', source: 'وكالات' }

describe('Admin API', () => {
  let site: Awaited<ReturnType<typeof newsroomSite>>
  before(async () => { site = await newsroomSite() })
  after(() => site.t.close())

  it('takes a contributor\'s draft (403 on publish), which an editor publishes; the next public request shows it everywhere', async () => {
    const created = await site.call('contributor', 'POST', '/articles', story)
    assert.equal(created.statusCode, 201, created.body)
    const { id, status, url } = created.json() as { id: number; status: string; url: string }
    assert.equal(status, 'draft')
    assert.match(url, new RegExp(`^http://khabar\\.test/world/${id}/`))
    assertApiError(await site.call('contributor', 'POST', `/articles/${id}/publish`), 403, 'forbidden')
    assert.equal((await site.t.app.inject('/')).body.includes(story.title), false)

    const published = await site.call('editor', 'POST', `/articles/${id}/publish`)
    assert.equal(published.statusCode, 200, published.body)
    assert.equal(published.json().status, 'published')
    assert.doesNotMatch(published.json().body, /script/)

    const path = new URL(url).pathname
    for (const page of ['/', '/category/world', path]) assert.ok((await site.t.app.inject(page)).body.includes(story.title), page)
    const api = (await site.t.app.inject('/api/v1/articles')).json() as { items: Array<{ id: number }> }
    assert.ok(api.items.some((a) => a.id === id))
    const search = (await site.t.app.inject(`/api/v1/search?q=${encodeURIComponent('تختتم')}`)).json() as { items: Array<{ id: number }> }
    assert.deepEqual(search.items.map((a) => a.id), [id])
  })

  it('answers 401 without a token, with an unknown one, and for a deactivated member\'s', async () => {
    assertApiError(await site.call(null, 'GET', '/articles'), 401, 'unauthorized')
    const bad = await site.t.app.inject({ url: '/api/v1/admin/articles', headers: { authorization: 'Bearer khabar_nope' } })
    assertApiError(bad, 401, 'unauthorized')
    assert.match(String(bad.headers['www-authenticate']), /^Bearer/)
    const gone = await addUser({ users: site.t.store.users, clock: { now: () => new Date() } }, { email: 'gone@example.com', name: 'راحل', role: 'editor' })
    const { token } = await createApiToken({ users: site.t.store.users, tokens: site.t.store.tokens, clock: { now: () => new Date() } }, { email: gone.email })
    assert.equal((await site.t.app.inject({ url: '/api/v1/admin/articles', headers: { authorization: `Bearer ${token}` } })).statusCode, 200)
    await site.t.store.users.setActive(gone.id, false)
    assertApiError(await site.t.app.inject({ url: '/api/v1/admin/articles', headers: { authorization: `Bearer ${token}` } }), 401, 'unauthorized')
  })

  it('names the refused field with 400 and stores nothing', async () => {
    const before = await site.t.store.articles.count()
    const res = await site.call('editor', 'POST', '/articles', { ...story, title: '  ', category: 'nowhere' })
    assertApiError(res, 400, 'validation')
    const fields = (res.json() as { error: { fields: Record<string, string> } }).error.fields
    assert.deepEqual(Object.keys(fields).sort(), ['category', 'title'])
    assertApiError(await site.call('editor', 'POST', '/articles', { ...story, colour: 'red' }), 400, 'validation')
    assertApiError(await site.call('editor', 'POST', '/articles', { ...story, tags: 'العراق' }), 400, 'validation')
    assert.equal(await site.t.store.articles.count(), before)
  })

  it('answers 404 for an unknown story, 409 for a step that does not fit, 400 for a schedule in the past', async () => {
    assertApiError(await site.call('editor', 'GET', '/articles/99999'), 404, 'not_found')
    assertApiError(await site.call('editor', 'POST', '/articles/99999/publish'), 404, 'not_found')
    assertApiError(await site.call('editor', 'POST', '/articles/1/launch'), 400, 'validation')
    const { id } = (await site.call('author', 'POST', '/articles', story)).json() as { id: number }
    assertApiError(await site.call('author', 'POST', `/articles/${id}/unpublish`), 403, 'forbidden')
    assertApiError(await site.call('editor', 'POST', `/articles/${id}/unpublish`), 409, 'conflict')
    assertApiError(await site.call('author', 'POST', `/articles/${id}/schedule`, { at: '2020-01-01T00:00:00Z' }), 400, 'validation')
    assertApiError(await site.call('author', 'POST', `/articles/${id}/schedule`, { at: 'tomorrow' }), 400, 'validation')
    const at = new Date(Date.now() + 3_600_000).toISOString()
    const scheduled = await site.call('author', 'POST', `/articles/${id}/schedule`, { at })
    assert.equal(scheduled.statusCode, 200, scheduled.body)
    assert.deepEqual([scheduled.json().status, scheduled.json().publishedAt], ['scheduled', at])
  })

  it('edits with PATCH, keeping what it leaves out, and shows each member only what they may see', async () => {
    const { id } = (await site.call('contributor', 'POST', '/articles', story)).json() as { id: number }
    const patched = await site.call('contributor', 'PATCH', `/articles/${id}`, { title: 'عنوان معدل', tags: ['العراق', 'قمة'] })
    assert.equal(patched.statusCode, 200, patched.body)
    assert.deepEqual([patched.json().title, patched.json().dateline, patched.json().tags], ['عنوان معدل', 'بغداد', ['العراق', 'قمة']])
    assertApiError(await site.call('author', 'GET', `/articles/${id}`), 403, 'forbidden')
    assertApiError(await site.call('author', 'PATCH', `/articles/${id}`, { title: 'ليس لي' }), 403, 'forbidden')
    assert.equal((await site.call('editor', 'GET', `/articles/${id}`)).statusCode, 200)
    const mine = (await site.call('contributor', 'GET', '/articles?status=draft')).json() as { items: Array<{ id: number; owner: { name: string } }>; total: number }
    assert.ok(mine.items.every((a) => a.owner.name === 'contributor'))
    assert.ok(mine.items.some((a) => a.id === id))
    const all = (await site.call('editor', 'GET', '/articles')).json() as { total: number }
    assert.ok(all.total > mine.total)
    assertApiError(await site.call('editor', 'GET', '/articles?status=lost'), 400, 'validation')
  })

  it('adds a correction to a published story (editors only), shown to readers on the next request', async () => {
    const { id, url } = (await site.call('editor', 'POST', '/articles', story)).json() as { id: number; url: string }
    await site.call('editor', 'POST', `/articles/${id}/publish`)
    assertApiError(await site.call('author', 'POST', `/articles/${id}/corrections`, { kind: 'correction', text: 'تصحيح' }), 403, 'forbidden')
    assertApiError(await site.call('editor', 'POST', `/articles/${id}/corrections`, { kind: 'erratum', text: 'تصحيح' }), 400, 'validation')
    assertApiError(await site.call('editor', 'POST', `/articles/99999/corrections`, { kind: 'update', text: 'تحديث' }), 404, 'not_found')
    const added = await site.call('editor', 'POST', `/articles/${id}/corrections`, { kind: 'update', text: 'ارتفع عدد المشاركين إلى عشرين.' })
    assert.equal(added.statusCode, 201, added.body)
    assert.equal(added.json().kind, 'update')
    const page = await site.t.app.inject(new URL(url).pathname)
    assert.match(page.body, /تحديث/)
    assert.match(page.body, /ارتفع عدد المشاركين إلى عشرين\./)
  })

  it('lets a contributor delete their own draft and nobody else\'s story', async () => {
    const { id } = (await site.call('editor', 'POST', '/articles', story)).json() as { id: number }
    assertApiError(await site.call('contributor', 'DELETE', `/articles/${id}`), 403, 'forbidden')
    const own = (await site.call('contributor', 'POST', '/articles', story)).json() as { id: number }
    assert.equal((await site.call('contributor', 'DELETE', `/articles/${own.id}`)).statusCode, 204)
    assertApiError(await site.call('contributor', 'GET', `/articles/${own.id}`), 404, 'not_found')
  })
})
