import type { ArticleId } from './article.js'
import type { ArticleNote, ArticleNoteId, NewArticleNote } from './article-note.js'

/**
 * Corrections and updates of articles. A note goes with its article (deleting the article deletes
 * its notes); deleting its member keeps the note with no author. Readers see notes, so a change
 * here moves the store's content version and the article's page is rendered afresh.
 */
export interface ArticleNoteRepo {
  /** Stores a note as given (checkArticleNote's job is done before); returns its id. */
  add(note: NewArticleNote): Promise<ArticleNoteId>
  /** An article's notes, oldest first (by time, then by id); none for an unknown article. One query. */
  listFor(articleId: ArticleId): Promise<ArticleNote[]>
}
