/** Stable machine codes; the web layer maps each to an HTTP status and an Arabic message. */
export type AppErrorCode = 'not_found' | 'validation' | 'unauthorized' | 'forbidden' | 'conflict' | 'rate_limited' | 'busy'

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = new.target.name
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, key: string | number) {
    super('not_found', `${what} not found: ${key}`, { what, key })
  }
}

/** One problem per field, so forms and CLIs can point at exactly what is wrong. */
export type FieldProblems = Record<string, string>

export class ValidationError extends AppError {
  constructor(readonly problems: FieldProblems, message = 'invalid input') {
    super('validation', `${message}: ${Object.entries(problems).map(([f, p]) => `${f}: ${p}`).join('; ')}`, { problems })
  }
}

/** Nobody is signed in (or the token or session is unknown, revoked, expired, or its member deactivated). */
export class UnauthorizedError extends AppError {
  constructor(message = 'sign in, or send a valid token') {
    super('unauthorized', message)
  }
}

/** The member (or nobody, signed out) may not do this; `action` names what was refused. */
export class ForbiddenError extends AppError {
  constructor(readonly action: string) {
    super('forbidden', `not allowed: ${action}`, { action })
  }
}

export class ConflictError extends AppError {
  constructor(what: string, key: string) {
    super('conflict', `${what} already exists: ${key}`, { what, key })
  }
}

/** A workflow step that does not fit where the story stands (publishing a published story). */
export class InvalidStepError extends AppError {
  constructor(readonly step: string, readonly status: string) {
    super('conflict', `cannot ${step} an article that is ${status}`, { step, status })
  }
}

/** Too many attempts: refused until `retryAfterSeconds` have passed. */
export class RateLimitedError extends AppError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super('rate_limited', message, { retryAfterSeconds })
  }
}

/**
 * The store could not take a write in time because another writer (an import in another process)
 * held it: nothing was written, and the same request may succeed in a few seconds.
 */
export class BusyError extends AppError {
  constructor(message: string, readonly retryAfterSeconds = 5) {
    super('busy', message, { retryAfterSeconds })
  }
}
