import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { arabicAnalyzer } from '../../arabic/index.js'
import type { Repos, Store } from '../store.js'
import type { RelatableArticle, Related } from '../articles/article-repo.js'
import { computeRelated, refreshRelatedArticles } from './related-articles.js'
import { NOW, openNewsroom } from '../../../tests/support/newsroom.js'

const day = 86_400_000
let nextId = 1
function art(o: Partial<RelatableArticle> & { title: string }): RelatableArticle {
  return { id: nextId++, dek: null, bodyText: '', categoryId: 1, tagIds: [], publishedAt: new Date(NOW.getTime() - day), ...o }
}

/** Unrelated stories, so words shared by a few articles weigh more than words everyone uses. */
const background = () => [
  art({ title: 'الفريق يفوز بالمباراة النهائية', bodyText: 'سجل المهاجم هدفين في الشوط الثاني أمام الجماهير', categoryId: 9 }),
  art({ title: 'ارتفاع أسعار النفط في الأسواق', bodyText: 'صعدت العقود الآجلة للخام مع تراجع المخزونات', categoryId: 8 }),
  art({ title: 'موجة حر تضرب المنطقة', bodyText: 'توقعت الأرصاد درجات حرارة مرتفعة ورياحا نشطة', categoryId: 7 }),
  art({ title: 'معرض الكتاب يفتح أبوابه', bodyText: 'يشارك ناشرون من عشرين بلدا في الدورة الجديدة', categoryId: 6 }),
]
const ids = (list: Array<{ id: number }> | undefined) => (list ?? []).map((r) => r.id)

describe('computeRelated', () => {
  it('never lists an article as related to itself', () => {
    const a = art({ title: 'الشراكة العراقية الأميركية', bodyText: 'بحث الوفد العراقي الشراكة في واشنطن' })
    const b = art({ title: 'الشراكة العراقية الأميركية', bodyText: 'بحث الوفد العراقي الشراكة في واشنطن' })
    const related = computeRelated([a, b, ...background()])
    for (const [id, list] of related) assert.ok(!ids(list).includes(id), `article ${id}`)
    assert.deepEqual(ids(related.get(a.id)), [b.id])
  })

  it('ranks the article sharing more content words first, whatever its desk', () => {
    const a = art({ title: 'محادثات الشراكة العراقية الأميركية في واشنطن', bodyText: 'بحث الوفد العراقي مع المسؤولين الأميركيين الشراكة الاستراتيجية والانسحاب' })
    const close = art({ title: 'الكاظمي في واشنطن لبحث الشراكة الاستراتيجية', bodyText: 'المسؤولون العراقيون والأمريكيون يبحثون الانسحاب', categoryId: 2 })
    const loose = art({ title: 'زيارة إلى واشنطن', bodyText: 'وصل وفد تجاري إلى العاصمة' })
    const related = computeRelated([a, close, loose, ...background()])
    assert.deepEqual(ids(related.get(a.id)), [close.id, loose.id])
  })

  it('breaks a tie in shared words by shared tags', () => {
    const a = art({ title: 'الانتخابات العراقية المبكرة', tagIds: [1, 2] })
    const untagged = art({ title: 'الانتخابات العراقية المبكرة', categoryId: 2 })
    const tagged = art({ title: 'الانتخابات العراقية المبكرة', categoryId: 2, tagIds: [2] })
    assert.deepEqual(ids(computeRelated([a, untagged, tagged, ...background()]).get(a.id)), [tagged.id, untagged.id])
  })

  it('breaks a tie in shared words by the same desk', () => {
    const a = art({ title: 'الانتخابات العراقية المبكرة', categoryId: 1 })
    const sameDesk = art({ title: 'الانتخابات العراقية المبكرة', categoryId: 1 })
    const otherDesk = art({ title: 'الانتخابات العراقية المبكرة', categoryId: 2 })
    // otherDesk has the higher id, which would win a full tie: the desk must decide.
    assert.deepEqual(ids(computeRelated([a, sameDesk, otherDesk, ...background()]).get(a.id)), [sameDesk.id, otherDesk.id])
  })

  it('keeps at most `keep` articles, best first', () => {
    const a = art({ title: 'قمة المناخ في دبي' })
    const others = Array.from({ length: 6 }, (_, i) => art({ title: `قمة المناخ في دبي ${'والمناخ '.repeat(i)}` }))
    const related = computeRelated([a, ...others, ...background()], arabicAnalyzer, 3)
    assert.equal(related.get(a.id)!.length, 3)
    const scores = related.get(a.id)!.map((r) => r.score)
    assert.deepEqual(scores, [...scores].sort((x, y) => y - x))
  })

  it('gives the same order on every run, newest id first on a full tie', () => {
    const a = art({ title: 'مهرجان السينما العربية' })
    const twins = [art({ title: 'مهرجان السينما العربية' }), art({ title: 'مهرجان السينما العربية' }), art({ title: 'مهرجان السينما العربية' })]
    const input = [a, ...twins, ...background()]
    const first = ids(computeRelated(input).get(a.id))
    assert.deepEqual(first, twins.map((t) => t.id).reverse())
    assert.deepEqual(ids(computeRelated([...input].reverse()).get(a.id)), first)
  })

  it('gives an article without content words no related articles', () => {
    const empty = art({ title: '', bodyText: '' })
    const onlyStopWords = art({ title: 'في من على', bodyText: 'هذا هو ذلك' })
    const related = computeRelated([empty, onlyStopWords, art({ title: 'قمة المناخ في دبي' }), ...background()])
    assert.deepEqual(related.get(empty.id), [])
    assert.deepEqual(related.get(onlyStopWords.id), [])
  })

  it('returns an entry for every article', () => {
    const input = [art({ title: 'قمة المناخ' }), ...background()]
    assert.deepEqual([...computeRelated(input).keys()].sort(), input.map((a) => a.id).sort())
  })
})

describe('refreshRelatedArticles with a store', () => {
  async function newsroom(t: Parameters<typeof openNewsroom>[0]) {
    const n = await openNewsroom(t)
    const base = await n.add({ title: 'محادثات الشراكة العراقية الأميركية في واشنطن', paragraphs: ['بحث الوفد العراقي مع المسؤولين الأميركيين الشراكة الاستراتيجية'], categoryName: 'سياسة', tags: ['العراق'] })
    const close = await n.add({ title: 'الكاظمي في واشنطن لبحث الشراكة الاستراتيجية', paragraphs: ['المسؤولون العراقيون والأمريكيون يبحثون الشراكة'], categoryName: 'اقتصاد' })
    const loose = await n.add({ title: 'وفد عراقي يزور العاصمة', paragraphs: ['وصل الوفد إلى العاصمة في زيارة قصيرة'], categoryName: 'اقتصاد' })
    const sameTag = await n.add({ title: 'الفريق يفوز بالمباراة النهائية', paragraphs: ['سجل المهاجم هدفين'], categoryName: 'رياضة', tags: ['العراق'] })
    const sameDesk = await n.add({ title: 'ارتفاع أسعار النفط', paragraphs: ['صعدت العقود الآجلة للخام'], categoryName: 'سياسة' })
    await n.add({ title: 'موجة حر تضرب المنطقة', paragraphs: ['توقعت الأرصاد درجات حرارة مرتفعة'], categoryName: 'طقس' })
    return { ...n, base, close, loose, sameTag, sameDesk }
  }

  it('stores lists that articles.related() returns in order', async (t) => {
    const n = await newsroom(t)
    const count = await refreshRelatedArticles({ store: n.store }, { visibleAt: NOW })
    assert.equal(count, 6)
    const expected = computeRelated(await n.store.articles.relatable(NOW)).get(n.base)!
    assert.ok(expected.length >= 2)
    const article = (await n.store.articles.get(n.base))!
    const related = await n.store.articles.related(article, NOW, 8)
    assert.deepEqual(related.map((a) => a.id), ids(expected))
    assert.equal(related[0]!.id, n.close)
  })

  it('replaces what was stored before on a second run', async (t) => {
    const n = await newsroom(t)
    await n.store.transaction((tx) => tx.articles.setRelated(n.base, [{ id: n.sameDesk, score: 9 }]))
    await refreshRelatedArticles({ store: n.store }, { visibleAt: NOW })
    const related = await n.store.articles.related((await n.store.articles.get(n.base))!, NOW, 8)
    assert.equal(related[0]!.id, n.close)
  })

  it('falls back to shared tags, then the desk, when nothing is stored', async (t) => {
    const n = await newsroom(t)
    const related = await n.store.articles.related((await n.store.articles.get(n.base))!, NOW, 8)
    assert.deepEqual(related.map((a) => a.id), [n.sameTag, n.sameDesk])
  })
})

describe('refreshRelatedArticles writing', () => {
  it('writes the lists in transactions of at most 500 articles, each article once, so other writers get in between', async () => {
    const articles = Array.from({ length: 1201 }, (_, i) => art({ title: `خبر ${i % 7 === 0 ? 'الشراكة الاستراتيجية' : 'النفط والأسواق'} رقم ${i}`, bodyText: 'نص الخبر' }))
    const transactions: number[][] = []
    const store = {
      articles: { relatable: async () => articles },
      async transaction<T>(work: (tx: Repos) => Promise<T>): Promise<T> {
        const written: number[] = []
        transactions.push(written)
        const tx = { articles: { setRelated: async (id: number, _list: readonly Related[]) => { written.push(id) } } }
        return work(tx as unknown as Repos)
      },
    } as unknown as Store
    assert.equal(await refreshRelatedArticles({ store }, { visibleAt: NOW }), 1201)
    assert.deepEqual(transactions.map((t) => t.length), [500, 500, 201])
    assert.deepEqual(transactions.flat().sort((a, b) => a - b), articles.map((a) => a.id).sort((a, b) => a - b))
  })
})
