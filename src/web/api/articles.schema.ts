import { z } from 'zod'

const positive = (max: number) => z.string().regex(/^[1-9][0-9]*$/, 'must be a positive integer').transform(Number)
  .refine((n) => n <= max, `must be at most ${max}`)

const slug = z.string().trim().min(1).max(200)

export const ListArticlesQuery = z.object({
  q: z.string().max(200, 'longer than 200 characters').optional(),
  category: slug.optional(),
  tag: slug.optional(),
  author: slug.optional(),
  page: positive(100_000).default('1'),
  limit: positive(100).default('20'),
}).strict()

export const ArticleIdParams = z.object({ id: positive(Number.MAX_SAFE_INTEGER) })
