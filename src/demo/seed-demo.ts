import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { slugify } from '../arabic/index.js'
import { ingestArticle, paragraphsToHtml, refreshRelatedArticles, type Repos, type Store } from '../core/index.js'
import { parseArticlePage } from '../importers/index.js'
import { coverArtSvg } from './cover-art.js'

interface DemoComment { name: string; body: string; replies?: DemoComment[] }
interface DemoContent {
  categories: Array<{ slug: string; name: string; description: string; parent: string | null; position: number }>
  authors: Array<{ slug: string; name: string; bio: string }>
  articles: Array<{
    title: string; dek: string; paragraphs: string[]; category: string; tags: string[]; authors: string[]
    dateline: string; source: string; hoursAgo: number; featured: boolean; breaking: boolean
    coverCaption: string; comments?: DemoComment[]
  }>
  seedComments: DemoComment[]
}

const HOUR = 3_600_000
const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8')

/**
 * Fills an empty store with the demo newsroom: desks, writers, 40 original sample stories with
 * generated illustrations and reader comments, and the Watan Press seed article parsed from its
 * scraped page. Does nothing when the store already holds articles. One transaction. The check
 * and the seeding are two steps: where several processes may start at once, run it under
 * `store.exclusively` (as start-up does), so that the second finds the articles there.
 */
export async function seedDemo(store: Store, opts: { mediaDir: string; now: Date }): Promise<number> {
  if ((await store.articles.count()) > 0) return 0
  const demo = JSON.parse(read('./demo-content.json')) as DemoContent
  const coversDir = join(opts.mediaDir, 'demo')
  mkdirSync(coversDir, { recursive: true })
  const at = (hoursAgo: number) => new Date(opts.now.getTime() - hoursAgo * HOUR)

  const seeded = await store.transaction(async (tx) => {
    const deskIndex = new Map<string, number>()
    for (const c of [...demo.categories].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null))) {
      const parent = c.parent ? await tx.categories.bySlug(c.parent) : null
      await tx.categories.create({ slug: c.slug, name: c.name, description: c.description, parentId: parent?.id ?? null, position: c.position })
      deskIndex.set(c.slug, deskIndex.size)
    }
    for (const w of demo.authors) await tx.authors.create({ slug: slugify(w.name, 12), name: w.name, bio: w.bio })
    const authorName = new Map(demo.authors.map((w) => [w.slug, w.name]))

    let n = 0
    for (const a of demo.articles) {
      n++
      const file = `story-${n}.svg`
      writeFileSync(join(coversDir, file), coverArtSvg({ deskIndex: deskIndex.get(a.category) ?? 0, seed: n }))
      const category = demo.categories.find((c) => c.slug === a.category)!
      const publishedAt = at(a.hoursAgo)
      const { id } = await ingestArticle(tx, {
        externalId: `demo:${n}`,
        title: a.title, dek: a.dek, bodyHtml: paragraphsToHtml(a.paragraphs),
        categoryName: category.name, categorySlug: category.slug,
        tags: a.tags, authors: a.authors.map((s) => authorName.get(s) ?? s),
        dateline: a.dateline, source: a.source, publishedAt,
        featured: a.featured, breaking: a.breaking,
        cover: { src: `/media/demo/${file}`, alt: a.coverCaption, caption: a.coverCaption, credit: 'رسم توضيحي: خبر' },
      })
      await addComments(tx, id, a.comments ?? [], publishedAt, opts.now)
    }

    // The seed: a real article page scraped as text, brought in by the page importer's parser.
    const page = parseArticlePage(read('./seed-page.txt'))
    const publishedAt = at(3)
    const { id } = await ingestArticle(tx, {
      externalId: 'watan-press:white-house-iraq-strategic-partnership',
      title: page.title, bodyHtml: paragraphsToHtml(page.paragraphs),
      categoryName: page.category ?? 'العرب والعالم',
      tags: ['العراق', 'الولايات المتحدة', 'دبلوماسية'],
      dateline: page.dateline, source: page.source, publishedAt, featured: true,
    })
    await addComments(tx, id, demo.seedComments, publishedAt, opts.now)
    return n + 1
  })
  await refreshRelatedArticles({ store }, { visibleAt: opts.now })
  return seeded
}

async function addComments(tx: Pick<Repos, 'comments'>, articleId: number, comments: DemoComment[], after: Date, now: Date, parentId: number | null = null) {
  let t = after.getTime()
  for (const c of comments) {
    t = Math.min(now.getTime(), t + 0.75 * HOUR)
    const id = await tx.comments.add(
      { articleId, parentId, authorName: c.name, authorEmail: 'reader@example.com', body: c.body, ip: null },
      'approved', new Date(t),
    )
    await addComments(tx, articleId, c.replies ?? [], new Date(t), now, id)
  }
}
