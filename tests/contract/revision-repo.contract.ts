import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ingestArticle, sanitizeArticleHtml, type ArticleSnapshot, type Store } from '../../src/core/index.js'
import { wireStories } from '../support/newsroom.js'
import { openWithSql, type OpenTwoWithSql } from './open-two-with-sql.js'

const incoming = wireStories('revisions')
const AT = new Date('2026-12-01T09:30:00.000Z')
const later = (minutes: number) => new Date(AT.getTime() + minutes * 60_000)

const snapshot = (o: Partial<ArticleSnapshot> = {}): ArticleSnapshot => ({
  title: 'البيت الأبيض يستقبل رئيس الوزراء العراقي',
  dek: 'مُحادثاتٌ حول الشراكة — «الاستراتيجية»',
  bodyHtml: sanitizeArticleHtml('<p>استقبل الرئيس الأميركي رئيس الوزراء في واشنطن.</p>\n<p dir="ltr">The "strategic" talks &amp; more.</p>'),
  dateline: 'واشنطن',
  source: null,
  categoryId: 1,
  tagIds: [3, 1, 2],
  authorIds: [],
  featured: false,
  breaking: true,
  slug: 'البيت-الأبيض-يستقبل',
  seoTitle: null,
  seoDescription: 'زيارة رسمية\nفي سطرين',
  ...o,
})

async function anArticle(store: Store): Promise<number> {
  return (await store.transaction((tx) => ingestArticle(tx, incoming()))).id
}

const member = (store: Store, email: string, name: string) =>
  store.users.create({ email, name, role: 'editor', passwordHash: null }, AT).then((u) => u!)

/** RevisionRepo, against two stores on one database. */
export function describeRevisionRepo(name: string, open: OpenTwoWithSql): void {
  describe(`RevisionRepo contract: ${name}`, () => {
    it('gives back a revision saved in another process with its snapshot exactly as it was, Arabic, markup and nulls alike', async (t) => {
      const { a, b } = await openWithSql(t, open)
      const articleId = await anArticle(a)
      const sara = await member(a, 'sara@example.com', 'سارة حسن')
      const kept = snapshot({ categoryId: (await a.categories.all())[0]!.id })
      const id = await a.revisions.add({ articleId, editorId: sara.id, at: AT, snapshot: kept, note: 'صُحّح اسم المدينة' })
      assert.deepEqual(await b.revisions.get(id), {
        id, articleId, editorId: sara.id, editorName: 'سارة حسن', createdAt: AT, title: kept.title, note: 'صُحّح اسم المدينة', snapshot: kept,
      })
      assert.equal(await b.revisions.get(id + 1000), null)
    })

    it('keeps only the snapshot’s own fields, whatever else the object handed in carried', async (t) => {
      const { a } = await openWithSql(t, open)
      const articleId = await anArticle(a)
      const kept = snapshot()
      const id = await a.revisions.add({ articleId, editorId: null, at: AT, snapshot: { ...kept, status: 'draft', bodyText: 'نص' } as ArticleSnapshot })
      const got = await a.revisions.get(id)
      assert.deepEqual(got?.snapshot, kept)
      assert.equal(got?.note, null)
      assert.equal(got?.editorName, null)
    })

    it('lists an article’s revisions newest first, without snapshots, with each editor’s name', async (t) => {
      const { a, b } = await openWithSql(t, open)
      const [one, two] = [await anArticle(a), await anArticle(a)]
      const sara = await member(a, 'sara@example.com', 'سارة حسن')
      const ali = await member(a, 'ali@example.com', 'علي يوسف')
      const first = await a.revisions.add({ articleId: one, editorId: sara.id, at: AT, snapshot: snapshot({ title: 'الأولى' }) })
      await a.revisions.add({ articleId: two, editorId: sara.id, at: AT, snapshot: snapshot({ title: 'لمقال آخر' }) })
      // Two saves in the same millisecond keep the order they were made in.
      const second = await b.revisions.add({ articleId: one, editorId: ali.id, at: later(5), snapshot: snapshot({ title: 'الثانية' }) })
      const third = await a.revisions.add({ articleId: one, editorId: null, at: later(5), snapshot: snapshot({ title: 'الثالثة' }), note: 'استيراد' })
      assert.ok(second > first && third > second)
      assert.deepEqual(await b.revisions.listFor(one), [
        { id: third, articleId: one, editorId: null, editorName: null, createdAt: later(5), title: 'الثالثة', note: 'استيراد' },
        { id: second, articleId: one, editorId: ali.id, editorName: 'علي يوسف', createdAt: later(5), title: 'الثانية', note: null },
        { id: first, articleId: one, editorId: sara.id, editorName: 'سارة حسن', createdAt: AT, title: 'الأولى', note: null },
      ])
      assert.deepEqual(await a.revisions.listFor(two + 1000), [])
    })

    it('keeps a deleted member’s revisions with no editor', async (t) => {
      const { a, run } = await openWithSql(t, open)
      const articleId = await anArticle(a)
      const sara = await member(a, 'sara@example.com', 'سارة حسن')
      const id = await a.revisions.add({ articleId, editorId: sara.id, at: AT, snapshot: snapshot() })
      await run(`DELETE FROM users WHERE id = ${sara.id}`)
      assert.deepEqual(await a.revisions.listFor(articleId), [
        { id, articleId, editorId: null, editorName: null, createdAt: AT, title: snapshot().title, note: null },
      ])
      assert.deepEqual((await a.revisions.get(id))?.snapshot, snapshot())
    })

    it('deletes an article’s revisions with the article, and no other’s', async (t) => {
      const { a, run } = await openWithSql(t, open)
      const [gone, stays] = [await anArticle(a), await anArticle(a)]
      const goneRev = await a.revisions.add({ articleId: gone, editorId: null, at: AT, snapshot: snapshot() })
      const staysRev = await a.revisions.add({ articleId: stays, editorId: null, at: AT, snapshot: snapshot() })
      await run(`DELETE FROM articles WHERE id = ${gone}`)
      assert.equal(await a.revisions.get(goneRev), null)
      assert.deepEqual(await a.revisions.listFor(gone), [])
      assert.deepEqual((await a.revisions.listFor(stays)).map((r) => r.id), [staysRev])
    })

    it('refuses a revision of an article that does not exist', async (t) => {
      const { a } = await openWithSql(t, open)
      await assert.rejects(a.revisions.add({ articleId: 4242, editorId: null, at: AT, snapshot: snapshot() }))
    })
  })
}
