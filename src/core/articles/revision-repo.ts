import type { UserId } from '../people/user.js'
import type { ArticleId } from './article.js'
import type { ArticleSnapshot } from './article-snapshot.js'

export type RevisionId = number

/** One save of an article, as the newsroom keeps it: who, when, and the content as saved. */
export interface NewRevision {
  articleId: ArticleId
  /** The member who saved it; null for a save by no one (an import, a script). */
  editorId: UserId | null
  at: Date
  snapshot: ArticleSnapshot
  /** A word about the save ("restored revision 12", "corrected the dateline"); none when absent. */
  note?: string | null
}

/** A revision as a history list shows it: without its snapshot. */
export interface RevisionSummary {
  id: RevisionId
  articleId: ArticleId
  /** Null when the save was by no one, or its member has since been deleted. */
  editorId: UserId | null
  /** The editor's name as it is now (not as it was at the save); null when editorId is. */
  editorName: string | null
  createdAt: Date
  /** The snapshot's title, so a list need not read snapshots. */
  title: string
  note: string | null
}

export interface Revision extends RevisionSummary { snapshot: ArticleSnapshot }

/**
 * The saves of every article. Revisions are never changed once added; they go with their article
 * (deleting an article deletes its revisions), while deleting a member keeps their revisions
 * with no editor.
 */
export interface RevisionRepo {
  /** Keeps a revision; returns its id, which is greater than every earlier revision's. */
  add(rev: NewRevision): Promise<RevisionId>
  /** An article's revisions, newest first (by id, so two saves in one millisecond keep their order). */
  listFor(articleId: ArticleId): Promise<RevisionSummary[]>
  /** A revision with its snapshot exactly as it was added; null when there is none. */
  get(id: RevisionId): Promise<Revision | null>
}
