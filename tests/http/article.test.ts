import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { formatGregorian, formatHijri } from '../../src/arabic/index.js'
import { sanitizeArticleHtml } from '../../src/core/index.js'
import { parseArticlePage } from '../../src/importers/index.js'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { articleHrefs, assertPage, commentForm, element, findSeed, links, SEED_TITLE, textOf, url, type ApiItem } from './support.js'

interface DemoComment { name: string; body: string; replies?: DemoComment[] }
const demo = JSON.parse(readFileSync(new URL('../../src/demo/demo-content.json', import.meta.url), 'utf8')) as { seedComments: DemoComment[] }
const seedPage = parseArticlePage(readFileSync(new URL('../../src/demo/seed-page.txt', import.meta.url), 'utf8'))

describe('the seed article page', () => {
  let t: TestApp
  let seed: ApiItem
  let html: string
  before(async () => {
    t = await makeTestApp({ demo: true })
    seed = await findSeed(t.app)
    html = (await t.app.inject(seed.url)).body
  })
  after(() => t.close())

  it('is found by the API and has a percent-encoded canonical URL', () => {
    assert.equal(seed.title, SEED_TITLE)
    assert.match(seed.url, /^\/[%0-9A-F-]+\/[1-9][0-9]*\/[%0-9A-F-]+$/)
  })

  it('answers 200 with an RTL Arabic document and security headers', async () => {
    assertPage(await t.app.inject(seed.url))
  })

  it('shows the category label linking to the category archive', () => {
    assert.equal(seed.category.name, 'العرب والعالم')
    assert.ok(links(html).some((l) => l.href === `/category/${encodeURIComponent(seed.category.slug)}` && l.text === 'العرب والعالم'))
  })

  it('shows the headline', () => {
    const headline = element(html, { id: 'headline' }) ?? /<h1\b[\s\S]*?<\/h1>/.exec(html)?.[0] ?? ''
    assert.equal(textOf(headline), SEED_TITLE)
    assert.match(html, new RegExp(`<title>[^<]*${SEED_TITLE.slice(0, 20)}`))
  })

  it('shows the dateline place and the source', () => {
    const dateline = element(html, { class: 'dateline' })
    assert.ok(dateline, 'the page has a dateline')
    assert.match(textOf(dateline), /واشنطن/)
    assert.match(textOf(dateline), /متابعة وطن برس/)
  })

  it('shows all nine body paragraphs, in order', () => {
    const body = element(html, { class: 'story-body' })
    assert.ok(body, 'the page has a .story-body')
    assert.equal(seedPage.paragraphs.length, 9)
    assert.equal((body.match(/<p\b/g) ?? []).length, 9)
    const text = textOf(body)
    let at = -1
    for (const p of seedPage.paragraphs) {
      const i = text.indexOf(p)
      assert.ok(i > at, `paragraph in order: ${p.slice(0, 40)}…`)
      at = i
    }
  })

  it('keeps the scraped page chrome out of the story body', () => {
    const body = textOf(element(html, { class: 'story-body' }) ?? '')
    for (const chrome of ['Slider', 'زر الذهاب إلى الأعلى', 'مقالات ذات صلة', 'اترك تعليقاً', 'شارك']) {
      assert.ok(!body.includes(chrome), `body contains «${chrome}»`)
    }
  })

  it('shows the Hijri date with Arabic-Indic digits and هـ, and the Gregorian date', () => {
    const at = new Date(seed.publishedAt)
    const text = textOf(html)
    const hijri = formatHijri(at)
    assert.match(hijri, /^[٠-٩]+ .+ [٠-٩]{4} هـ$/)
    assert.ok(text.includes(hijri), `page shows ${hijri}`)
    assert.ok(text.includes(formatGregorian(at)), `page shows ${formatGregorian(at)}`)
    assert.match(html, new RegExp(`<time\\b[^>]*datetime="${seed.publishedAt.replace(/\./g, '\\.')}"`))
  })

  it('shows «مقالات ذات صلة» with at least four related stories, never itself', () => {
    const start = html.indexOf('مقالات ذات صلة')
    assert.ok(start > 0, 'the related heading is shown')
    // The block is the .related element when the markup has it, else the heading to the section's end.
    const block = element(html, { class: 'related' }) ?? html.slice(start, html.indexOf('</section>', start))
    assert.ok(block.includes('مقالات ذات صلة'))
    const related = articleHrefs(block)
    assert.ok(related.length >= 4, `${related.length} related stories`)
    assert.ok(!related.includes(seed.url), 'links to itself')
  })

  it('shows the comment form posting to the article, with a token', () => {
    const form = commentForm(html)
    assert.equal(form.action, `${seed.url}/comments`)
    for (const name of ['name', 'email', 'body', 'website']) {
      assert.match(html, new RegExp(`<(input|textarea)\\b[^>]*\\bname="${name}"`), `field ${name}`)
    }
  })

  it('shows the approved demo comments, replies included', () => {
    const text = textOf(html)
    const walk = (cs: DemoComment[]): DemoComment[] => cs.flatMap((c) => [c, ...walk(c.replies ?? [])])
    const all = walk(demo.seedComments)
    assert.ok(all.length >= 2)
    for (const c of all) assert.ok(text.includes(textOf(c.body.split('\n')[0]!)), `comment by ${c.name}`)
  })

  it('has a back-to-top link to an anchor that exists', () => {
    assert.ok(links(html).some((l) => l.href === '#top'))
    assert.match(html, /\bid="top"/)
  })

  it('declares its canonical URL on the site', () => {
    assert.match(html, new RegExp(`<link\\b[^>]*rel="canonical"[^>]*href="http://khabar\\.test${seed.url}"`))
  })
})

describe('article addresses', () => {
  let t: TestApp
  let seed: ApiItem
  let id: string
  before(async () => {
    t = await makeTestApp({ demo: true })
    seed = await findSeed(t.app)
    id = String(seed.id)
  })
  after(() => t.close())

  const assertAsciiLocation = (location: unknown) => {
    assert.equal(typeof location, 'string')
    assert.match(location as string, /^[\x21-\x7e]+$/, 'Location is percent-encoded ASCII')
  }

  it('redirects /:category/:id to the canonical URL with 301', async () => {
    const res = await t.app.inject(`/${encodeURIComponent(seed.category.slug)}/${id}`)
    assert.equal(res.statusCode, 301)
    assert.equal(res.headers.location, seed.url)
    assertAsciiLocation(res.headers.location)
  })

  it('redirects a wrong slug to the canonical URL with 301', async () => {
    const res = await t.app.inject(`/${encodeURIComponent(seed.category.slug)}/${id}/${encodeURIComponent('عنوان-قديم')}`)
    assert.equal(res.statusCode, 301)
    assert.equal(res.headers.location, seed.url)
    assertAsciiLocation(res.headers.location)
  })

  it('redirects a wrong category to the canonical URL with 301', async () => {
    const slug = seed.url.split('/')[3]!
    const res = await t.app.inject(`/${encodeURIComponent('سياسة')}/${id}/${slug}`)
    assert.equal(res.statusCode, 301)
    assert.equal(res.headers.location, seed.url)
  })

  it('keeps a reply parameter through the redirect', async () => {
    const res = await t.app.inject(`/x/${id}/y?replyto=3`)
    assert.equal(res.statusCode, 301)
    assert.equal(res.headers.location, `${seed.url}?replyto=3`)
  })

  it('drops malformed reply and comment parameters from the redirect', async () => {
    const res = await t.app.inject(`/x/${id}/y?replyto=abc&comment=zzz&utm_source=x`)
    assert.equal(res.statusCode, 301)
    assert.equal(res.headers.location, seed.url)
  })

  it('decides a redirect before rendering the article, and remembers it', async () => {
    const calls = { comments: 0, related: 0 }
    const { comments, articles } = t.store
    const approvedFor = comments.approvedFor
    const related = articles.related
    comments.approvedFor = (...a) => { calls.comments++; return approvedFor.apply(comments, a) }
    articles.related = (...a) => { calls.related++; return related.apply(articles, a) }
    try {
      const old = `/${encodeURIComponent(seed.category.slug)}/${id}/${encodeURIComponent('عنوان-أقدم')}`
      const first = await t.app.inject(old)
      assert.equal(first.statusCode, 301)
      assert.deepEqual(calls, { comments: 0, related: 0 }, 'nothing around the article was read for a redirect')
      const second = await t.app.inject(`${old}?fbclid=1`)
      assert.equal(second.statusCode, 301)
      assert.equal(second.headers.location, seed.url)
      assert.equal(second.headers['x-cache'], 'hit')
    } finally {
      comments.approvedFor = approvedFor
      articles.related = related
    }
  })

  it('answers the canonical URL itself with 200, also with a trailing slash', async () => {
    assert.equal((await t.app.inject(seed.url)).statusCode, 200)
    assert.equal((await t.app.inject(`${seed.url}/`)).statusCode, 200)
  })

  it('answers 404 for an unknown article id', async () => {
    assertPage(await t.app.inject(`/${encodeURIComponent(seed.category.slug)}/999999/slug`), 404)
    assertPage(await t.app.inject(`/${encodeURIComponent(seed.category.slug)}/999999`), 404)
  })

  it('answers 404 for a non-numeric, zero or zero-padded id', async () => {
    for (const bad of ['abc', '0', `0${id}`, '1e3', '-1', '4.1', '99999999999']) {
      const res = await t.app.inject(`/${encodeURIComponent(seed.category.slug)}/${bad}/slug`)
      assertPage(res, 404)
      assert.match(textOf(res.body), /الصفحة غير موجودة/)
    }
  })
})

describe('article visibility and escaping', () => {
  it('answers 404 for a story dated in the future and for a draft', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const future = await t.article({ publishedAt: new Date(Date.now() + 3_600_000) })
    const draft = await t.article({ status: 'draft' })
    for (const id of [future, draft]) {
      assert.equal((await t.app.inject(`/x/${id}/y`)).statusCode, 404, `article ${id}`)
      assert.equal((await t.app.inject(`/api/v1/articles/${id}`)).statusCode, 404)
    }
  })

  it('never prints a script from stored article HTML', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const dirty = '<p>فقرة سليمة</p><script>alert("xss")</script><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">رابط</a><iframe src="https://evil.example"></iframe>'
    const id = await t.article({ title: 'خبر بمحتوى خطر', bodyHtml: sanitizeArticleHtml(dirty) })
    const { url: path } = (await t.app.inject(`/api/v1/articles/${id}`)).json() as ApiItem
    const html = (await t.app.inject(path)).body
    const body = element(html, { class: 'story-body' }) ?? ''
    assert.match(body, /فقرة سليمة/)
    assert.doesNotMatch(html, /alert\("xss"\)|onerror=|javascript:|<iframe/)
    assert.equal((html.match(/<script\b/g) ?? []).length, (html.match(/<script\b[^>]*\bsrc="\/assets\//g) ?? []).length, 'only the site script')
  })

  it('shows an embedded video as a link card, with nothing loaded from YouTube; the API keeps the stored form', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const video = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'
    const id = await t.article({ bodyHtml: sanitizeArticleHtml(`<p>قبل</p><figure data-embed="youtube"><a href="https://youtu.be/dQw4w9WgXcQ">x</a></figure>`) })
    const item = (await t.app.inject(`/api/v1/articles/${id}`)).json() as ApiItem & { bodyHtml: string }
    assert.match(item.bodyHtml, /<figure data-embed="youtube"><a href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ" rel="noopener nofollow">/)
    const body = element((await t.app.inject(item.url)).body, { class: 'story-body' }) ?? ''
    assert.match(body, /<figure class="embed embed--youtube" data-embed="youtube"><a href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ" rel="noopener nofollow" class="embed__link">/)
    assert.match(textOf(body), new RegExp(`فيديو على يوتيوب\\s*${video.replace(/[.?]/g, '\\$&')}`))
    assert.doesNotMatch(body, /<iframe|<script|<img/)
  })

  it('escapes markup in a title', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const id = await t.article({ title: 'عنوان <script>alert(1)</script> & "اقتباس"', paragraphs: ['<b>ليس غامقاً</b>'] })
    const { url: path } = (await t.app.inject(`/api/v1/articles/${id}`)).json() as ApiItem
    const html = (await t.app.inject(path)).body
    assert.doesNotMatch(html, /<script>alert/)
    assert.match(html, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
    assert.doesNotMatch(element(html, { class: 'story-body' }) ?? '', /<b>/)
    assert.match(textOf(element(html, { id: 'headline' }) ?? ''), /عنوان <script>alert\(1\)<\/script> & "اقتباس"/)
  })

  it('shows a comment approved after the page was cached on the next request', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const id = await t.article()
    const { url: path } = (await t.app.inject(`/api/v1/articles/${id}`)).json() as ApiItem
    await t.app.inject(path)
    assert.equal((await t.app.inject(path)).headers['x-cache'], 'hit')
    await t.store.comments.add({ articleId: id, parentId: null, authorName: 'قارئ متابع', authorEmail: 'r@example.com', body: 'تعليق اعتُمد للتو', ip: null }, 'approved', new Date())
    const res = await t.app.inject(path)
    assert.equal(res.headers['x-cache'], 'miss')
    assert.match(textOf(res.body), /تعليق اعتُمد للتو/)
  })

  it('follows a changed title to its new canonical URL', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const id = await t.article({ externalId: 'feed:1', title: 'العنوان الأول' })
    const first = ((await t.app.inject(`/api/v1/articles/${id}`)).json() as ApiItem).url
    assert.equal((await t.app.inject(first)).statusCode, 200)
    await t.article({ externalId: 'feed:1', title: 'العنوان المصحح' })
    const res = await t.app.inject(first)
    assert.equal(res.statusCode, 301)
    assert.match(decodeURIComponent(String(res.headers.location)), /\/العنوان-المصحح$/)
    assert.equal((await t.app.inject(url(String(res.headers.location)))).statusCode, 200)
  })

  it('does not call a freshly imported old story «updated»', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const id = await t.article({ publishedAt: new Date(Date.now() - 2 * 24 * 3_600_000) })
    const { url: path } = (await t.app.inject(`/api/v1/articles/${id}`)).json() as ApiItem
    assert.doesNotMatch(textOf((await t.app.inject(path)).body), /حُدِّث/)
  })
})
