import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ValidationError } from '../errors.js'
import { paragraphsToHtml } from '../safe-html.js'
import { articlePath, archivePath, checkArticle, isVisible, TITLE_MAX, type ArticleDraft } from './article.js'

const BODY = 'نص الخبر الكامل.'

function draft(overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  return {
    title: 'وزير الخارجية يزور واشنطن',
    bodyHtml: paragraphsToHtml([BODY]),
    categoryId: 1,
    status: 'published',
    publishedAt: new Date('2026-11-29T09:00:00Z'),
    ...overrides,
  }
}

/** The field problems checkArticle reports for a draft, or {} when it passes. */
function problemsOf(d: ArticleDraft, bodyText = BODY): Record<string, string> {
  try {
    checkArticle(d, bodyText)
    return {}
  } catch (e) {
    assert.ok(e instanceof ValidationError, `expected ValidationError, got ${String(e)}`)
    return e.problems
  }
}

describe('checkArticle', () => {
  it('accepts a complete published draft', () => {
    assert.deepEqual(problemsOf(draft()), {})
  })

  it('requires a title', () => {
    assert.equal(problemsOf(draft({ title: '' })).title, 'required')
    assert.equal(problemsOf(draft({ title: ' \n\t ' })).title, 'required')
  })

  it('trims the title and folds its inner whitespace', () => {
    const r = checkArticle(draft({ title: '  وزير   الخارجية\n يزور  واشنطن ' }), BODY)
    assert.equal(r.title, 'وزير الخارجية يزور واشنطن')
  })

  it('accepts a title of exactly 300 characters and rejects 301', () => {
    assert.equal(TITLE_MAX, 300)
    assert.deepEqual(problemsOf(draft({ title: 'خ'.repeat(300) })), {})
    assert.equal(problemsOf(draft({ title: 'خ'.repeat(301) })).title, 'longer than 300 characters')
  })

  it('measures the title after trimming', () => {
    assert.deepEqual(problemsOf(draft({ title: `  ${'خ'.repeat(300)}  ` })), {})
  })

  it('requires a category', () => {
    assert.equal(problemsOf(draft({ categoryId: 0 })).category, 'required')
    assert.equal(problemsOf(draft({ categoryId: -3 })).category, 'required')
    assert.equal(problemsOf(draft({ categoryId: 1.5 })).category, 'required')
    assert.equal(problemsOf(draft({ categoryId: Number.NaN })).category, 'required')
  })

  it('requires a body to publish or schedule', () => {
    assert.equal(problemsOf(draft({ status: 'published' }), '  ').body, 'required to publish')
    assert.equal(problemsOf(draft({ status: 'scheduled' }), '').body, 'required to publish')
  })

  it('lets drafts and reviews go without a body', () => {
    assert.deepEqual(problemsOf(draft({ status: 'draft', publishedAt: null }), ''), {})
    assert.deepEqual(problemsOf(draft({ status: 'review', publishedAt: null }), ''), {})
  })

  it('requires a date to schedule', () => {
    assert.equal(problemsOf(draft({ status: 'scheduled', publishedAt: null })).publishedAt, 'required to schedule')
    assert.equal(problemsOf(draft({ status: 'scheduled', publishedAt: undefined })).publishedAt, 'required to schedule')
  })

  it('requires a publication time to publish', () => {
    assert.ok(problemsOf(draft({ status: 'published', publishedAt: null })).publishedAt)
  })

  it('rejects an invalid date', () => {
    assert.equal(problemsOf(draft({ publishedAt: new Date('not a date') })).publishedAt, 'not a valid date')
  })

  it('reports every problem at once, by field', () => {
    const p = problemsOf(draft({ title: '', categoryId: 0, status: 'scheduled', publishedAt: null }), '')
    assert.deepEqual(Object.keys(p).sort(), ['body', 'category', 'publishedAt', 'title'])
  })

  it('derives the slug from the title', () => {
    const r = checkArticle(draft({ title: 'البيت الأبيض: «شراكة استراتيجية» مع العراق' }), BODY)
    assert.equal(r.slug, 'البيت-الأبيض-شراكة-استراتيجية-مع-العراق')
  })

  it('prefers a given slug, slugged again', () => {
    assert.equal(checkArticle(draft({ slug: '  Iraq Visit 2026 ' }), BODY).slug, 'iraq-visit-2026')
  })

  it('falls back to a generic slug when the title has no letters', () => {
    assert.equal(checkArticle(draft({ title: '!!! ؟؟' }), BODY).slug, 'article')
  })

  it('fills defaults and removes duplicate tag and author ids', () => {
    const r = checkArticle(draft({ tagIds: [3, 1, 3], authorIds: [2, 2], dek: '  ', dateline: ' واشنطن ' }), BODY)
    assert.deepEqual(r.tagIds, [3, 1])
    assert.deepEqual(r.authorIds, [2])
    assert.equal(r.dek, null)
    assert.equal(r.dateline, 'واشنطن')
    assert.equal(r.source, null)
    assert.equal(r.externalId, null)
    assert.equal(r.featured, false)
    assert.equal(r.breaking, false)
    assert.equal(r.cover, null)
    assert.equal(r.bodyText, BODY)
  })
})

describe('articlePath', () => {
  it('percent-encodes the Arabic category and slug', () => {
    const path = articlePath({ id: 41, slug: 'البيت-الابيض', category: { slug: 'العرب-والعالم' } })
    assert.equal(path, `/${encodeURIComponent('العرب-والعالم')}/41/${encodeURIComponent('البيت-الابيض')}`)
    assert.match(path, /^\/(%[0-9A-F]{2}|-)+\/41\/(%[0-9A-F]{2}|-)+$/)
  })

  it('round-trips through decoding', () => {
    const path = articlePath({ id: 7, slug: 'apple-تطلق', category: { slug: 'اقتصاد' } })
    assert.equal(decodeURIComponent(path), '/اقتصاد/7/apple-تطلق')
  })

  it('encodes reserved characters so they cannot break the path', () => {
    assert.equal(articlePath({ id: 1, slug: 'a/b?c#d', category: { slug: 'x y' } }), '/x%20y/1/a%2Fb%3Fc%23d')
  })
})

describe('archivePath', () => {
  it('percent-encodes the slug under each archive', () => {
    const e = encodeURIComponent('كرة-القدم')
    assert.equal(archivePath.category('كرة-القدم'), `/category/${e}`)
    assert.equal(archivePath.tag('كرة-القدم'), `/tag/${e}`)
    assert.equal(archivePath.author('كرة-القدم'), `/author/${e}`)
  })
})

describe('isVisible', () => {
  const now = new Date('2026-11-29T12:00:00Z')

  it('shows a published article dated in the past or exactly now', () => {
    assert.equal(isVisible({ status: 'published', publishedAt: new Date('2026-11-29T11:00:00Z') }, now), true)
    assert.equal(isVisible({ status: 'published', publishedAt: new Date(now) }, now), true)
  })

  it('hides a published article dated in the future', () => {
    assert.equal(isVisible({ status: 'published', publishedAt: new Date('2026-11-29T12:00:01Z') }, now), false)
  })

  it('hides a published article without a date', () => {
    assert.equal(isVisible({ status: 'published', publishedAt: null }, now), false)
  })

  it('hides drafts and articles in review even when their date has passed', () => {
    const past = new Date('2026-01-01T00:00:00Z')
    for (const status of ['draft', 'review'] as const) {
      assert.equal(isVisible({ status, publishedAt: past }, now), false, status)
    }
  })

  it('shows a scheduled article once its time has come, and not before', () => {
    assert.equal(isVisible({ status: 'scheduled', publishedAt: new Date(now.getTime() - 1000) }, now), true)
    assert.equal(isVisible({ status: 'scheduled', publishedAt: new Date(now.getTime() + 1000) }, now), false)
  })
})
