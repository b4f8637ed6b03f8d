import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { SIGN_IN_LIMITS } from '../../src/core/index.js'
import { setupToken } from '../../src/web/index.js'
import { makeTestApp, TEST_SECRET, type TestApp } from '../support/make-test-app.js'
import { addMember, csrfOf, PASSWORD, post, signInThroughPage, type Member } from '../support/newsroom-session.js'

const story = (o: Record<string, string | string[]> = {}) => ({
  title: 'قمة بغداد تختتم أعمالها', dek: 'بيان مشترك', body: '<p>اختتمت القمة أعمالها ببيان عن أمن الحدود، وقال الوزير: «نريد الاستقرار».</p>',
  category: 'world', tags: 'العراق، قمة بغداد', dateline: 'بغداد', source: 'وكالات', ...o,
})

describe('newsroom: signing in', () => {
  let t: TestApp
  before(async () => {
    t = await makeTestApp()
    await addMember(t.app, t.store, 'editor', 'sara@example.com')
  })
  after(() => t.close())

  it('labels its fields and button in Arabic, and sends signed-out visitors there and back', async () => {
    const page = await t.app.inject('/newsroom/sign-in')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<html lang="ar" dir="rtl"/)
    assert.match(page.body, /<label for="email">البريد الإلكتروني<\/label>/)
    assert.match(page.body, /<label for="password">كلمة المرور<\/label>/)
    assert.match(page.body, /<button type="submit"[^>]*>تسجيل الدخول<\/button>/)
    assert.equal(page.headers['cache-control'], 'no-store')
    const away = await t.app.inject('/newsroom/articles/new')
    assert.equal(away.statusCode, 303)
    assert.equal(away.headers.location, '/newsroom/sign-in?next=%2Fnewsroom%2Farticles%2Fnew')
  })

  it('sets an HttpOnly, SameSite=Lax session cookie and goes where it was asked, within the newsroom only', async () => {
    const page = await t.app.inject('/newsroom/sign-in')
    const token = /name="_form" value="([^"]+)"/.exec(page.body)![1]!
    const ok = await post(t.app, '/newsroom/sign-in', { email: 'SARA@example.com', password: PASSWORD, _form: token, next: '/newsroom/tokens' })
    assert.equal(ok.statusCode, 303)
    assert.equal(ok.headers.location, '/newsroom/tokens')
    assert.match(String(ok.headers['set-cookie']), /^khabar_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=1209600$/)
    const away = await post(t.app, '/newsroom/sign-in', { email: 'sara@example.com', password: PASSWORD, _form: token, next: 'https://evil.example/' })
    assert.equal(away.headers.location, '/newsroom')
    const sneaky = await post(t.app, '/newsroom/sign-in', { email: 'sara@example.com', password: PASSWORD, _form: token, next: '/newsroom//evil.example' })
    assert.doesNotMatch(String(sneaky.headers.location), /^\/\//)
  })

  it('gives a new session at each sign-in and ends the one the browser brought', async () => {
    const first = await signInThroughPage(t.app, 'sara@example.com')
    const page = await t.app.inject('/newsroom/sign-in')
    const token = /name="_form" value="([^"]+)"/.exec(page.body)![1]!
    const again = await post(t.app, '/newsroom/sign-in', { email: 'sara@example.com', password: PASSWORD, _form: token, next: '' }, first)
    const second = String(again.headers['set-cookie']).split(';')[0]!
    assert.notEqual(second, first)
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie: first } })).statusCode, 303, 'the old session is over')
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie: second } })).statusCode, 200)
  })

  it('says the same for a wrong password and an unknown address, and refuses a post without the form token', async () => {
    const page = await t.app.inject('/newsroom/sign-in')
    const token = /name="_form" value="([^"]+)"/.exec(page.body)![1]!
    const wrong = await post(t.app, '/newsroom/sign-in', { email: 'sara@example.com', password: 'خطأ خطأ خطأ', _form: token })
    const nobody = await post(t.app, '/newsroom/sign-in', { email: 'nobody@example.com', password: 'خطأ خطأ خطأ', _form: token })
    assert.equal(wrong.statusCode, 401)
    assert.equal(nobody.statusCode, 401)
    assert.match(wrong.body, /البريد الإلكتروني أو كلمة المرور غير صحيحة/)
    assert.match(nobody.body, /البريد الإلكتروني أو كلمة المرور غير صحيحة/)
    assert.equal(wrong.headers['set-cookie'], undefined)
    const forged = await post(t.app, '/newsroom/sign-in', { email: 'sara@example.com', password: PASSWORD, _form: 'x' })
    assert.equal(forged.statusCode, 403)
    const crossSite = await post(t.app, '/newsroom/sign-in', { email: 'sara@example.com', password: PASSWORD, _form: token }, '', { 'sec-fetch-site': 'cross-site' })
    assert.equal(crossSite.statusCode, 403)
  })

  it('locks an account out after repeated failures, with an Arabic message and Retry-After', async () => {
    await addMember(t.app, t.store, 'author', 'locked@example.com')
    const page = await t.app.inject('/newsroom/sign-in')
    const token = /name="_form" value="([^"]+)"/.exec(page.body)![1]!
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) await post(t.app, '/newsroom/sign-in', { email: 'locked@example.com', password: `خطأ رقم ${i}`, _form: token })
    const locked = await post(t.app, '/newsroom/sign-in', { email: 'locked@example.com', password: PASSWORD, _form: token })
    assert.equal(locked.statusCode, 429)
    assert.match(locked.body, /محاولات دخول فاشلة كثيرة/)
    assert.ok(Number(locked.headers['retry-after']) > 0)
  })

  it('signs out (this session) and everywhere (every session), by POST with the CSRF token only', async () => {
    const one = await signInThroughPage(t.app, 'sara@example.com')
    const two = await signInThroughPage(t.app, 'sara@example.com')
    assert.equal((await post(t.app, '/newsroom/sign-out-everywhere', {}, one)).statusCode, 403, 'no CSRF token')
    const out = await post(t.app, '/newsroom/sign-out-everywhere', { _csrf: await csrfOf(t.app, one) }, one)
    assert.equal(out.statusCode, 303)
    assert.match(String(out.headers['set-cookie']), /Max-Age=0/)
    for (const cookie of [one, two]) assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie } })).statusCode, 303)
  })
})

describe('newsroom: the first administrator', () => {
  it('opens a one-time setup page while the newsroom has no members, and never again', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const link = `/newsroom/setup/${setupToken(TEST_SECRET)}`
    assert.equal((await t.app.inject('/newsroom/setup/wrong-token-wrong-token-wrong-tok')).statusCode, 404)
    const page = await t.app.inject(link)
    assert.equal(page.statusCode, 200)
    const token = /name="_form" value="([^"]+)"/.exec(page.body)![1]!
    const short = await post(t.app, link, { name: 'مدير', email: 'admin@example.com', password: 'قصيرة', _form: token })
    assert.equal(short.statusCode, 400)
    assert.match(short.body, /كلمة المرور من 10 أحرف/)
    const made = await post(t.app, link, { name: 'مدير الموقع', email: 'admin@example.com', password: PASSWORD, _form: token })
    assert.equal(made.statusCode, 303)
    const cookie = String(made.headers['set-cookie']).split(';')[0]!
    const users = await t.app.inject({ url: '/newsroom/users', headers: { cookie } })
    assert.equal(users.statusCode, 200)
    assert.match(users.body, /مدير الموقع/)
    assert.equal((await t.app.inject(link)).statusCode, 404)
    assert.equal((await post(t.app, link, { name: 'دخيل', email: 'x@example.com', password: PASSWORD, _form: token })).statusCode, 404)
    assert.equal((await t.store.users.list()).length, 1)
  })
})

describe('newsroom: writing and publishing', () => {
  let t: TestApp, reporter: Member, editor: Member
  before(async () => {
    t = await makeTestApp()
    await t.article({ title: 'قمة سابقة في بغداد', categorySlug: 'world', tags: ['العراق', 'بغداد'] })
    reporter = await addMember(t.app, t.store, 'contributor')
    editor = await addMember(t.app, t.store, 'editor')
  })
  after(() => t.close())

  it('shows the editor with its Arabic names, desks, tag suggestions and only the buttons the member may press', async () => {
    const page = await t.app.inject({ url: '/newsroom/articles/new', headers: { cookie: reporter.cookie } })
    assert.equal(page.statusCode, 200)
    for (const label of ['<label for="title">العنوان</label>', '<label for="body">نص الخبر</label>', '<label for="category">القسم</label>']) assert.ok(page.body.includes(label), label)
    assert.match(page.body, /<textarea id="body" name="body" data-editor/)
    assert.match(page.body, /<option value="world">العرب والعالم<\/option>/)
    assert.match(page.body, />حفظ<\/button>/)
    assert.match(page.body, />إرسال للمراجعة<\/button>/)
    assert.doesNotMatch(page.body, />نشر<\/button>/, 'a contributor cannot publish')
    assert.match(page.body, /src="\/assets\/newsroom\/editor.js\?v=/)
    const editorPage = await t.app.inject({ url: '/newsroom/articles/new', headers: { cookie: editor.cookie } })
    assert.match(editorPage.body, />نشر<\/button>/)
    assert.match(editorPage.body, />جدولة<\/button>/)
  })

  it('files a contributor\'s story for review, which an editor publishes; readers see it on the next request', async () => {
    const created = await post(t.app, '/newsroom/articles', { ...story(), intent: 'submit', _csrf: reporter.csrf }, reporter.cookie)
    assert.equal(created.statusCode, 303, created.body.slice(0, 500))
    const id = Number(/\/newsroom\/articles\/(\d+)\?done=submit/.exec(String(created.headers.location))![1])
    const editing = await t.app.inject({ url: String(created.headers.location), headers: { cookie: reporter.cookie } })
    assert.match(editing.body, /بانتظار المراجعة/)
    assert.match(editing.body, /أُرسل الخبر للمراجعة/)
    const dashboard = await t.app.inject({ url: '/newsroom', headers: { cookie: editor.cookie } })
    assert.match(dashboard.body, /بانتظار المراجعة/)
    assert.ok(dashboard.body.includes(`/newsroom/articles/${id}`))
    assert.equal((await t.app.inject('/')).body.includes('قمة بغداد تختتم أعمالها'), false)

    const form = await t.app.inject({ url: `/newsroom/articles/${id}`, headers: { cookie: editor.cookie } })
    assert.match(form.body, /مقترحة من نص الخبر: بغداد/, 'an existing tag the story names, not one it has')
    const published = await post(t.app, `/newsroom/articles/${id}`, { ...story(), intent: 'publish', _csrf: editor.csrf }, editor.cookie)
    assert.equal(published.statusCode, 303)
    const home = await t.app.inject('/')
    assert.ok(home.body.includes('قمة بغداد تختتم أعمالها'))
    const search = (await t.app.inject(`/api/v1/search?q=${encodeURIComponent('تختتم')}`)).json() as { items: Array<{ id: number }> }
    assert.deepEqual(search.items.map((i) => i.id), [id])
  })

  it('keeps what the writer typed and names the field when a save is refused; stores nothing', async () => {
    const before = await t.store.articles.count()
    const res = await post(t.app, '/newsroom/articles', { ...story({ title: '', category: 'nowhere' }), _csrf: reporter.csrf }, reporter.cookie)
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /اكتب عنواناً للخبر/)
    assert.match(res.body, /اختر قسماً من القائمة/)
    assert.ok(res.body.includes('اختتمت القمة أعمالها'), 'the body is kept')
    assert.equal(await t.store.articles.count(), before)
    const noBody = await post(t.app, '/newsroom/articles', { ...story({ body: '' }), intent: 'publish', _csrf: editor.csrf }, editor.cookie)
    assert.equal(noBody.statusCode, 400)
    assert.match(noBody.body, /لا يُنشر خبر بلا نص/)
    assert.equal(await t.store.articles.count(), before, 'a refused step takes its save back too')
  })

  it('refuses a state change without the session\'s CSRF token or from another site', async () => {
    assert.equal((await post(t.app, '/newsroom/articles', { ...story() }, reporter.cookie)).statusCode, 403)
    assert.equal((await post(t.app, '/newsroom/articles', { ...story(), _csrf: editor.csrf }, reporter.cookie)).statusCode, 403, 'another session\'s token')
    assert.equal((await post(t.app, '/newsroom/articles', { ...story(), _csrf: reporter.csrf }, reporter.cookie, { 'sec-fetch-site': 'cross-site' })).statusCode, 403)
  })

  it('autosaves the fields (JSON, CSRF by header) without taking a workflow step', async () => {
    const created = await post(t.app, '/newsroom/articles', { ...story(), _csrf: reporter.csrf }, reporter.cookie)
    const id = Number(/\/newsroom\/articles\/(\d+)/.exec(String(created.headers.location))![1])
    const save = await post(t.app, `/newsroom/articles/${id}/autosave`, { ...story({ title: 'عنوان محفوظ تلقائياً' }), intent: 'publish' }, reporter.cookie, { 'x-csrf-token': reporter.csrf, accept: 'application/json' })
    assert.equal(save.statusCode, 200, save.body)
    assert.ok(Date.parse((save.json() as { savedAt: string }).savedAt))
    const stored = (await t.store.articles.get(id))!
    assert.deepEqual([stored.title, stored.status], ['عنوان محفوظ تلقائياً', 'draft'])
    const refused = await post(t.app, `/newsroom/articles/${id}/autosave`, story({ title: '' }), reporter.cookie, { 'x-csrf-token': reporter.csrf, accept: 'application/json' })
    assert.equal(refused.statusCode, 400)
    assert.equal((refused.json() as { error: { fields: Record<string, string> } }).error.fields.title, 'required')
  })

  it('previews a draft in the article page template, for those who may see it', async () => {
    const created = await post(t.app, '/newsroom/articles', { ...story({ title: 'مسودة للمعاينة' }), _csrf: reporter.csrf }, reporter.cookie)
    const id = Number(/\/newsroom\/articles\/(\d+)/.exec(String(created.headers.location))![1])
    const preview = await t.app.inject({ url: `/newsroom/articles/${id}/preview`, headers: { cookie: reporter.cookie } })
    assert.equal(preview.statusCode, 200)
    assert.match(preview.body, /<h1 id="headline" class="headline">مسودة للمعاينة<\/h1>/)
    assert.match(preview.body, /معاينة: هذا الخبر مسودة/)
    assert.equal(preview.headers['cache-control'], 'no-store')
    const author = await addMember(t.app, t.store, 'author')
    assert.equal((await t.app.inject({ url: `/newsroom/articles/${id}/preview`, headers: { cookie: author.cookie } })).statusCode, 403)
  })

  it('warns an editor that someone else has the story open, and lets them take it over', async () => {
    const created = await post(t.app, '/newsroom/articles', { ...story(), _csrf: reporter.csrf }, reporter.cookie)
    const id = Number(/\/newsroom\/articles\/(\d+)/.exec(String(created.headers.location))![1])
    await t.app.inject({ url: `/newsroom/articles/${id}`, headers: { cookie: reporter.cookie } })
    const warned = await t.app.inject({ url: `/newsroom/articles/${id}`, headers: { cookie: editor.cookie } })
    assert.match(warned.body, /عضو contributor يحرر هذا الخبر الآن/)
    const taken = await post(t.app, `/newsroom/articles/${id}/lock`, { _csrf: editor.csrf }, editor.cookie)
    assert.equal(taken.statusCode, 303)
    assert.doesNotMatch((await t.app.inject({ url: `/newsroom/articles/${id}`, headers: { cookie: editor.cookie } })).body, /يحرر هذا الخبر الآن/)
    assert.match((await t.app.inject({ url: `/newsroom/articles/${id}`, headers: { cookie: reporter.cookie } })).body, /عضو editor يحرر هذا الخبر الآن/)
  })

  it('shows signed-in editors the public page fresh and private with an edit link; readers get the cached bytes without it', async () => {
    const id = await t.article({ title: 'خبر منشور للقراء', categorySlug: 'world' })
    const path = `/world/${id}`
    const reader1 = await t.app.inject(path)
    const location = reader1.headers.location ? String(reader1.headers.location) : path
    const reader = await t.app.inject(location)
    const again = await t.app.inject(location)
    assert.equal(again.headers['x-cache'], 'hit')
    assert.doesNotMatch(reader.body, /تحرير الخبر/)
    const mine = await t.app.inject({ url: location, headers: { cookie: editor.cookie } })
    assert.equal(mine.headers['cache-control'], 'private, no-store')
    assert.match(mine.body, new RegExp(`<a class="edit-link" href="/newsroom/articles/${id}">تحرير الخبر</a>`))
    const forged = await t.app.inject({ url: location, headers: { cookie: 'khabar_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } })
    assert.equal(forged.headers['x-cache'], 'hit', 'a forged cookie gets the cached page')
    assert.doesNotMatch(forged.body, /تحرير الخبر/)
    const contributorView = await t.app.inject({ url: location, headers: { cookie: reporter.cookie } })
    assert.doesNotMatch(contributorView.body, /تحرير الخبر/, 'not theirs to edit')
  })
})

describe('newsroom: history and corrections', () => {
  let t: TestApp, reporter: Member, editor: Member
  before(async () => {
    t = await makeTestApp()
    await t.article({ categorySlug: 'world' })
    reporter = await addMember(t.app, t.store, 'contributor')
    editor = await addMember(t.app, t.store, 'editor')
  })
  after(() => t.close())

  it('lists every save with who and when, shows a later change word by word, and restores an earlier version', async () => {
    const created = await post(t.app, '/newsroom/articles', { ...story(), _csrf: reporter.csrf }, reporter.cookie)
    const id = Number(/\/newsroom\/articles\/(\d+)/.exec(String(created.headers.location))![1])
    await post(t.app, `/newsroom/articles/${id}`, { ...story({ title: 'قمة بغداد تختتم أعمالها بنجاح' }), _csrf: editor.csrf }, editor.cookie)
    const history = await t.app.inject({ url: `/newsroom/articles/${id}/revisions`, headers: { cookie: editor.cookie } })
    assert.equal(history.statusCode, 200)
    assert.match(history.body, /عضو editor/)
    assert.match(history.body, /عضو contributor/)
    const latest = (await t.store.revisions.listFor(id))[0]!
    const diff = await t.app.inject({ url: `/newsroom/articles/${id}/revisions?compare=${latest.id}`, headers: { cookie: editor.cookie } })
    assert.match(diff.body, /<dt>العنوان<\/dt>/)
    assert.ok(diff.body.includes('<dt>العنوان</dt><dd><div class="word-diff" dir="auto">قمة بغداد تختتم أعمالها <ins>بنجاح</ins></div></dd>'),
      'only the added word is marked')
    const restoreAction = /action="(\/newsroom\/articles\/\d+\/revisions\/\d+\/restore)"/.exec(diff.body)
    assert.equal(restoreAction, null, 'the current version is not offered for restore')
    const older = (await t.store.revisions.listFor(id))[1]!
    const olderDiff = await t.app.inject({ url: `/newsroom/articles/${id}/revisions?compare=${older.id}`, headers: { cookie: editor.cookie } })
    assert.equal(olderDiff.statusCode, 200)
    const restored = await post(t.app, `/newsroom/articles/${id}/revisions/${older.id}/restore`, { _csrf: editor.csrf }, editor.cookie)
    assert.equal(restored.statusCode, 303)
    assert.equal((await t.store.articles.get(id))!.title, 'قمة بغداد تختتم أعمالها')
    assert.equal((await t.app.inject({ url: `/newsroom/articles/${id}/revisions?compare=99999`, headers: { cookie: editor.cookie } })).statusCode, 404)
  })

  it('lets an editor add a dated correction that readers see on the next request, and refuses it to a contributor', async () => {
    const id = await t.article({ title: 'خبر سيصحح', categorySlug: 'world' })
    const page = await t.app.inject(`/world/${id}`)
    const path = page.statusCode === 301 ? String(page.headers.location) : `/world/${id}`
    await t.app.inject(path)
    assert.equal((await post(t.app, `/newsroom/articles/${id}/notes`, { kind: 'correction', text: 'ليس كذا', _csrf: reporter.csrf }, reporter.cookie)).statusCode, 403)
    const empty = await post(t.app, `/newsroom/articles/${id}/notes`, { kind: 'correction', text: '  ', _csrf: editor.csrf }, editor.cookie)
    assert.equal(empty.statusCode, 400)
    assert.match(empty.body, /اكتب نص الملاحظة/)
    const added = await post(t.app, `/newsroom/articles/${id}/notes`, { kind: 'correction', text: 'صُحّح اسم الوزير.', _csrf: editor.csrf }, editor.cookie)
    assert.equal(added.statusCode, 303)
    const reader = await t.app.inject(path)
    assert.equal(reader.headers['x-cache'], 'miss')
    assert.match(reader.body, /تصحيح/)
    assert.match(reader.body, /صُحّح اسم الوزير\./)
  })
})

describe('newsroom: tokens and members', () => {
  let t: TestApp, admin: Member, editor: Member
  before(async () => {
    t = await makeTestApp()
    admin = await addMember(t.app, t.store, 'admin')
    editor = await addMember(t.app, t.store, 'editor')
  })
  after(() => t.close())

  it('makes a token shown once that works on the Admin API, and revokes it', async () => {
    const made = await post(t.app, '/newsroom/tokens', { label: 'نظام الوكالة', _csrf: editor.csrf }, editor.cookie)
    assert.equal(made.statusCode, 201)
    const token = /(khabar_[A-Za-z0-9_-]{43})/.exec(made.body)![1]!
    assert.equal((await t.app.inject({ url: '/api/v1/admin/articles', headers: { authorization: `Bearer ${token}` } })).statusCode, 200)
    const list = await t.app.inject({ url: '/newsroom/tokens', headers: { cookie: editor.cookie } })
    assert.ok(list.body.includes('نظام الوكالة'))
    assert.equal(list.body.includes(token), false, 'never shown again')
    const id = /\/newsroom\/tokens\/(\d+)\/revoke/.exec(list.body.slice(list.body.indexOf('نظام الوكالة')))![1]
    assert.equal((await post(t.app, `/newsroom/tokens/${id}/revoke`, { _csrf: admin.csrf }, admin.cookie)).statusCode, 404, 'not another member\'s')
    assert.equal((await post(t.app, `/newsroom/tokens/${id}/revoke`, { _csrf: editor.csrf }, editor.cookie)).statusCode, 303)
    assert.equal((await t.app.inject({ url: '/api/v1/admin/articles', headers: { authorization: `Bearer ${token}` } })).statusCode, 401)
  })

  it('lets an administrator add and deactivate members, whose sessions end at once', async () => {
    assert.equal((await t.app.inject({ url: '/newsroom/users', headers: { cookie: editor.cookie } })).statusCode, 403)
    const dup = await post(t.app, '/newsroom/users', { name: 'مكرر', email: editor.email, role: 'author', password: PASSWORD, _csrf: admin.csrf }, admin.cookie)
    assert.equal(dup.statusCode, 409)
    const added = await post(t.app, '/newsroom/users', { name: 'مراسلة جديدة', email: 'new@example.com', role: 'contributor', password: PASSWORD, _csrf: admin.csrf }, admin.cookie)
    assert.equal(added.statusCode, 303)
    const newcomer = await signInThroughPage(t.app, 'new@example.com')
    const id = (await t.store.users.byEmail('new@example.com'))!.id
    assert.equal((await post(t.app, `/newsroom/users/${id}/deactivate`, { _csrf: admin.csrf }, admin.cookie)).statusCode, 303)
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie: newcomer } })).statusCode, 303)
    await assert.rejects(signInThroughPage(t.app, 'new@example.com'), /401/)
  })
})
