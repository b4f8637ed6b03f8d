import { z } from 'zod'
import { dayParam as day, positiveInt as positive, slugParam as slug } from '../params.schema.js'

export const SearchApiQuery = z.object({
  q: z.string({ required_error: 'required' }).max(200, 'longer than 200 characters'),
  category: slug.optional(),
  tag: slug.optional(),
  author: slug.optional(),
  from: day.optional(),
  to: day.optional(),
  page: positive(100_000).default('1'),
  limit: positive(50).default('10'),
}).strict()
