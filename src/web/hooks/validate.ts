import type { z } from 'zod'
import { ValidationError } from '../../core/index.js'

/** Parses request input with a schema; problems become a ValidationError naming each field (→ 400). */
export function parseValidated<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  const problems: Record<string, string> = {}
  for (const issue of r.error.issues) problems[issue.path.join('.') || 'input'] ??= issue.message
  throw new ValidationError(problems, 'bad request')
}
