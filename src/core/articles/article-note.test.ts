import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ValidationError } from '../errors.js'
import { checkArticleNote, NOTE_TEXT_MAX, type NewArticleNote } from './article-note.js'

const AT = new Date('2026-12-01T09:30:00.000Z')
const note = (o: Partial<NewArticleNote> = {}): NewArticleNote => ({ articleId: 1, kind: 'correction', text: 'ورد خطأً أن الاجتماع في بغداد.', authorId: null, at: AT, ...o })
const problems = (n: NewArticleNote) => {
  try {
    checkArticleNote(n)
  } catch (e) {
    if (e instanceof ValidationError) return e.problems
    throw e
  }
  return null
}

describe('checkArticleNote', () => {
  it('keeps the text trimmed and in NFC', () => {
    // Alef + combining madda (U+0627 U+0653) composes to آ (U+0622) in NFC.
    assert.equal(checkArticleNote(note({ text: '  \nتحديث: \u0627\u0653خر الأخبار\n  ' })).text, 'تحديث: \u0622خر الأخبار')
    assert.deepEqual(checkArticleNote(note()), note())
  })

  it('refuses a missing or blank text, naming the field', () => {
    assert.deepEqual(problems(note({ text: '' })), { text: 'required' })
    assert.deepEqual(problems(note({ text: ' \n\t ' })), { text: 'required' })
  })

  it(`refuses a text longer than ${NOTE_TEXT_MAX} characters, counting characters rather than UTF-16 units`, () => {
    assert.equal(problems(note({ text: 'ت'.repeat(NOTE_TEXT_MAX) })), null)
    assert.equal(problems(note({ text: '😀'.repeat(NOTE_TEXT_MAX) })), null)
    assert.deepEqual(problems(note({ text: 'ت'.repeat(NOTE_TEXT_MAX + 1) })), { text: `longer than ${NOTE_TEXT_MAX} characters` })
  })

  it('refuses a kind other than a correction or an update, naming each refused field', () => {
    assert.deepEqual(problems(note({ kind: 'retraction' as never, text: '' })), { kind: 'one of correction, update', text: 'required' })
    assert.equal(problems(note({ kind: 'update' })), null)
  })
})
