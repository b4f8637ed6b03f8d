import { z } from 'zod'

/** `?page=` as readers and crawlers send it: a positive integer, absent meaning 1. */
export const PageParam = z.string().regex(/^[1-9][0-9]{0,5}$/, 'must be a positive integer').transform(Number).optional()

export const ArchiveQuery = z.object({ page: PageParam })

export const SearchQuery = z.object({
  // Length is checked by the page, which answers an over-long query with a message, not an error.
  q: z.string().optional(),
  page: PageParam,
  category: z.string().max(200).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
})

export const ArticleQuery = z.object({
  replyto: z.string().regex(/^[1-9][0-9]{0,9}$/).optional().catch(undefined),
  comment: z.enum(['held']).optional().catch(undefined),
})

export const CommentForm = z.object({
  name: z.string().default(''),
  email: z.string().default(''),
  body: z.string().default(''),
  parentId: z.string().regex(/^[1-9][0-9]{0,9}$/).optional().or(z.literal('')).catch(undefined),
  token: z.string().default(''),
  website: z.string().default(''),
})
