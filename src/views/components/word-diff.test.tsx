import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { render } from 'preact-render-to-string'
import { WordDiff } from './word-diff.js'

describe('WordDiff', () => {
  it('marks removed words with del and added ones with ins, the rest as plain text, direction left to the text', () => {
    const html = render(<WordDiff parts={[
      { kind: 'same', text: 'استقبل الرئيس ' },
      { kind: 'removed', text: 'الأميركي' },
      { kind: 'added', text: 'الفرنسي' },
      { kind: 'same', text: ' رئيس الوزراء.' },
    ]} />)
    assert.equal(html, '<div class="word-diff" dir="auto">استقبل الرئيس <del>الأميركي</del><ins>الفرنسي</ins> رئيس الوزراء.</div>')
  })

  it('escapes every part: a diff of markup shows the markup as text', () => {
    const html = render(<WordDiff parts={[{ kind: 'removed', text: '<script>alert(1)</script>' }, { kind: 'added', text: '<img src=x onerror="y">&amp;' }]} />)
    assert.equal(html, '<div class="word-diff" dir="auto"><del>&lt;script>alert(1)&lt;/script></del><ins>&lt;img src=x onerror=&quot;y&quot;>&amp;amp;</ins></div>')
  })
})
