import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { addArticleNote, ingestArticle, NotFoundError, ValidationError, type Store } from '../../src/core/index.js'
import { wireStories } from '../support/newsroom.js'
import { openWithSql, type OpenTwoWithSql } from './open-two-with-sql.js'

const incoming = wireStories('notes')
const AT = new Date('2026-12-01T09:30:00.000Z')
const later = (minutes: number) => new Date(AT.getTime() + minutes * 60_000)
const clock = (at: Date) => ({ now: () => at })

async function anArticle(store: Store): Promise<number> {
  return (await store.transaction((tx) => ingestArticle(tx, incoming()))).id
}

/** ArticleNoteRepo, directly and through addArticleNote where it applies, against two stores on one database. */
export function describeArticleNoteRepo(name: string, open: OpenTwoWithSql): void {
  describe(`ArticleNoteRepo contract: ${name}`, () => {
    it('lists an article’s notes oldest first, as another process added them, by time and then by id', async (t) => {
      const { a, b } = await openWithSql(t, open)
      const [one, two] = [await anArticle(a), await anArticle(a)]
      const sara = (await a.users.create({ email: 'sara@example.com', name: 'سارة حسن', role: 'editor', passwordHash: null }, AT))!
      const update = await a.notes.add({ articleId: one, kind: 'update', text: 'ارتفع عدد الضحايا إلى ١٢.', authorId: sara.id, at: later(30) })
      const correction = await b.notes.add({ articleId: one, kind: 'correction', text: 'ورد خطأً أن الاجتماع في بغداد،\nوالصحيح في أربيل.', authorId: null, at: AT })
      const sameTime = await a.notes.add({ articleId: one, kind: 'update', text: 'تحديث ثانٍ', authorId: null, at: later(30) })
      await a.notes.add({ articleId: two, kind: 'update', text: 'لمقال آخر', authorId: null, at: AT })
      assert.deepEqual(await b.notes.listFor(one), [
        { id: correction, articleId: one, kind: 'correction', text: 'ورد خطأً أن الاجتماع في بغداد،\nوالصحيح في أربيل.', authorId: null, createdAt: AT },
        { id: update, articleId: one, kind: 'update', text: 'ارتفع عدد الضحايا إلى ١٢.', authorId: sara.id, createdAt: later(30) },
        { id: sameTime, articleId: one, kind: 'update', text: 'تحديث ثانٍ', authorId: null, createdAt: later(30) },
      ])
      assert.deepEqual(await a.notes.listFor(two + 1000), [])
    })

    it('moves the other process’s content version by the time a note’s transaction returns, for readers see notes', async (t) => {
      const { a, b } = await openWithSql(t, open)
      const id = await anArticle(a)
      const before = b.contentVersion()
      await a.transaction((tx) => tx.notes.add({ articleId: id, kind: 'update', text: 'تحديث', authorId: null, at: AT }))
      assert.notEqual(b.contentVersion(), before)
    })

    it('deletes an article’s notes with the article, and keeps a deleted member’s notes with no author', async (t) => {
      const { a, run } = await openWithSql(t, open)
      const [gone, stays] = [await anArticle(a), await anArticle(a)]
      const ali = (await a.users.create({ email: 'ali@example.com', name: 'علي يوسف', role: 'editor', passwordHash: null }, AT))!
      await a.notes.add({ articleId: gone, kind: 'correction', text: 'تصحيح', authorId: ali.id, at: AT })
      const kept = await a.notes.add({ articleId: stays, kind: 'correction', text: 'تصحيح', authorId: ali.id, at: AT })
      await run(`DELETE FROM users WHERE id = ${ali.id}`)
      await run(`DELETE FROM articles WHERE id = ${gone}`)
      assert.deepEqual(await a.notes.listFor(gone), [])
      assert.deepEqual(await a.notes.listFor(stays), [{ id: kept, articleId: stays, kind: 'correction', text: 'تصحيح', authorId: null, createdAt: AT }])
    })

    it('refuses a kind the newsroom does not have, and an article that does not exist, storing nothing', async (t) => {
      const { a } = await openWithSql(t, open)
      const id = await anArticle(a)
      await assert.rejects(a.notes.add({ articleId: id, kind: 'retraction' as never, text: 'سحب', authorId: null, at: AT }))
      await assert.rejects(a.notes.add({ articleId: 4242, kind: 'update', text: 'تحديث', authorId: null, at: AT }))
      assert.deepEqual(await a.notes.listFor(id), [])
    })

    it('adds a note checked by the rules and moves the article’s updated time, seen by the other process', async (t) => {
      const { a, b } = await openWithSql(t, open)
      const id = await anArticle(a)
      const note = await a.transaction((tx) => addArticleNote(tx, clock(later(90)), { articleId: id, kind: 'correction', text: '  ورد اسم الوزير خطأً.  ', authorId: null }))
      assert.deepEqual(note, { id: note.id, articleId: id, kind: 'correction', text: 'ورد اسم الوزير خطأً.', authorId: null, createdAt: later(90) })
      assert.deepEqual(await b.notes.listFor(id), [note])
      assert.deepEqual((await b.articles.get(id))?.updatedAt, later(90))
    })

    it('refuses a note for an article that does not exist, or with a field the rules refuse, changing nothing', async (t) => {
      const { a } = await openWithSql(t, open)
      const id = await anArticle(a)
      const before = (await a.articles.get(id))!.updatedAt
      await assert.rejects(a.transaction((tx) => addArticleNote(tx, clock(later(90)), { articleId: 4242, kind: 'update', text: 'تحديث', authorId: null })), NotFoundError)
      await assert.rejects(a.transaction((tx) => addArticleNote(tx, clock(later(90)), { articleId: id, kind: 'update', text: ' \n ', authorId: null })),
        (e: unknown) => e instanceof ValidationError && e.problems.text === 'required')
      assert.deepEqual(await a.notes.listFor(id), [])
      assert.deepEqual((await a.articles.get(id))?.updatedAt, before)
    })

  })
}
