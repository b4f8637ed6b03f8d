import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { formatGregorian, formatTime } from '../../src/arabic/index.js'
import { addArticleNote, type ArticleNoteKind, type Store } from '../../src/core/index.js'
import { makeTestApp } from '../support/make-test-app.js'
import { assertPage, countClass, element, textOf, type ApiItem } from './support.js'

/** A note added the way the newsroom will add it: through the use case, in a transaction. */
const addNote = (store: Store, articleId: number, kind: ArticleNoteKind, text: string, at = new Date()) =>
  store.transaction((tx) => addArticleNote(tx, { now: () => at }, { articleId, kind, text, authorId: null }))

/** The page without its form token, which changes on the hour. */
const stable = (html: string) => html.replace(/name="token" value="[^"]*"/, 'name="token" value=""')

describe('corrections and updates on the article page', () => {
  it('shows a note added through the use case on the next request, labelled and dated, the cached page replaced', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const id = await t.article({ title: 'قمة الرياض', paragraphs: ['اجتمع القادة في الرياض.'] })
    const { url } = (await t.app.inject(`/api/v1/articles/${id}`)).json() as ApiItem
    const before = assertPage(await t.app.inject(url))
    assert.equal(countClass(before, 'story-note'), 0)
    assert.equal(stable(assertPage(await t.app.inject(url))), stable(before), 'the page is served again as it was')

    const at = new Date(Date.now() - 5 * 60_000)
    await addNote(t.store, id, 'correction', 'ورد خطأً أن القمة في جدة، والصحيح في الرياض. <b>لا وسم</b>', at)
    const after = assertPage(await t.app.inject(url))
    const notes = element(after, { class: 'story-notes' })
    assert.ok(notes, 'the page now has its notes')
    assert.match(notes, /^<aside class="story-notes" aria-label="تصحيحات وتحديثات">/)
    assert.equal(countClass(notes, 'story-note'), 1)
    assert.match(notes, /<p role="note" class="story-note story-note-correction">/)
    assert.match(notes, new RegExp(`<time datetime="${at.toISOString()}">${formatGregorian(at)}، ${formatTime(at)}</time>`))
    assert.equal(textOf(notes), `تصحيح · ${formatGregorian(at)}، ${formatTime(at)} ورد خطأً أن القمة في جدة، والصحيح في الرياض. <b>لا وسم</b>`)
    assert.match(notes, /&lt;b>لا وسم&lt;\/b>/, 'the note is text, escaped, never markup')
    // After the body, before the tags and sharing.
    assert.ok(after.indexOf('class="story-body"') < after.indexOf('class="story-notes"'))
    assert.ok(after.indexOf('class="story-notes"') < after.indexOf('class="share"'))
  })

  it('lists the notes oldest first, each with its label, and dates the page as updated', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const id = await t.article({ title: 'انتخابات بلدية', publishedAt: new Date(Date.now() - 3 * 3_600_000) })
    const { url } = (await t.app.inject(`/api/v1/articles/${id}`)).json() as ApiItem
    assert.doesNotMatch(assertPage(await t.app.inject(url)), /class="updated"/)
    await addNote(t.store, id, 'update', 'أُعلنت النتائج الأولية.', new Date(Date.now() - 60_000))
    await addNote(t.store, id, 'correction', 'صُحّح عدد المقاعد.')
    const html = assertPage(await t.app.inject(url))
    const notes = element(html, { class: 'story-notes' })!
    assert.deepEqual([...notes.matchAll(/class="story-note-label">([^<]*)</g)].map((m) => m[1]), ['تحديث', 'تصحيح'])
    assert.match(notes, /story-note-update[\s\S]*أُعلنت النتائج الأولية[\s\S]*story-note-correction[\s\S]*صُحّح عدد المقاعد/)
    assert.match(element(html, { class: 'updated' }) ?? '', /حُدِّث في/)
  })

  it('renders an article without notes exactly as before a note was added to another one', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const id = await t.article({ title: 'خبر بلا تصحيح' })
    const other = await t.article({ title: 'خبر آخر' })
    const { url } = (await t.app.inject(`/api/v1/articles/${id}`)).json() as ApiItem
    const before = assertPage(await t.app.inject(url))
    await addNote(t.store, other, 'update', 'تحديث لخبر آخر.')
    const after = assertPage(await t.app.inject(url))
    assert.equal(stable(after), stable(before))
    assert.doesNotMatch(after, /story-note|role="note"|تصحيحات وتحديثات/)
  })
})
