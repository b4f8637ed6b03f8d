import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  authorize, COMMENT_STATUSES, editComment, moderateComments, replyAsDesk, ValidationError,
  type Clock, type Repos, type CommentStatus, type ModerationAction, type Store,
} from '../../core/index.js'
import { ModerationPage, type ModerationVm } from '../../views/index.js'
import { parseValidated } from '../hooks/validate.js'
import { IdParams } from './forms.schema.js'
import { COMMENT_STATUS_LABELS, layoutFor, memberOf, sendPage, when, type NewsroomDeps } from './present.js'

export interface CommentsDeps extends NewsroomDeps { store: Store; clock: Clock }



const ACTIONS_FOR: Record<CommentStatus, Array<{ action: ModerationAction; label: string; danger?: boolean }>> = {
  pending: [{ action: 'approve', label: 'نشر' }, { action: 'spam', label: 'مزعج', danger: true }, { action: 'trash', label: 'حذف', danger: true }],
  approved: [{ action: 'trash', label: 'حذف', danger: true }, { action: 'spam', label: 'مزعج', danger: true }],
  spam: [{ action: 'restore', label: 'إعادة للمراجعة' }, { action: 'approve', label: 'نشر' }, { action: 'trash', label: 'حذف', danger: true }],
  trash: [{ action: 'restore', label: 'إعادة للمراجعة' }, { action: 'approve', label: 'نشر' }],
}

const PER_PAGE = 50

const QueueQuery = z.object({
  status: z.enum(COMMENT_STATUSES as [CommentStatus, ...CommentStatus[]]).default('pending'),
  article: z.string().regex(/^[0-9]{0,10}$/, 'must be a story number').default(''),
  page: z.string().regex(/^[1-9][0-9]{0,5}$/, 'must be a positive integer').default('1').transform(Number),
})

const BulkForm = z.object({
  action: z.enum(['approve', 'spam', 'trash', 'restore']),
  ids: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : [v].flat()).map(Number).filter(Number.isSafeInteger)),
  _csrf: z.string().optional(),
})

const TextForm = z.object({ body: z.string().max(10_000).default(''), _csrf: z.string().optional() })

/** Where the queue was, to go back to after an action: the referring queue page, else pending. */
function back(req: FastifyRequest): string {
  try {
    const from = new URL(String(req.headers.referer ?? ''))
    if (from.pathname === '/newsroom/comments') return from.pathname + from.search
  } catch { /* no referrer */ }
  return '/newsroom/comments'
}

/** The moderation queue (`/newsroom/comments`): editors approve, mark as spam, trash, restore, edit and reply. */
export function registerCommentRoutes(app: FastifyInstance, deps: CommentsDeps): void {
  async function showQueue(req: FastifyRequest, reply: FastifyReply, notice: { kind: 'ok' | 'error'; text: string } | null = null, status = 200) {
    authorize(memberOf(req), 'comments.moderate')
    const q = parseValidated(QueueQuery, req.query)
    const articleId = q.article ? Number(q.article) : undefined
    const [counts, items] = await Promise.all([
      deps.store.comments.countByStatus(articleId),
      deps.store.comments.queue({ status: q.status, articleId, offset: (q.page - 1) * PER_PAGE, limit: PER_PAGE + 1 }),
    ])
    const href = (o: Record<string, string | number>) => `/newsroom/comments?${new URLSearchParams(Object.entries({ status: q.status, ...(q.article ? { article: q.article } : {}), ...o }).map(([k, v]) => [k, String(v)]))}`
    const vm: ModerationVm = {
      filters: { statuses: COMMENT_STATUSES.map((s) => ({ value: s, label: COMMENT_STATUS_LABELS[s], selected: s === q.status })), articleId: q.article },
      counts: COMMENT_STATUSES.map((s) => ({ status: s, label: COMMENT_STATUS_LABELS[s], count: counts[s], href: href({ status: s }), current: s === q.status })),
      items: items.slice(0, PER_PAGE).map((c) => ({
        id: c.id, author: c.authorName, email: c.authorEmail, ip: c.ip, body: c.body, when: when(c.createdAt), whenIso: c.createdAt.toISOString(),
        status: c.status, statusLabel: COMMENT_STATUS_LABELS[c.status], articleTitle: c.articleTitle,
        articleHref: `/newsroom/articles/${c.articleId}`, fromDesk: c.fromDesk,
      })),
      actions: ACTIONS_FOR[q.status],
      action: `/newsroom/comments?${new URLSearchParams({ status: q.status, ...(q.article ? { article: q.article } : {}) })}`,
      prevHref: q.page > 1 ? href({ page: q.page - 1 }) : null,
      nextHref: items.length > PER_PAGE ? href({ page: q.page + 1 }) : null,
    }
    const layout = layoutFor(deps, req, 'التعليقات', { notice })
    return sendPage(reply, layout, <ModerationPage vm={vm} csrf={layout.csrf} />, status)
  }

  app.get('/newsroom/comments', (req, reply) => showQueue(req, reply))

  /**
   * Runs one of the queue's actions in a transaction (it returns once every app process knows, so
   * the story's page shows it next), then goes back to the queue; a refused field shows the queue
   * again with `refused` as its message.
   */
  async function act(req: FastifyRequest, reply: FastifyReply, work: (tx: Repos) => Promise<unknown>, refused: string) {
    try {
      await deps.store.transaction(work)
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e
      return showQueue(req, reply, { kind: 'error', text: refused }, 400)
    }
    return reply.redirect(back(req), 303)
  }

  app.post('/newsroom/comments', (req, reply) => {
    const form = parseValidated(BulkForm, req.body ?? {})
    return act(req, reply, (tx) => moderateComments(tx, memberOf(req), form.ids, form.action), 'اختر تعليقاً واحداً على الأقل (حتى 100).')
  })

  app.post('/newsroom/comments/:id/edit', (req, reply) => {
    const { id } = parseValidated(IdParams, req.params)
    const { body } = parseValidated(TextForm, req.body ?? {})
    return act(req, reply, (tx) => editComment(tx, memberOf(req), id, body), 'نص التعليق من 3 أحرف إلى 5000.')
  })

  app.post('/newsroom/comments/:id/reply', (req, reply) => {
    const { id } = parseValidated(IdParams, req.params)
    const { body } = parseValidated(TextForm, req.body ?? {})
    const siteName = deps.siteName
    return act(req, reply, (tx) => replyAsDesk({ repos: tx, clock: deps.clock }, memberOf(req), { parentId: id, body, siteName }), 'اكتب الرد (من 3 أحرف إلى 5000).')
  })
}

