import { NotFoundError } from '../errors.js'
import type { Clock, Repos } from '../store.js'
import type { UserId } from '../people/user.js'
import type { ArticleId } from './article.js'
import { checkArticleNote, type ArticleNote, type ArticleNoteKind } from './article-note.js'

/**
 * Adds a correction or an update to an article, dated now, and moves the article's updated time
 * to now, as a corrected story is an updated one (its page says «حُدِّث»). Call it inside a
 * transaction, so the note and the time land together. Who may do it is the caller's to check
 * (`article.correct` in the policy). Throws a ValidationError for the note's fields, and a
 * NotFoundError when there is no such article.
 */
export async function addArticleNote(
  repos: Pick<Repos, 'articles' | 'notes'>,
  clock: Clock,
  input: { articleId: ArticleId; kind: ArticleNoteKind; text: string; authorId: UserId | null },
): Promise<ArticleNote> {
  const at = clock.now()
  const note = checkArticleNote({ ...input, at })
  if (!(await repos.articles.touch(note.articleId, at))) throw new NotFoundError('article', note.articleId)
  const id = await repos.notes.add(note)
  return { id, articleId: note.articleId, kind: note.kind, text: note.text, authorId: note.authorId, createdAt: at }
}
