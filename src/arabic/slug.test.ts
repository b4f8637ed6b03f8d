import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFixtureTable } from '../../tests/support/fixture-table.js'
import { slugify, wordSlug } from './slug.js'

const cases = readFixtureTable('slug.tsv')

describe('slugify (tests/fixtures/arabic/slug.tsv)', () => {
  it('has a table of cases', () => {
    assert.ok(cases.length >= 10, `only ${cases.length} cases read`)
  })

  for (const c of cases) {
    it(`slugs ${c.note} (line ${c.line})`, () => {
      assert.equal(slugify(c.input), c.expected)
    })
  }
})

describe('slugify never gives an empty slug for a name', () => {
  it('gives different names with no letters or digits different slugs', () => {
    const slugs = ['—', '📰', '–', '***', '؟'].map((n) => slugify(n, 6))
    assert.ok(slugs.every((s) => /^[a-z0-9-]+$/.test(s)), slugs.join(' '))
    assert.equal(new Set(slugs).size, slugs.length)
  })

  it('gives an empty slug only for blank text', () => {
    assert.equal(slugify(''), '')
    assert.equal(slugify(' \u200F\t '), '')
  })
})

describe('wordSlug', () => {
  it('slugs words as slugify does', () => {
    assert.equal(wordSlug('البيت الأبيض: «شراكة»'), slugify('البيت الأبيض: «شراكة»'))
  })

  it('gives an empty slug for text without letters or digits, for the caller to fill', () => {
    assert.equal(wordSlug('!!! ؟؟ —'), '')
  })
})

describe('slugify word limit', () => {
  const ten = 'واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة'

  it('keeps the first eight words by default', () => {
    assert.equal(slugify(ten), 'واحد-اثنان-ثلاثة-أربعة-خمسة-ستة-سبعة-ثمانية')
  })

  it('keeps at most maxWords words', () => {
    assert.equal(slugify(ten, 3), 'واحد-اثنان-ثلاثة')
  })

  it('keeps every word of a shorter text', () => {
    assert.equal(slugify('خبر عاجل', 3), 'خبر-عاجل')
  })

  it('counts words after punctuation is dropped', () => {
    assert.equal(slugify('أ ، ب ، ج ، د', 3), 'أ-ب-ج')
  })
})

describe('slugify output', () => {
  it('contains only letters, digits and single hyphens', () => {
    for (const c of cases) {
      const slug = slugify(c.input)
      assert.match(slug, /^(?:[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)?$/u, `line ${c.line}: ${slug}`)
    }
  })

  it('is stable when slugged again', () => {
    for (const c of cases) assert.equal(slugify(slugify(c.input)), slugify(c.input), `line ${c.line}`)
  })
})
