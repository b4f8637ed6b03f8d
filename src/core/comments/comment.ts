import { ValidationError, type FieldProblems } from '../errors.js'

/** pending: waiting in the moderation queue; trash: removed by the desk (restorable); spam: likewise, marked as spam. */
export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash'
export const COMMENT_STATUSES: readonly CommentStatus[] = ['pending', 'approved', 'spam', 'trash']

export interface Comment {
  id: number
  articleId: number
  parentId: number | null
  authorName: string
  body: string
  status: CommentStatus
  createdAt: Date
  /** Written by the desk as the publication (a reply «من التحرير»), not by a reader. */
  fromDesk: boolean
}

export interface NewComment {
  articleId: number
  parentId: number | null
  authorName: string
  authorEmail: string
  body: string
  ip: string | null
}

export const COMMENT_LIMITS = { nameMin: 2, nameMax: 80, bodyMin: 3, bodyMax: 5000, emailMax: 254 } as const

// Deliberately loose: one @, a dot in the domain, no spaces. Real validation is the mailbox.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Trims and checks a reader's comment; the problems name the form fields. */
export function checkComment(input: NewComment): NewComment {
  const authorName = input.authorName.normalize('NFC').replace(/\s+/g, ' ').trim()
  const authorEmail = input.authorEmail.trim()
  const body = input.body.normalize('NFC').replace(/\r\n/g, '\n').trim()
  const problems: FieldProblems = {}
  const L = COMMENT_LIMITS
  if (authorName.length < L.nameMin) problems.name = 'required'
  else if (authorName.length > L.nameMax) problems.name = 'too long'
  if (!authorEmail) problems.email = 'required'
  else if (authorEmail.length > L.emailMax || !EMAIL.test(authorEmail)) problems.email = 'invalid'
  if (body.length < L.bodyMin) problems.body = 'required'
  else if (body.length > L.bodyMax) problems.body = 'too long'
  if (Object.keys(problems).length) throw new ValidationError(problems, 'comment')
  return { ...input, authorName, authorEmail, body }
}

export interface CommentThread extends Comment {
  replies: CommentThread[]
}

/** Nests replies under their parents, oldest first; orphans (parent not shown) become top level. */
export function threadComments(comments: readonly Comment[]): CommentThread[] {
  const nodes = new Map<number, CommentThread>()
  for (const c of [...comments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)) {
    nodes.set(c.id, { ...c, replies: [] })
  }
  const roots: CommentThread[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId)
    if (parent) parent.replies.push(node)
    else roots.push(node)
  }
  return roots
}
