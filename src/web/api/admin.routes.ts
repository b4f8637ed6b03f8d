import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  addArticleNote, apiTokenUser, authorize, moderateComments, type ModerationAction, can, createArticle, deleteArticle, editArticle, moveArticle, articleFor, accessOf,
  UnauthorizedError, type Clock, type Repos, type Store, type WorkflowStep,
} from '../../core/index.js'
import '../hooks/member.js'
import { parseValidated } from '../hooks/validate.js'
import { AdminArticleParams, AdminListQuery, CommentActionParams, CommentListQuery, CorrectionBody, CreateArticleBody, PatchArticleBody, ScheduleBody, StepParams } from './admin.schema.js'
import { presentAdminArticle, presentDeskArticle } from './admin.present.js'

export interface AdminApiOptions { store: Store; clock: Clock; siteUrl: string }

const BEARER = /^Bearer\s+(\S+)$/i

/**
 * The Admin API (`/api/v1/admin/…`): the newsroom's use cases and policy as JSON, for
 * integrations and scripts. A Fastify plugin of its own: every request names its member with a
 * personal token (`Authorization: Bearer khabar_…`) before anything else runs, and acts with that
 * member's role. Nothing here is cached, by the page cache or by anyone else.
 */
export async function adminApi(app: FastifyInstance, opts: AdminApiOptions): Promise<void> {
  const { store, clock, siteUrl } = opts
  app.decorateRequest('member', null)
  app.addHook('onRequest', async (req, reply) => {
    reply.header('cache-control', 'no-store')
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1]
    req.member = token ? await apiTokenUser(store, token) : null
    if (!req.member) throw new UnauthorizedError(token ? 'the token is unknown or revoked, or its member deactivated' : 'send Authorization: Bearer <token>')
  })
  const member = (req: FastifyRequest) => req.member!
  const inTx = <T>(work: (deps: { repos: Repos; clock: Clock }) => Promise<T>) =>
    store.transaction((tx) => work({ repos: tx, clock }))

  app.post('/articles', async (req, reply) => {
    const input = parseValidated(CreateArticleBody, req.body)
    const article = await inTx((deps) => createArticle(deps, member(req), input))
    return reply.code(201).send({ id: article.id, status: article.status, url: siteUrl + presentAdminArticle(article, '').url })
  })

  app.get('/articles', async (req) => {
    const { status, page, limit } = parseValidated(AdminListQuery, req.query)
    // Contributors and authors see their own stories; editors everyone's.
    const ownerId = can(member(req), 'article.view', { ownerId: -1, status: 'draft' }) ? undefined : member(req).id
    const counts = await store.articles.countByStatus(ownerId)
    const total = status ? counts[status] : Object.values(counts).reduce((a, b) => a + b, 0)
    const items = await store.articles.desk({ statuses: status && [status], ownerId, offset: (page - 1) * limit, limit })
    return { items: items.map((a) => presentDeskArticle(a, siteUrl)), page, pages: Math.max(1, Math.ceil(total / limit)), limit, total }
  })

  app.get('/articles/:id', async (req) => {
    const { id } = parseValidated(AdminArticleParams, req.params)
    const article = await articleFor(store, id)
    authorize(member(req), 'article.view', accessOf(article))
    return presentAdminArticle(article, siteUrl)
  })

  app.patch('/articles/:id', async (req) => {
    const { id } = parseValidated(AdminArticleParams, req.params)
    const changes = parseValidated(PatchArticleBody, req.body ?? {})
    return presentAdminArticle(await inTx((deps) => editArticle(deps, member(req), id, changes)), siteUrl)
  })

  app.delete('/articles/:id', async (req, reply) => {
    const { id } = parseValidated(AdminArticleParams, req.params)
    await inTx((deps) => deleteArticle(deps, member(req), id))
    return reply.code(204).send()
  })

  app.post('/articles/:id/corrections', async (req, reply) => {
    const { id } = parseValidated(AdminArticleParams, req.params)
    const { kind, text } = parseValidated(CorrectionBody, req.body ?? {})
    authorize(member(req), 'article.correct', accessOf(await articleFor(store, id)))
    const note = await store.transaction((tx) => addArticleNote(tx, clock, { articleId: id, kind, text, authorId: member(req).id }))
    return reply.code(201).send({ id: note.id, articleId: note.articleId, kind: note.kind, text: note.text, createdAt: note.createdAt.toISOString() })
  })

  app.get('/comments', async (req) => {
    authorize(member(req), 'comments.moderate')
    const { status, article, page, limit } = parseValidated(CommentListQuery, req.query)
    const counts = await store.comments.countByStatus(article)
    const total = status ? counts[status] : Object.values(counts).reduce((a, b) => a + b, 0)
    const items = await store.comments.queue({ status, articleId: article, offset: (page - 1) * limit, limit })
    return {
      items: items.map((c) => ({
        id: c.id, articleId: c.articleId, articleTitle: c.articleTitle, parentId: c.parentId, status: c.status, authorName: c.authorName,
        authorEmail: c.authorEmail, body: c.body, fromDesk: c.fromDesk, createdAt: c.createdAt.toISOString(),
      })),
      page, pages: Math.max(1, Math.ceil(total / limit)), limit, total,
    }
  })

  app.post('/comments/:id/:action', async (req) => {
    const { id, action } = parseValidated(CommentActionParams, req.params)
    await store.transaction((tx) => moderateComments(tx, member(req), [id], action as ModerationAction))
    const comment = (await store.comments.get(id))!
    return { id, status: comment.status }
  })

  app.post('/articles/:id/:step', async (req) => {
    const { id, step } = parseValidated(StepParams, req.params)
    const at = step === 'schedule' ? parseValidated(ScheduleBody, req.body ?? {}).at : undefined
    return presentAdminArticle(await inTx((deps) => moveArticle(deps, member(req), id, step as WorkflowStep, { at })), siteUrl)
  })
}
