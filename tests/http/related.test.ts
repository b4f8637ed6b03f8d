import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { TestApp } from '../support/make-test-app.js'
import { computeRelated, refreshRelatedArticles } from '../../src/core/index.js'
import { articleHrefs, assertPage, element, links, type ApiItem, openDemoSite } from './support.js'

describe('related articles on the article page', () => {
  let t: TestApp, seed: ApiItem
  before(async () => ({ t, seed } = await openDemoSite()))
  after(() => t.close())

  const relatedSection = async (path: string) => {
    const html = assertPage(await t.app.inject(path))
    const section = element(html, { class: 'related' })
    assert.ok(section, 'the page has a related section')
    assert.match(section, /مقالات ذات صلة/)
    return section
  }
  /** The site path of an article id, as the API lists it. */
  const pathOf = async (id: number) => {
    const res = await t.app.inject(`/api/v1/articles/${id}`)
    assert.equal(res.statusCode, 200, res.body)
    return (res.json() as { url: string }).url
  }

  it('shows at least four related stories, none of them the article itself', async () => {
    const hrefs = articleHrefs(await relatedSection(seed.url))
    assert.ok(hrefs.length >= 4, `${hrefs.length} related links`)
    assert.ok(!hrefs.includes(seed.url))
  })

  it('puts first a story on the same Iraq/US topic', async () => {
    const section = await relatedSection(seed.url)
    const first = links(section).find((l) => l.href === articleHrefs(section)[0] && l.text)!
    assert.match(first.text, /العراق|العراقي|الأمريكي|الأميركي|واشنطن/, first.text)
  })

  it('follows the stored related list, and the list refreshRelatedArticles stores', async () => {
    const seedArticle = (await t.store.articles.get(seed.id))!
    const unrelated = (await t.store.articles.relatable(new Date())).find((a) => a.id !== seed.id && a.categoryId !== seedArticle.category.id && !/العراق|أمريك|أميرك|واشنطن/.test(a.title + a.bodyText))
    assert.ok(unrelated, 'an unrelated story in another desk')
    await t.store.transaction((tx) => tx.articles.setRelated(seed.id, [{ id: unrelated.id, score: 1 }]))
    assert.equal(articleHrefs(await relatedSection(seed.url))[0], await pathOf(unrelated.id))

    await refreshRelatedArticles({ store: t.store }, { visibleAt: new Date() })
    const expected = computeRelated(await t.store.articles.relatable(new Date())).get(seed.id)!
    const shown = articleHrefs(await relatedSection(seed.url))
    const want = await Promise.all(expected.slice(0, shown.length).map((r) => pathOf(r.id)))
    assert.deepEqual(shown, want)
    assert.notEqual(shown[0], await pathOf(unrelated.id))
  })
})
