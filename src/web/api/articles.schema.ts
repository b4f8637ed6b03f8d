import { z } from 'zod'
import { positiveInt as positive, slugParam as slug } from '../params.schema.js'

export const ListArticlesQuery = z.object({
  q: z.string().max(200, 'longer than 200 characters').optional(),
  category: slug.optional(),
  tag: slug.optional(),
  author: slug.optional(),
  page: positive(100_000).default('1'),
  limit: positive(100).default('20'),
}).strict()

export const ArticleIdParams = z.object({ id: positive(Number.MAX_SAFE_INTEGER) })
