import { createHash, randomBytes } from 'node:crypto'

/**
 * A new bearer secret (a session's cookie, an API token): 256 random bits, URL-safe, after an
 * optional recognisable prefix. It is handed out once and never stored.
 */
export const newSecret = (prefix = '') => `${prefix}${randomBytes(32).toString('base64url')}`

/** What is stored for a secret, and looked up by: its SHA-256, so a copy of the database lets nobody in. */
export const secretHash = (secret: string) => createHash('sha256').update(secret).digest('hex')
