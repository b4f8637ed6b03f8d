import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parseArticlePage, PageParseError } from './parse-article-page.js'

const seed = readFileSync(new URL('../../../tests/fixtures/pages/watan-press-article-page.txt', import.meta.url), 'utf8')

describe('parseArticlePage on the Watan Press seed page', () => {
  const page = parseArticlePage(seed)

  it('keeps the category label without the slider label glued to it', () => {
    assert.equal(page.category, 'العرب والعالم')
  })

  it('keeps the headline', () => {
    assert.equal(page.title, 'البيت الابيض :العلاقات الأميركية العراقية “شراكة استراتيجية” بين البلدين')
  })

  it('splits the dateline into place and source', () => {
    assert.equal(page.dateline, 'واشنطن')
    assert.equal(page.source, 'متابعة وطن برس')
  })

  it('keeps all nine body paragraphs in order, first and last intact', () => {
    assert.equal(page.paragraphs.length, 9)
    assert.match(page.paragraphs[0]!, /^وصف البيت الأبيض في بيان أصدره، امس الخميس/)
    assert.match(page.paragraphs.at(-1)!, /وتأثيرات جائحة كورونا على مجمل الأوضاع\.$/)
  })

  it('drops the page chrome from the body', () => {
    const body = page.paragraphs.join('\n')
    for (const chrome of ['Slider', 'مقالات ذات صلة', 'اترك تعليقاً', 'زر الذهاب إلى الأعلى']) {
      assert.ok(!body.includes(chrome), `body contains ${chrome}`)
    }
  })

  it('folds runs of spaces inside paragraphs', () => {
    assert.ok(page.paragraphs.every((p) => !/\s{2,}/.test(p) && p === p.trim()))
  })
})

describe('parseArticlePage on other shapes', () => {
  it('reads a page without category or dateline', () => {
    const page = parseArticlePage('عنوان الخبر الطويل هنا في سطر واحد\n\nالفقرة الأولى من النص.\n\nشارك\n\nالفقرة الثانية.\n\nاترك رداً\n\nتعليق قارئ')
    assert.equal(page.dateline, null)
    assert.deepEqual(page.paragraphs, ['الفقرة الأولى من النص.', 'الفقرة الثانية.'])
  })

  it('recognizes a dash dateline', () => {
    const page = parseArticlePage('اقتصاد\nارتفاع أسعار النفط في الأسواق العالمية اليوم\nالرياض - وكالات\nارتفعت الأسعار.')
    assert.equal(page.category, 'اقتصاد')
    assert.equal(page.dateline, 'الرياض')
    assert.equal(page.source, 'وكالات')
  })

  it('fails with a reason when there is no body', () => {
    assert.throws(() => parseArticlePage('عنوان فقط\n\nمقالات ذات صلة'), PageParseError)
  })
})
