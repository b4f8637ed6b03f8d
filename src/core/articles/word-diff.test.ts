import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { diffWords, type DiffPart } from './word-diff.js'

const text = (parts: DiffPart[], keep: 'added' | 'removed') => parts.filter((p) => p.kind === 'same' || p.kind === keep).map((p) => p.text).join('')

describe('diffWords', () => {
  it('shows a replaced word as exactly that word removed and its replacement added, the rest the same', () => {
    assert.deepEqual(diffWords('استقبل الرئيس الأميركي رئيس الوزراء في واشنطن.', 'استقبل الرئيس الفرنسي رئيس الوزراء في واشنطن.'), [
      { kind: 'same', text: 'استقبل الرئيس ' },
      { kind: 'removed', text: 'الأميركي' },
      { kind: 'added', text: 'الفرنسي' },
      { kind: 'same', text: ' رئيس الوزراء في واشنطن.' },
    ])
  })

  it('keeps a word with its attached clitics and harakat whole', () => {
    // وَبِالْمَدْرَسَةِ: the conjunction, the preposition, the article and the harakat are one word.
    assert.deepEqual(diffWords('ذهبوا وَبِالْمَدْرَسَةِ اجتمعوا', 'ذهبوا وبالمدرسة اجتمعوا'), [
      { kind: 'same', text: 'ذهبوا ' },
      { kind: 'removed', text: 'وَبِالْمَدْرَسَةِ' },
      { kind: 'added', text: 'وبالمدرسة' },
      { kind: 'same', text: ' اجتمعوا' },
    ])
    assert.deepEqual(diffWords('قال للطلاب', 'قال لطلاب').filter((p) => p.kind !== 'same'), [
      { kind: 'removed', text: 'للطلاب' }, { kind: 'added', text: 'لطلاب' },
    ])
  })

  it('treats Latin words and digits mixed into Arabic as whole words', () => {
    assert.deepEqual(diffWords('أعلنت شركة Google عن هاتف Pixel 9 الجديد', 'أعلنت شركة Samsung عن هاتف Galaxy 25 الجديد').filter((p) => p.kind !== 'same'), [
      { kind: 'removed', text: 'Google' }, { kind: 'added', text: 'Samsung' },
      { kind: 'removed', text: 'Pixel 9' }, { kind: 'added', text: 'Galaxy 25' },
    ])
  })

  it('merges neighbouring changed words into one part of each kind', () => {
    const parts = diffWords('وصل الوفد السعودي إلى بغداد صباح اليوم', 'وصل الوفد المصري إلى القاهرة مساء أمس')
    assert.deepEqual(parts, [
      { kind: 'same', text: 'وصل الوفد ' },
      { kind: 'removed', text: 'السعودي' },
      { kind: 'added', text: 'المصري' },
      { kind: 'same', text: ' إلى ' },
      { kind: 'removed', text: 'بغداد صباح اليوم' },
      { kind: 'added', text: 'القاهرة مساء أمس' },
    ])
    for (let i = 1; i < parts.length; i++) assert.notEqual(parts[i]!.kind, parts[i - 1]!.kind)
  })

  it('rebuilds both texts from its parts', () => {
    const before = 'قال الوزير: «سنعمل على خفض الأسعار»، ثم غادر القاعة.'
    const after = 'قال الوزير: «سنعمل جاهدين على خفض الأسعار»، وغادر القاعة.'
    const parts = diffWords(before, after)
    assert.equal(text(parts, 'removed'), before)
    assert.equal(text(parts, 'added'), after)
  })

  it('finds nothing changed when only whitespace changed, and nothing at all in two empty texts', () => {
    assert.deepEqual(diffWords('نص   الخبر\nالأول', 'نص الخبر الأول').map((p) => p.kind), ['same'])
    assert.deepEqual(diffWords('', ''), [])
  })

  it('shows text written into an empty field as all added, and text deleted as all removed', () => {
    assert.deepEqual(diffWords('', 'محادثات حول الشراكة'), [{ kind: 'added', text: 'محادثات حول الشراكة' }])
    assert.deepEqual(diffWords('محادثات حول الشراكة', ''), [{ kind: 'removed', text: 'محادثات حول الشراكة' }])
  })
})
