import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sanitizeArticleHtml } from '../safe-html.js'
import type { ArticleSnapshot } from './article-snapshot.js'
import { diffArticleSnapshots } from './diff-article-snapshots.js'

const base: ArticleSnapshot = {
  title: 'البيت الأبيض يستقبل رئيس الوزراء العراقي',
  dek: null,
  bodyHtml: sanitizeArticleHtml('<p>استقبل الرئيس الأميركي رئيس الوزراء في واشنطن.</p><p>وبحث الجانبان العلاقات الثنائية.</p>'),
  dateline: 'واشنطن',
  source: null,
  categoryId: 1,
  tagIds: [3, 5],
  authorIds: [2],
  featured: false,
  breaking: false,
  slug: 'البيت-الأبيض-يستقبل-رئيس-الوزراء-العراقي',
  seoTitle: null,
  seoDescription: null,
}

describe('diffArticleSnapshots', () => {
  it('finds no change between a snapshot and itself', () => {
    assert.deepEqual(diffArticleSnapshots(base, { ...base, tagIds: [3, 5] }), [])
  })

  it('gives the body as a word diff of its text', () => {
    const after = { ...base, bodyHtml: sanitizeArticleHtml('<p>استقبل الرئيس الفرنسي رئيس الوزراء في واشنطن.</p><p>وبحث الجانبان العلاقات الثنائية.</p>') }
    assert.deepEqual(diffArticleSnapshots(base, after), [{
      field: 'body',
      parts: [
        { kind: 'same', text: 'استقبل الرئيس ' },
        { kind: 'removed', text: 'الأميركي' },
        { kind: 'added', text: 'الفرنسي' },
        { kind: 'same', text: ' رئيس الوزراء في واشنطن.\nوبحث الجانبان العلاقات الثنائية.' },
      ],
    }])
  })

  it('finds no change in a body whose HTML changed only in whitespace', () => {
    const after = { ...base, bodyHtml: sanitizeArticleHtml('<p>استقبل  الرئيس الأميركي\n رئيس الوزراء في واشنطن.</p>\n\n<p>وبحث الجانبان   العلاقات الثنائية.</p>') }
    assert.notEqual(after.bodyHtml, base.bodyHtml)
    assert.deepEqual(diffArticleSnapshots(base, after), [])
  })

  it('lists every changed field in the editor order, text as words and the rest as before and after', () => {
    const after: ArticleSnapshot = {
      ...base, title: 'البيت الأبيض يستقبل رئيس الوزراء', dek: 'محادثات حول الشراكة', dateline: 'بغداد', source: 'وكالات',
      categoryId: 4, tagIds: [5, 3], authorIds: [2, 7], featured: true, breaking: true, slug: 'زيارة',
      seoTitle: 'زيارة رئيس الوزراء العراقي إلى واشنطن', seoDescription: null,
    }
    assert.deepEqual(diffArticleSnapshots(base, after), [
      { field: 'title', parts: [{ kind: 'same', text: 'البيت الأبيض يستقبل رئيس الوزراء' }, { kind: 'removed', text: ' العراقي' }] },
      { field: 'dek', parts: [{ kind: 'added', text: 'محادثات حول الشراكة' }] },
      { field: 'category', before: 1, after: 4 },
      { field: 'tags', before: [3, 5], after: [5, 3] },
      { field: 'authors', before: [2], after: [2, 7] },
      { field: 'dateline', parts: [{ kind: 'removed', text: 'واشنطن' }, { kind: 'added', text: 'بغداد' }] },
      { field: 'source', parts: [{ kind: 'added', text: 'وكالات' }] },
      { field: 'featured', before: false, after: true },
      { field: 'breaking', before: false, after: true },
      { field: 'slug', before: 'البيت-الأبيض-يستقبل-رئيس-الوزراء-العراقي', after: 'زيارة' },
      { field: 'seoTitle', parts: [{ kind: 'added', text: 'زيارة رئيس الوزراء العراقي إلى واشنطن' }] },
    ])
  })

  it('treats an emptied field as its words removed, and null and empty text as the same', () => {
    const withDek = { ...base, dek: 'محادثات حول الشراكة', seoDescription: '' }
    assert.deepEqual(diffArticleSnapshots(withDek, base), [{ field: 'dek', parts: [{ kind: 'removed', text: 'محادثات حول الشراكة' }] }])
  })
})
