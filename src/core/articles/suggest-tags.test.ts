import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { suggestTags } from './suggest-tags.js'

const tags = (list: Array<[string, number]>) => ({
  popular: async () => list.map(([name, uses], i) => ({ id: i + 1, slug: name, name, uses })),
  bySlug: async () => null, ensure: async () => [], byIds: async () => [],
})

describe('suggestTags', () => {
  it('suggests existing tags whose words the story uses, whatever their clitics, most mentioned first, leaving out its own', async () => {
    const repos = { tags: tags([['العراق', 40], ['الولايات المتحدة', 30], ['كرة القدم', 90], ['بغداد', 5], ['إيران', 20]]) }
    const story = {
      title: 'وزير الخارجية العراقي يزور واشنطن',
      dek: 'مباحثات بين العراق والولايات المتحدة',
      bodyText: 'قال الوزير إن العراق يريد شراكة مع الولايات المتحدة. وفي بغداد رحبت الحكومة بالزيارة.',
      tags: ['إيران'],
    }
    const suggested = await suggestTags(repos, story)
    assert.deepEqual(suggested.slice(0, 2).sort(), ['الولايات المتحدة', 'العراق'].sort())
    assert.ok(suggested.includes('بغداد'))
    assert.ok(!suggested.includes('كرة القدم'), 'a tag whose words are absent is not suggested')
    assert.ok(!suggested.includes('إيران'), 'a tag the story has is not suggested again')
  })

  it('suggests nothing for a story without words', async () => {
    assert.deepEqual(await suggestTags({ tags: tags([['العراق', 4]]) }, { title: '', dek: null, bodyText: '', tags: [] }), [])
  })
})
