import { searchArticles, type Store } from '../../src/core/index.js'
import { addArticle, NOW } from './newsroom.js'

/**
 * A small site touching every content table: desks, tags and authors shared between articles, a
 * draft, a comment with a reply and one pending, and stored related articles with scores that
 * are not round numbers (a float must come through a copy bit for bit).
 */
export async function addSampleSite(store: Store): Promise<number[]> {
  const ids = [
    await addArticle(store, 1, {
      title: 'البيت الأبيض يستقبل رئيس الوزراء العراقي', dek: 'محادثات حول الشراكة الاستراتيجية',
      paragraphs: ['استقبل الرئيس الأميركي رئيس الوزراء في واشنطن.', 'وبحث الجانبان العلاقات الثنائية.'],
      categoryName: 'سياسة', tags: ['العراق', 'واشنطن'], authors: ['سارة حسن'], featured: true,
    }),
    await addArticle(store, 2, {
      title: 'ارتفاع أسعار النفط', paragraphs: ['صعدت أسعار الخام في الأسواق الآسيوية.'],
      categoryName: 'اقتصاد', tags: ['العراق', 'النفط'], authors: ['سارة حسن', 'علي يوسف'], dateline: 'بغداد',
    }),
    await addArticle(store, 3, { title: 'مهرجان الكتاب في الرياض', categoryName: 'ثقافة', breaking: true }),
    await addArticle(store, 4, { title: 'مسودة لم تنشر', categoryName: 'سياسة', status: 'draft' }),
  ]
  const [a1, a2, a3] = ids as [number, number, number]
  const at = new Date(NOW.getTime() - 60_000)
  const first = await store.comments.add({ articleId: a1, parentId: null, authorName: 'قارئ', authorEmail: 'r@example.com', body: 'تعليق أول', ip: '192.0.2.1' }, 'approved', at)
  await store.comments.add({ articleId: a1, parentId: first, authorName: 'قارئة', authorEmail: 'q@example.com', body: 'رد على التعليق', ip: null }, 'approved', NOW)
  await store.comments.add({ articleId: a2, parentId: null, authorName: 'زائر', authorEmail: 'z@example.com', body: 'ينتظر المراجعة', ip: null }, 'pending', NOW)
  await store.articles.setRelated(a1, [{ id: a2, score: 1 / 3 }, { id: a3, score: 0.1 + 0.2 }])
  await store.articles.setRelated(a2, [{ id: a1, score: Math.PI }])
  // A member with a password (a made-up hash: copying compares it, nothing verifies it) and one without.
  const sara = await store.users.create({ email: 'sara@example.com', name: 'سارة حسن', role: 'editor', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g' }, at)
  await store.tokens.create({ userId: sara!.id, label: 'نظام النشر', tokenHash: 'f'.repeat(64) }, at)
  await store.users.create({ email: 'ali@example.com', name: 'علي يوسف', role: 'contributor', passwordHash: null }, NOW)
  // Two saves of the first story, one by a member, with Arabic, markup and nulls in the snapshot; a correction and an update.
  const first1 = (await store.articles.get(a1))!
  const snapshot = {
    title: first1.title, dek: first1.dek, bodyHtml: first1.bodyHtml, dateline: first1.dateline, source: first1.source,
    categoryId: first1.category.id, tagIds: first1.tags.map((x) => x.id), authorIds: first1.authors.map((x) => x.id),
    featured: first1.featured, breaking: first1.breaking, slug: first1.slug, seoTitle: null, seoDescription: 'زيارة رسمية',
  }
  await store.revisions.add({ articleId: a1, editorId: sara!.id, at, snapshot: { ...snapshot, title: 'البيت الأبيض يستقبل رئيس الوزراء' } })
  await store.revisions.add({ articleId: a1, editorId: null, at: NOW, snapshot, note: 'استيراد' })
  await store.notes.add({ articleId: a1, kind: 'correction', text: 'ورد خطأً أن اللقاء في نيويورك.', authorId: sara!.id, at: NOW })
  await store.notes.add({ articleId: a2, kind: 'update', text: 'تراجعت الأسعار بعد الإغلاق.', authorId: null, at: NOW })
  return ids
}

/** What readers and the newsroom are shown of the sample site, read through the repositories and search. */
export async function readSampleSite(store: Store, ids: readonly number[]) {
  const articles = []
  for (const id of ids) {
    const article = await store.articles.get(id)
    articles.push({
      article,
      comments: await store.comments.approvedFor(id),
      notes: await store.notes.listFor(id),
      revisions: await Promise.all((await store.revisions.listFor(id)).map((r) => store.revisions.get(r.id))),
      related: article ? await store.articles.related(article, NOW, 5) : null,
    })
  }
  const found = await searchArticles({ repos: store, clock: { now: () => NOW } }, { q: 'الأبيض', page: 1, perPage: 10 })
  return {
    articles,
    categories: await store.categories.all(),
    tag: await store.tags.bySlug('العراق'),
    author: await store.authors.bySlug('سارة-حسن'),
    searchHits: found.items.map((r) => r.article.id),
    users: await store.users.list(),
    tokens: await store.tokens.listFor((await store.users.byEmail('sara@example.com'))!.id),
  }
}
