import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { openSqliteStore } from '../../storage/index.js'
import { arabicAnalyzer } from '../../arabic/index.js'
import { ForbiddenError, InvalidStepError, NotFoundError, ValidationError } from '../errors.js'
import { addUser } from '../people/manage-users.js'
import { parseQuery } from '../search/parse-query.js'
import { ingestArticle } from './ingest-article.js'
import { paragraphsToHtml } from '../safe-html.js'
import type { ArticleInput } from './article-input.js'
import { createArticle, deleteArticle, editArticle, restoreRevision, type WriteDeps } from './write-article.js'
import { moveArticle, publishDueArticles } from './move-article.js'

const NOW = new Date('2026-12-02T09:00:00Z')

async function newsroom(t: { after(fn: () => Promise<void>): void }) {
  const store = await openSqliteStore(':memory:')
  t.after(() => store.close())
  const clock = { now: () => NOW }
  const people = { users: store.users, clock }
  const reporter = await addUser(people, { email: 'r@example.com', name: 'مراسل', role: 'contributor' })
  const author = await addUser(people, { email: 'a@example.com', name: 'كاتبة', role: 'author' })
  const editor = await addUser(people, { email: 'e@example.com', name: 'محررة', role: 'editor' })
  // A desk and an older published story about the same thing, for related articles.
  const older = await store.transaction((tx) => ingestArticle(tx, {
    externalId: null, title: 'قمة بغداد تبحث أمن الحدود', bodyHtml: paragraphsToHtml(['قمة بغداد والحدود العراقية.']),
    categoryName: 'العرب والعالم', categorySlug: 'world', publishedAt: new Date('2026-12-01T09:00:00Z'),
  }))
  const inTx = <T>(work: (d: WriteDeps) => Promise<T>) => store.transaction((tx) => work({ repos: tx, clock }))
  return { store, inTx, reporter, author, editor, olderId: older.id }
}

const input = (o: Partial<ArticleInput> = {}): ArticleInput => ({
  title: 'قمة بغداد تختتم أعمالها', body: '<p>اختتمت قمة بغداد أعمالها ببيان عن الحدود. <script>alert(1)</script></p>',
  category: 'world', tags: ['العراق', ' قمة  بغداد '], dateline: 'بغداد', source: 'وكالات', ...o,
})

const found = async (store: Awaited<ReturnType<typeof newsroom>>['store'], words: string) =>
  (await store.search.search(parseQuery(`${words} `, arabicAnalyzer), { visibleAt: NOW }, { offset: 0, limit: 10 })).hits.map((h) => h.id)

describe('createArticle and editArticle', () => {
  it('files a draft owned by its writer, with the body cleaned and new tags created, out of the index', async (t) => {
    const { store, inTx, reporter } = await newsroom(t)
    const draft = await inTx((d) => createArticle(d, reporter, input()))
    assert.equal(draft.status, 'draft')
    assert.equal(draft.ownerId, reporter.id)
    assert.equal(draft.publishedAt, null)
    assert.doesNotMatch(draft.bodyHtml, /script|alert/)
    assert.deepEqual(draft.tags.map((x) => x.name), ['العراق', 'قمة بغداد'])
    assert.deepEqual(await found(store, 'تختتم'), [])
  })

  it('refuses an unknown desk or co-byline by field, storing nothing', async (t) => {
    const { store, inTx, reporter } = await newsroom(t)
    await assert.rejects(inTx((d) => createArticle(d, reporter, input({ category: 'nowhere', authors: ['nobody'] }))),
      (e: unknown) => e instanceof ValidationError && 'category' in e.problems && 'authors' in e.problems)
    assert.equal(await store.articles.count(), 1)
    assert.equal(await store.tags.bySlug('العراق'), null, 'no tag left behind')
  })

  it('keeps fields left out of an edit, and lets a contributor edit only their own unpublished story', async (t) => {
    const { inTx, reporter, author } = await newsroom(t)
    const draft = await inTx((d) => createArticle(d, reporter, input()))
    const edited = await inTx((d) => editArticle(d, reporter, draft.id, { title: 'قمة بغداد تختتم أعمالها ببيان' }))
    assert.equal(edited.title, 'قمة بغداد تختتم أعمالها ببيان')
    assert.equal(edited.dateline, 'بغداد')
    assert.deepEqual(edited.tags.map((x) => x.name), ['العراق', 'قمة بغداد'])
    await assert.rejects(inTx((d) => editArticle(d, author, draft.id, { title: 'ليس لك' })), ForbiddenError)
    await assert.rejects(inTx((d) => editArticle(d, reporter, 999, {})), NotFoundError)
  })
})

describe('moveArticle', () => {
  it('takes a story from draft through review to published, indexed with related articles at once', async (t) => {
    const { store, inTx, reporter, editor, olderId } = await newsroom(t)
    const draft = await inTx((d) => createArticle(d, reporter, input()))
    await assert.rejects(inTx((d) => moveArticle(d, reporter, draft.id, 'publish')), ForbiddenError)
    const inReview = await inTx((d) => moveArticle(d, reporter, draft.id, 'submit'))
    assert.equal(inReview.status, 'review')
    await assert.rejects(inTx((d) => moveArticle(d, editor, draft.id, 'submit')), InvalidStepError)
    const live = await inTx((d) => moveArticle(d, editor, draft.id, 'publish'))
    assert.equal(live.status, 'published')
    assert.deepEqual(live.publishedAt, NOW)
    assert.deepEqual(await found(store, 'تختتم'), [draft.id])
    const related = await store.articles.related(live, NOW, 4)
    assert.deepEqual(related.map((r) => r.id), [olderId])
    await assert.rejects(inTx((d) => moveArticle(d, editor, draft.id, 'publish')), InvalidStepError)
  })

  it('schedules only in the future, and a taken-down story leaves the index and keeps its first publication time', async (t) => {
    const { inTx, author } = await newsroom(t)
    const draft = await inTx((d) => createArticle(d, author, input()))
    await assert.rejects(inTx((d) => moveArticle(d, author, draft.id, 'schedule', { at: new Date(NOW.getTime() - 1) })),
      (e: unknown) => e instanceof ValidationError && e.problems.at === 'must be in the future')
    await assert.rejects(inTx((d) => moveArticle(d, author, draft.id, 'schedule')), ValidationError)
    const at = new Date(NOW.getTime() + 60_000)
    const scheduled = await inTx((d) => moveArticle(d, author, draft.id, 'schedule', { at }))
    assert.deepEqual([scheduled.status, scheduled.publishedAt], ['scheduled', at])
    const down = await inTx((d) => moveArticle(d, author, draft.id, 'unpublish')).catch((e) => e)
    assert.ok(down instanceof ForbiddenError, 'an author may not take stories down')
  })

  it('lets an editor take a story down and publish it again with its first publication time', async (t) => {
    const { store, inTx, author, editor } = await newsroom(t)
    const draft = await inTx((d) => createArticle(d, author, input()))
    await inTx((d) => moveArticle(d, author, draft.id, 'publish'))
    const down = await inTx((d) => moveArticle(d, editor, draft.id, 'unpublish'))
    assert.equal(down.status, 'unpublished')
    assert.deepEqual(await found(store, 'تختتم'), [])
    const again = await inTx((d) => moveArticle({ ...d, clock: { now: () => new Date(NOW.getTime() + 3_600_000) } }, editor, draft.id, 'publish'))
    assert.deepEqual(again.publishedAt, NOW)
  })

  it('refuses to publish a story without a body, naming the field', async (t) => {
    const { inTx, editor } = await newsroom(t)
    const draft = await inTx((d) => createArticle(d, editor, input({ body: '<p> </p>' })))
    await assert.rejects(inTx((d) => moveArticle(d, editor, draft.id, 'publish')), (e: unknown) => e instanceof ValidationError && 'body' in e.problems)
  })
})

describe('publishDueArticles', () => {
  it('marks a scheduled story published once its time has come, once, whoever runs it at the same time', async (t) => {
    const { store, inTx, editor } = await newsroom(t)
    const draft = await inTx((d) => createArticle(d, editor, input()))
    const at = new Date(NOW.getTime() + 60_000)
    await inTx((d) => moveArticle(d, editor, draft.id, 'schedule', { at }))
    assert.equal(await publishDueArticles({ store, clock: { now: () => NOW } }), 0)
    const later = { store, clock: { now: () => new Date(at.getTime() + 1) } }
    const runs = await Promise.all([publishDueArticles(later), publishDueArticles(later)])
    assert.deepEqual(runs.sort(), [0, 1])
    const stored = (await store.articles.get(draft.id))!
    assert.deepEqual([stored.status, stored.publishedAt], ['published', at])
  })
})

describe('deleteArticle', () => {
  it('lets a contributor delete their own draft only, and an editor any story, out of the index too', async (t) => {
    const { store, inTx, reporter, editor } = await newsroom(t)
    const mine = await inTx((d) => createArticle(d, reporter, input()))
    await inTx((d) => deleteArticle(d, reporter, mine.id))
    assert.equal(await store.articles.get(mine.id), null)
    const other = await inTx((d) => createArticle(d, editor, input()))
    await assert.rejects(inTx((d) => deleteArticle(d, reporter, other.id)), ForbiddenError)
    await inTx((d) => moveArticle(d, editor, other.id, 'publish'))
    await inTx((d) => deleteArticle(d, editor, other.id))
    assert.deepEqual(await found(store, 'تختتم'), [])
  })
})

describe('revisions', () => {
  it('keeps one per save with who saved it, folds a member\'s autosaves, and restores an earlier one as a new revision', async (t) => {
    const { store, inTx, reporter, editor } = await newsroom(t)
    const draft = await inTx((d) => createArticle(d, reporter, input()))
    await inTx((d) => editArticle(d, reporter, draft.id, { title: 'عنوان أول معدل' }, { autosave: true }))
    await inTx((d) => editArticle(d, reporter, draft.id, { title: 'عنوان ثان معدل' }, { autosave: true }))
    let history = await store.revisions.listFor(draft.id)
    assert.equal(history.length, 1, 'autosaves within minutes of the member\'s last revision add none')
    await inTx((d) => editArticle(d, editor, draft.id, { title: 'عنوان المحررة' }))
    history = await store.revisions.listFor(draft.id)
    assert.deepEqual(history.map((r) => [r.title, r.editorName]), [
      ['عنوان المحررة', 'محررة'], ['عنوان ثان معدل', 'مراسل'], ['قمة بغداد تختتم أعمالها', 'مراسل'],
    ], 'the writer\'s autosaved words are kept as theirs before the editor\'s save')
    const restored = await inTx((d) => restoreRevision(d, editor, draft.id, history[2]!.id))
    assert.equal(restored.title, 'قمة بغداد تختتم أعمالها')
    const after = await store.revisions.listFor(draft.id)
    assert.equal(after.length, 4)
    assert.equal(after[0]!.note, `restored revision ${history[2]!.id}`)
    await assert.rejects(inTx((d) => restoreRevision(d, editor, draft.id, 9999)), NotFoundError)
  })
})
