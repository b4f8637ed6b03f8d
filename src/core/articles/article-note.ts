import { ValidationError, type FieldProblems } from '../errors.js'
import type { UserId } from '../people/user.js'
import type { ArticleId } from './article.js'

export type ArticleNoteId = number

/**
 * What a note tells readers after publication: a correction (تصحيح) owns up to an error in the
 * story; an update (تحديث) adds what happened since. Both stay on the story for good.
 */
export const NOTE_KINDS = ['correction', 'update'] as const
export type ArticleNoteKind = (typeof NOTE_KINDS)[number]

/** A correction or update shown with its article, dated. */
export interface ArticleNote {
  id: ArticleNoteId
  articleId: ArticleId
  kind: ArticleNoteKind
  text: string
  /** The member who wrote it; null when written by no one, or the member was deleted. */
  authorId: UserId | null
  createdAt: Date
}

export interface NewArticleNote {
  articleId: ArticleId
  kind: ArticleNoteKind
  text: string
  authorId: UserId | null
  at: Date
}

export const NOTE_TEXT_MAX = 2000

const isKind = (k: string): k is ArticleNoteKind => (NOTE_KINDS as readonly string[]).includes(k)

/**
 * A note checked by the newsroom's rules and as it is stored: a kind of the two, and a text that
 * is there (trimmed, NFC) and at most 2000 characters (code points). Throws a ValidationError
 * naming `kind` or `text`.
 */
export function checkArticleNote(note: NewArticleNote): NewArticleNote {
  const problems: FieldProblems = {}
  if (!isKind(String(note.kind))) problems.kind = `one of ${NOTE_KINDS.join(', ')}`
  const text = String(note.text ?? '').normalize('NFC').trim()
  if (!text) problems.text = 'required'
  else if ([...text].length > NOTE_TEXT_MAX) problems.text = `longer than ${NOTE_TEXT_MAX} characters`
  if (Object.keys(problems).length) throw new ValidationError(problems, 'article note')
  return { ...note, text }
}
