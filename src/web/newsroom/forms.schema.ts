import { z } from 'zod'

const field = (max: number) => z.string().max(max, `longer than ${max} characters`).default('')

export const SignInForm = z.object({ email: field(300), password: field(300), next: field(2000), _form: field(100) })

export const SetupForm = z.object({ name: field(300), email: field(300), password: field(300), _form: field(100) })

/** A checkbox list arrives as one value or several. */
const many = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))

export const ArticleForm = z.object({
  title: field(1000),
  dek: field(2000),
  body: field(500_000),
  category: field(200),
  tags: field(5000),
  authors: many,
  dateline: field(1000),
  source: field(1000),
  featured: z.string().optional(),
  breaking: z.string().optional(),
  slug: field(1000),
  seoTitle: field(1000),
  seoDescription: field(2000),
  scheduleAt: field(40),
  intent: z.enum(['save', 'submit', 'return', 'publish', 'schedule', 'unpublish', 'delete']).default('save'),
  _csrf: z.string().optional(),
})

export const NoteForm = z.object({ kind: z.enum(['correction', 'update']), text: field(5000), _csrf: z.string().optional() })

export const TokenForm = z.object({ label: field(300), _csrf: z.string().optional() })

export const MemberForm = z.object({ name: field(300), email: field(300), role: field(20), password: field(300), _csrf: z.string().optional() })

export const IdParams = z.object({ id: z.string().regex(/^[1-9][0-9]{0,9}$/, 'must be a positive integer').transform(Number) })

export const RevisionParams = IdParams.extend({ revision: z.string().regex(/^[1-9][0-9]{0,9}$/, 'must be a positive integer').transform(Number) })
