import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { formatGregorian, formatHijri, formatTime, readingMinutes, readingTimeLabel } from '../../arabic/index.js'
import { archivePath, articlePath, can, embedCards, getArticle, getArticlePage, submitComment, ValidationError, type Article } from '../../core/index.js'
import { ArticlePage, PageLayout, renderDocument, type ArticlePageVm, type CommentFormVm, type ShareLinkVm } from '../../views/index.js'
import { buildLayout } from './layout.js'
import { absoluteUrl, presentCard, presentComments, presentNote } from './present.js'
import { ArticleQuery, CommentForm } from './query.schema.js'
import type { SiteDeps } from './site-deps.js'
import { isSameOriginPost } from '../hooks/same-origin.js'
import { parseValidated } from '../hooks/validate.js'
import { pageKey, type Viewer } from '../hooks/page-cache.js'
import { perMinute } from '../hooks/rate-limit.js'
import { redirectTo } from '../hooks/redirect.js'

type ArticleParams = { category: string; id: string; slug?: string }

const FIELD_MESSAGES: Record<string, Record<string, string>> = {
  name: { required: 'اكتب اسمك (حرفان على الأقل).', 'too long': 'الاسم أطول من 80 حرفاً.' },
  email: { required: 'اكتب بريدك الإلكتروني.', invalid: 'عنوان البريد الإلكتروني غير صحيح.' },
  body: { required: 'اكتب تعليقك (3 أحرف على الأقل).', 'too long': 'التعليق أطول من 5000 حرف.' },
}
const HELD_NOTICE = 'شكراً لك، وصل تعليقك وسيظهر بعد مراجعته من فريق التحرير.'
const STALE_FORM = 'انتهت صلاحية النموذج أو لم يُرسل من صفحتنا. راجع تعليقك ثم أرسله مرة أخرى.'

function shareLinks(url: string, title: string): ShareLinkVm[] {
  const u = encodeURIComponent(url)
  const t = encodeURIComponent(title)
  return [
    { network: 'whatsapp', label: 'واتساب', href: `https://wa.me/?text=${t}%20${u}` },
    { network: 'telegram', label: 'تيليغرام', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { network: 'x', label: 'إكس', href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { network: 'facebook', label: 'فيسبوك', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { network: 'email', label: 'البريد', href: `mailto:?subject=${t}&body=${u}` },
  ]
}

/**
 * The article page's HTML. For a signed-in member who may edit the story (`viewer`) it carries an
 * edit link; `previewOf` (the newsroom's preview of a story not yet public) says what state it is in.
 */
export async function renderArticle(
  deps: Omit<SiteDeps, 'pages' | 'searchRateLimit'>, article: Article, form: Omit<CommentFormVm, 'action' | 'token'>,
  opts: { viewer?: Viewer | null; previewOf?: string } = {},
): Promise<string> {
  const page = await getArticlePage({ repos: deps.store, clock: deps.clock }, { id: article.id, article, evenIfHidden: opts.previewOf !== undefined })
  const a = page.article
  const path = articlePath(a)
  const url = deps.siteUrl + path
  const published = a.publishedAt ?? a.updatedAt
  const wasUpdated = a.publishedAt !== null && a.updatedAt.getTime() - a.publishedAt.getTime() > 60 * 60_000
  const viewer = opts.viewer
  const vm: ArticlePageVm = {
    id: a.id,
    editHref: viewer && can(viewer, 'article.edit', { ownerId: article.ownerId, status: article.status }) ? `/newsroom/articles/${a.id}` : null,
    previewOf: opts.previewOf ?? null,
    path,
    category: { href: archivePath.category(a.category.slug), name: a.category.name },
    title: a.title,
    dek: a.dek,
    dateline: a.dateline,
    source: a.source,
    bylines: a.authors.map((w) => ({ href: archivePath.author(w.slug), name: w.name })),
    publishedIso: published.toISOString(),
    gregorian: formatGregorian(published),
    hijri: formatHijri(published),
    time: formatTime(published),
    updated: wasUpdated ? { iso: a.updatedAt.toISOString(), gregorian: formatGregorian(a.updatedAt) } : null,
    readingTime: readingTimeLabel(readingMinutes(a.bodyText)),
    cover: a.cover,
    bodyHtml: embedCards(a.bodyHtml),
    notes: page.notes.map(presentNote),
    tags: a.tags.map((t) => ({ href: archivePath.tag(t.slug), name: t.name })),
    shareUrl: url,
    share: shareLinks(url, a.title),
    related: page.related.map(presentCard),
    comments: presentComments(page.comments),
    commentCount: page.commentCount,
    form: { ...form, action: `${path}/comments`, token: deps.tokens.issue(`comment:${a.id}`) },
  }
  const layout = await buildLayout(deps, {
    title: a.title,
    description: a.dek ?? a.bodyText.slice(0, 160),
    path,
    currentCategorySlug: a.category.slug,
    og: { type: 'article', image: a.cover ? absoluteUrl(a.cover.src, deps.siteUrl) : null, publishedIso: vm.publishedIso },
  })
  return renderDocument(<PageLayout vm={layout}><ArticlePage vm={vm} /></PageLayout>)
}

const emptyForm = (parentId = ''): Omit<CommentFormVm, 'action' | 'token'> => ({
  values: { name: '', email: '', body: '', parentId }, errors: {}, notice: null,
})

function articleId(params: ArticleParams): number | null {
  return /^[1-9][0-9]{0,9}$/.test(params.id) ? Number(params.id) : null
}

/** The query parameters an article page reads: the comment it answers, the held-comment notice. */
export const ARTICLE_PARAMS = ['replyto', 'comment'] as const

export function registerArticleRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const core = { repos: deps.store, clock: deps.clock }

  async function show(req: FastifyRequest<{ Params: ArticleParams; Querystring: Record<string, string> }>, reply: FastifyReply) {
    const id = articleId(req.params)
    if (id === null) return reply.callNotFound()
    // Parameters that are malformed are dropped, as are those the page does not read.
    const { replyto, comment } = ArticleQuery.parse(req.query)
    const read = { replyto, comment }
    return deps.pages.send(req, reply, pageKey(req.url, read), async (viewer) => {
      const article = await getArticle(core, { id })
      // Old or mistyped slugs and categories move permanently to the one canonical address,
      // decided before anything is rendered (and remembered like a page).
      if (req.params.slug !== article.slug || req.params.category !== article.category.slug) {
        const query = new URLSearchParams(Object.entries(read).filter((e): e is [string, string] => e[1] !== undefined)).toString()
        return { redirect: articlePath(article) + (query ? `?${query}` : '') }
      }
      const form = emptyForm(replyto)
      if (comment === 'held') form.notice = HELD_NOTICE
      return renderArticle(deps, article, form, { viewer })
    })
  }
  app.get('/:category/:id/:slug', show)
  app.get('/:category/:id', show)

  app.post<{ Params: ArticleParams; Body: unknown }>('/:category/:id/:slug/comments', perMinute(5), async (req, reply) => {
    const id = articleId(req.params)
    if (id === null) return reply.callNotFound()
    const f = parseValidated(CommentForm, req.body ?? {})
    const values = { name: f.name, email: f.email, body: f.body, parentId: f.parentId ?? '' }
    const again = async (status: number, errors: CommentFormVm['errors']) => {
      const html = await renderArticle(deps, await getArticle(core, { id }), { values, errors, notice: null })
      return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html)
    }
    if (!isSameOriginPost(req) || !deps.tokens.verify(`comment:${id}`, f.token)) return again(403, { form: STALE_FORM })
    const held = async () => {
      const article = await getArticle(core, { id })
      return redirectTo(reply.header('cache-control', 'no-store'), `${articlePath(article)}?comment=held#respond`, 303)
    }
    // Bots fill every field; people never see this one. Answer as if accepted, keep nothing.
    if (f.website.trim()) return held()
    try {
      await submitComment({ store: deps.store, clock: deps.clock }, {
        articleId: id, parentId: f.parentId ? Number(f.parentId) : null,
        authorName: f.name, authorEmail: f.email, body: f.body, ip: req.ip,
      })
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e
      const errors: CommentFormVm['errors'] = {}
      for (const [field, problem] of Object.entries(e.problems)) {
        if (field === 'name' || field === 'email' || field === 'body') errors[field] = FIELD_MESSAGES[field]?.[problem] ?? problem
        else errors.form = 'تعذّر الرد على هذا التعليق.'
      }
      return again(400, errors)
    }
    return held()
  })
}

export { emptyForm }
