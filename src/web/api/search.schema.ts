import { z } from 'zod'

const positive = (max: number) => z.string().regex(/^[1-9][0-9]*$/, 'must be a positive integer').transform(Number)
  .refine((n) => n <= max, `must be at most ${max}`)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .transform((s) => new Date(`${s}T00:00:00+03:00`)).refine((d) => !Number.isNaN(d.getTime()), 'not a real date')
const slug = z.string().trim().min(1).max(200)

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
