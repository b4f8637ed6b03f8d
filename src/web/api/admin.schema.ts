import { z } from 'zod'
import { ARTICLE_STATUSES, COMMENT_STATUSES, MODERATION_ACTIONS, WORKFLOW_STEPS, type ArticleStatus, type CommentStatus } from '../../core/index.js'
import { positiveInt } from '../params.schema.js'

const text = (max: number) => z.string().max(max, `longer than ${max} characters`)
const nullableText = (max: number) => text(max).nullable().optional()

/** An article's fields as the Admin API takes them; lengths beyond the core's own rules only bound the request. */
export const ArticleFields = z.object({
  title: text(1000),
  dek: nullableText(2000),
  body: text(500_000),
  category: text(200),
  tags: z.array(text(200)).max(100).optional(),
  authors: z.array(text(200)).max(20).optional(),
  dateline: nullableText(1000),
  source: nullableText(1000),
  featured: z.boolean().optional(),
  breaking: z.boolean().optional(),
  slug: nullableText(400),
  seoTitle: nullableText(1000),
  seoDescription: nullableText(2000),
}).strict()

export const CreateArticleBody = ArticleFields
export const PatchArticleBody = ArticleFields.partial().strict()

export const AdminArticleParams = z.object({ id: positiveInt(Number.MAX_SAFE_INTEGER) })
export const StepParams = AdminArticleParams.extend({ step: z.enum(WORKFLOW_STEPS as [string, ...string[]]) })

export const ScheduleBody = z.object({ at: z.string().datetime({ offset: true, message: 'must be an ISO 8601 time with its offset' }).transform((s) => new Date(s)) }).strict()

export const AdminListQuery = z.object({
  status: z.enum(ARTICLE_STATUSES as [ArticleStatus, ...ArticleStatus[]]).optional(),
  page: positiveInt(100_000).default('1'),
  limit: positiveInt(100).default('20'),
}).strict()

export const CorrectionBody = z.object({ kind: z.enum(['correction', 'update']), text: z.string().max(5000, 'longer than 5000 characters') }).strict()

export const CommentListQuery = z.object({
  status: z.enum(COMMENT_STATUSES as [CommentStatus, ...CommentStatus[]]).optional(),
  article: positiveInt(Number.MAX_SAFE_INTEGER).optional(),
  page: positiveInt(100_000).default('1'),
  limit: positiveInt(100).default('20'),
}).strict()

export const CommentActionParams = z.object({
  id: positiveInt(Number.MAX_SAFE_INTEGER),
  action: z.enum(MODERATION_ACTIONS as [string, ...string[]]),
})
