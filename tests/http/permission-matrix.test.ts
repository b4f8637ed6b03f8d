import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createArticle, moveArticle, type ArticleStatus, type Role, type User } from '../../src/core/index.js'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { addMember, PASSWORD, post, type Member } from '../support/newsroom-session.js'

/**
 * Every newsroom and Admin API route × who asks: signed out, each role, and a deactivated
 * member's old session or token. Each cell runs on a story of its own, filed by the contributor
 * and brought to the state the route needs, so no cell depends on another.
 */
type Who = 'out' | Role | 'deactivated'
const WHO: Who[] = ['out', 'contributor', 'author', 'editor', 'admin', 'deactivated']
type Expect = Partial<Record<Who, number>> & { member?: number }

interface Route {
  name: string
  /** The state of the story the cell acts on (filed by the contributor). */
  story?: ArticleStatus
  call(t: TestApp, m: Member | null, storyId: number, victimId: number): Promise<{ statusCode: number }>
  /** Status by who asks; `member` for every signed-in role not named. */
  expect: Expect
}

const form = (o: Record<string, string> = {}) => ({ title: 'خبر المصفوفة', body: '<p>نص.</p>', category: 'world', ...o })
const page = (url: string) => (t: TestApp, m: Member | null) => t.app.inject({ url, headers: m ? { cookie: m.cookie } : {} })
const send = (url: (id: number, victim: number) => string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  (t: TestApp, m: Member | null, id: number, victim: number) => post(t.app, url(id, victim), { ...fields, ...(m ? { _csrf: m.csrf } : {}) }, m?.cookie ?? '', headers)
const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: (id: number) => string, body?: object) =>
  (t: TestApp, m: Member | null, id: number) => t.app.inject({ method, url: `/api/v1/admin${url(id)}`, headers: m ? { authorization: `Bearer ${m.token}` } : {}, ...(body ? { payload: body } : {}) })

/** A reader's pending comment on the site's first story, for a cell to act on. */
const aComment = (t: TestApp) => t.store.comments.add({ articleId: 1, parentId: null, authorName: 'قارئ', authorEmail: 'r@example.com', body: 'تعليق للمصفوفة', ip: null }, 'pending', new Date())

// Signed out (or deactivated): pages send to sign-in, state changes are refused.
const PAGE_OUT = { out: 303, deactivated: 303 }
const POST_OUT = { out: 401, deactivated: 401 }
const API_OUT = { out: 401, deactivated: 401 }
const OWN_STORY = { contributor: 200, author: 403, editor: 200, admin: 200 }

const ROUTES: Route[] = [
  { name: 'GET /newsroom', call: page('/newsroom'), expect: { ...PAGE_OUT, member: 200 } },
  { name: 'GET /newsroom/articles/new', call: page('/newsroom/articles/new'), expect: { ...PAGE_OUT, member: 200 } },
  { name: 'GET /newsroom/articles/:id', story: 'draft', call: (t, m, id) => page(`/newsroom/articles/${id}`)(t, m), expect: { ...PAGE_OUT, ...OWN_STORY } },
  { name: 'GET /newsroom/articles/:id/preview', story: 'draft', call: (t, m, id) => page(`/newsroom/articles/${id}/preview`)(t, m), expect: { ...PAGE_OUT, ...OWN_STORY } },
  { name: 'POST /newsroom/articles', call: send(() => '/newsroom/articles', form()), expect: { ...POST_OUT, member: 303 } },
  { name: 'POST /newsroom/articles/:id (save)', story: 'draft', call: send((id) => `/newsroom/articles/${id}`, form()), expect: { ...POST_OUT, contributor: 303, author: 403, editor: 303, admin: 303 } },
  { name: 'POST /newsroom/articles/:id (submit)', story: 'draft', call: send((id) => `/newsroom/articles/${id}`, form({ intent: 'submit' })), expect: { ...POST_OUT, contributor: 303, author: 403, editor: 303, admin: 303 } },
  { name: 'POST /newsroom/articles/:id (publish)', story: 'review', call: send((id) => `/newsroom/articles/${id}`, form({ intent: 'publish' })), expect: { ...POST_OUT, contributor: 403, author: 403, editor: 303, admin: 303 } },
  { name: 'POST /newsroom/articles/:id (unpublish)', story: 'published', call: send((id) => `/newsroom/articles/${id}`, form({ intent: 'unpublish' })), expect: { ...POST_OUT, contributor: 403, author: 403, editor: 303, admin: 303 } },
  { name: 'POST /newsroom/articles/:id (delete)', story: 'draft', call: send((id) => `/newsroom/articles/${id}`, form({ intent: 'delete' })), expect: { ...POST_OUT, contributor: 303, author: 403, editor: 303, admin: 303 } },
  { name: 'POST /newsroom/articles/:id/autosave', story: 'draft', call: send((id) => `/newsroom/articles/${id}/autosave`, form(), { accept: 'application/json' }), expect: { ...POST_OUT, contributor: 200, author: 403, editor: 200, admin: 200 } },
  { name: 'POST /newsroom/articles/:id/lock', story: 'draft', call: send((id) => `/newsroom/articles/${id}/lock`), expect: { ...POST_OUT, contributor: 303, author: 403, editor: 303, admin: 303 } },
  { name: 'GET /newsroom/articles/:id/revisions', story: 'draft', call: (t, m, id) => page(`/newsroom/articles/${id}/revisions`)(t, m), expect: { ...PAGE_OUT, ...OWN_STORY } },
  { name: 'POST /newsroom/articles/:id/revisions/:revision/restore', story: 'draft', call: async (t, m, id) => {
    const [latest] = await t.store.revisions.listFor(id)
    return send((i) => `/newsroom/articles/${i}/revisions/${latest!.id}/restore`)(t, m, id, 0)
  }, expect: { ...POST_OUT, contributor: 303, author: 403, editor: 303, admin: 303 } },
  { name: 'POST /newsroom/articles/:id/notes', story: 'published', call: send((id) => `/newsroom/articles/${id}/notes`, { kind: 'correction', text: 'تصحيح' }), expect: { ...POST_OUT, contributor: 403, author: 403, editor: 303, admin: 303 } },
  { name: 'GET /newsroom/tokens', call: page('/newsroom/tokens'), expect: { ...PAGE_OUT, member: 200 } },
  { name: 'POST /newsroom/tokens', call: send(() => '/newsroom/tokens', { label: 'مصفوفة' }), expect: { ...POST_OUT, member: 201 } },
  { name: 'POST /newsroom/tokens/:id/revoke', call: async (t, m) => {
    // The asker's newest token (made by the row above; the Admin API rows use their first).
    const id = (m ? await t.store.tokens.listFor(m.id) : []).at(-1)?.id ?? 1
    return send(() => `/newsroom/tokens/${id}/revoke`)(t, m, 0, 0)
  }, expect: { ...POST_OUT, member: 303 } },
  { name: 'GET /newsroom/sign-in', call: page('/newsroom/sign-in'), expect: { out: 200, deactivated: 200, member: 303 } },
  { name: 'GET /newsroom/setup/:token (members exist)', call: page('/newsroom/setup/any-token'), expect: { out: 404, deactivated: 404, member: 404 } },
  { name: 'GET /newsroom/comments', call: page('/newsroom/comments'), expect: { ...PAGE_OUT, member: 403, editor: 200, admin: 200 } },
  { name: 'POST /newsroom/comments (bulk)', call: async (t, m) => send(() => '/newsroom/comments', { action: 'approve', ids: String(await aComment(t)) })(t, m, 0, 0), expect: { ...POST_OUT, member: 403, editor: 303, admin: 303 } },
  { name: 'POST /newsroom/comments/:id/edit', call: async (t, m) => { const c = await aComment(t); return send(() => `/newsroom/comments/${c}/edit`, { body: 'نص معدل' })(t, m, 0, 0) }, expect: { ...POST_OUT, member: 403, editor: 303, admin: 303 } },
  { name: 'POST /newsroom/comments/:id/reply', call: async (t, m) => { const c = await aComment(t); return send(() => `/newsroom/comments/${c}/reply`, { body: 'رد التحرير' })(t, m, 0, 0) }, expect: { ...POST_OUT, member: 403, editor: 303, admin: 303 } },
  { name: 'GET /newsroom/users', call: page('/newsroom/users'), expect: { ...PAGE_OUT, member: 403, admin: 200 } },
  { name: 'POST /newsroom/users', call: send(() => '/newsroom/users', { name: 'جديد', email: `m${Math.random()}@example.com`, role: 'contributor', password: PASSWORD }), expect: { ...POST_OUT, member: 403, admin: 303 } },
  { name: 'POST /newsroom/users/:id/deactivate', call: send((_id, victim) => `/newsroom/users/${victim}/deactivate`), expect: { ...POST_OUT, member: 403, admin: 303 } },
  { name: 'POST /newsroom/users/:id/activate', call: send((_id, victim) => `/newsroom/users/${victim}/activate`), expect: { ...POST_OUT, member: 403, admin: 303 } },
  { name: 'GET /api/v1/admin/articles', call: api('GET', () => '/articles'), expect: { ...API_OUT, member: 200 } },
  { name: 'POST /api/v1/admin/articles', call: api('POST', () => '/articles', form()), expect: { ...API_OUT, member: 201 } },
  { name: 'GET /api/v1/admin/articles/:id', story: 'draft', call: api('GET', (id) => `/articles/${id}`), expect: { ...API_OUT, ...OWN_STORY } },
  { name: 'PATCH /api/v1/admin/articles/:id', story: 'draft', call: api('PATCH', (id) => `/articles/${id}`, { title: 'معدل' }), expect: { ...API_OUT, ...OWN_STORY } },
  { name: 'DELETE /api/v1/admin/articles/:id', story: 'draft', call: api('DELETE', (id) => `/articles/${id}`), expect: { ...API_OUT, contributor: 204, author: 403, editor: 204, admin: 204 } },
  { name: 'POST /api/v1/admin/articles/:id/submit', story: 'draft', call: api('POST', (id) => `/articles/${id}/submit`), expect: { ...API_OUT, ...OWN_STORY } },
  { name: 'POST /api/v1/admin/articles/:id/return', story: 'review', call: api('POST', (id) => `/articles/${id}/return`), expect: { ...API_OUT, contributor: 403, author: 403, editor: 200, admin: 200 } },
  { name: 'POST /api/v1/admin/articles/:id/publish', story: 'review', call: api('POST', (id) => `/articles/${id}/publish`), expect: { ...API_OUT, contributor: 403, author: 403, editor: 200, admin: 200 } },
  { name: 'POST /api/v1/admin/articles/:id/schedule', story: 'draft', call: api('POST', (id) => `/articles/${id}/schedule`, { at: '2099-01-01T00:00:00Z' }), expect: { ...API_OUT, contributor: 403, author: 403, editor: 200, admin: 200 } },
  { name: 'POST /api/v1/admin/articles/:id/corrections', story: 'published', call: api('POST', (id) => `/articles/${id}/corrections`, { kind: 'correction', text: 'تصحيح' }), expect: { ...API_OUT, contributor: 403, author: 403, editor: 201, admin: 201 } },
  { name: 'GET /api/v1/admin/comments', call: api('GET', () => '/comments'), expect: { ...API_OUT, member: 403, editor: 200, admin: 200 } },
  { name: 'POST /api/v1/admin/comments/:id/approve', call: async (t, m) => { const c = await aComment(t); return api('POST', () => `/comments/${c}/approve`)(t, m, 0) }, expect: { ...API_OUT, member: 403, editor: 200, admin: 200 } },
  { name: 'POST /api/v1/admin/articles/:id/unpublish', story: 'published', call: api('POST', (id) => `/articles/${id}/unpublish`), expect: { ...API_OUT, contributor: 403, author: 403, editor: 200, admin: 200 } },
  // Last: it ends every session of whoever asks.
  { name: 'POST /newsroom/sign-out-everywhere', call: send(() => '/newsroom/sign-out-everywhere'), expect: { ...POST_OUT, member: 303 } },
]

describe('permission matrix: every newsroom and Admin API route × who asks', () => {
  let t: TestApp
  const members = {} as Record<Exclude<Who, 'out'>, Member>
  let contributorUser: User, adminUser: User, victimId: number
  before(async () => {
    t = await makeTestApp()
    await t.article({ categorySlug: 'world' })
    for (const role of ['contributor', 'author', 'editor', 'admin'] as const) members[role] = await addMember(t.app, t.store, role)
    members.deactivated = await addMember(t.app, t.store, 'editor', 'gone@example.com')
    // Whom the member routes act on: nobody who asks in the matrix.
    victimId = (await t.store.users.create({ email: 'victim@example.com', name: 'عضو آخر', role: 'author', passwordHash: null }, new Date()))!.id
    await t.store.users.setActive(members.deactivated.id, false) // their session and token stay stored, and count for nothing
    contributorUser = (await t.store.users.byId(members.contributor.id))!
    adminUser = (await t.store.users.byId(members.admin.id))!
  })
  after(() => t.close())

  /** A story filed by the contributor, brought to `status` by the administrator. */
  async function storyIn(status: ArticleStatus): Promise<number> {
    return t.store.transaction(async (tx) => {
      const deps = { repos: tx, clock: { now: () => new Date() } }
      const { id } = await createArticle(deps, contributorUser, { title: 'خبر الخلية', body: '<p>نص الخبر.</p>', category: 'world' })
      if (status === 'review' || status === 'published') await moveArticle(deps, contributorUser, id, 'submit')
      if (status === 'published') await moveArticle(deps, adminUser, id, 'publish')
      return id
    })
  }

  for (const route of ROUTES) {
    it(route.name, async () => {
      const got: Record<string, number> = {}
      const want: Record<string, number> = {}
      for (const who of WHO) {
        const storyId = route.story ? await storyIn(route.story) : 0
        const res = await route.call(t, who === 'out' ? null : members[who], storyId, victimId)
        got[who] = res.statusCode
        want[who] = route.expect[who] ?? route.expect.member!
      }
      assert.deepEqual(got, want)
    })
  }
})
