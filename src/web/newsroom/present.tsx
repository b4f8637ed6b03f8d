import type { FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { formatGregorian, formatTime } from '../../arabic/index.js'
import { can, type ArticleStatus, type CommentStatus, type Role, type User } from '../../core/index.js'
import { NewsroomLayout, renderDocument, type NewsroomLayoutVm } from '../../views/index.js'
import { csrfToken } from '../hooks/session-cookie.js'

export const ROLE_LABELS: Record<Role, string> = { contributor: 'مراسل', author: 'كاتب', editor: 'محرر', admin: 'مدير' }

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'مسودة', review: 'بانتظار المراجعة', scheduled: 'مجدول', published: 'منشور', unpublished: 'أُلغي نشره',
}

export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = { pending: 'بانتظار المراجعة', approved: 'منشور', spam: 'مزعج', trash: 'محذوف' }

/** A moment as the newsroom shows it: Gregorian date and 24-hour Riyadh time. */
export const when = (at: Date) => `${formatGregorian(at)}، ${formatTime(at)}`

export interface NewsroomDeps { secret: string; siteName: string; assetVersion: string }

/** What every newsroom page needs of its request: the member and the session's CSRF token. */
export function layoutFor(deps: NewsroomDeps, req: FastifyRequest, title: string, extra: Partial<NewsroomLayoutVm> = {}): NewsroomLayoutVm {
  const member = req.member
  const path = req.url.split('?')[0]!
  const nav = member ? [
    { href: '/newsroom', name: 'لوحة التحرير' },
    { href: '/newsroom/articles/new', name: 'خبر جديد' },
    ...(can(member, 'comments.moderate') ? [{ href: '/newsroom/comments', name: 'التعليقات' }] : []),
    { href: '/newsroom/tokens', name: 'الرموز' },
    ...(can(member, 'users.manage') ? [{ href: '/newsroom/users', name: 'الأعضاء' }] : []),
  ].map((n) => ({ ...n, current: n.href === path })) : []
  return {
    siteName: deps.siteName, title, assetVersion: deps.assetVersion, nav, notice: null,
    member: member ? { name: member.name, role: member.role, roleLabel: ROLE_LABELS[member.role] } : null,
    csrf: req.session ? csrfToken(deps.secret, req.session) : '',
    ...extra,
  }
}

/** Sends a newsroom page: never cached by anyone, never indexed. */
export function sendPage(reply: FastifyReply, layout: NewsroomLayoutVm, page: VNode, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').header('x-robots-tag', 'noindex')
    .type('text/html; charset=utf-8').send(renderDocument(<NewsroomLayout vm={layout}>{page}</NewsroomLayout>))
}

export const memberOf = (req: FastifyRequest): User => req.member!
