import { htmlToText } from '../safe-html.js'
import type { ArticleSnapshot } from './article-snapshot.js'
import { diffWords, hasChanges, type DiffPart } from './word-diff.js'

/** Fields compared as text, word by word; `body` is the body's plain text, markup aside. */
export type TextField = 'title' | 'dek' | 'body' | 'dateline' | 'source' | 'seoTitle' | 'seoDescription'

/** One field that differs between two snapshots: a word diff for text, the two values otherwise. */
export type SnapshotChange =
  | { field: TextField; parts: DiffPart[] }
  | { field: 'category'; before: number; after: number }
  | { field: 'tags' | 'authors'; before: number[]; after: number[] }
  | { field: 'featured' | 'breaking'; before: boolean; after: boolean }
  | { field: 'slug'; before: string; after: string }

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * What changed from `before` to `after`, field by field in the editor's order (headline first),
 * listing only fields that changed. A text field that went from empty to written, or back, shows
 * as all added or all removed; a change of whitespace or of markup alone (the body's plain text
 * unchanged) is no change. Tags and bylines compare in order, since order is what readers see.
 * Category, tag and author ids are left for the caller to name.
 */
export function diffArticleSnapshots(before: ArticleSnapshot, after: ArticleSnapshot): SnapshotChange[] {
  const changes: SnapshotChange[] = []
  const text = (field: TextField, a: string | null, b: string | null) => {
    if ((a ?? '') === (b ?? '')) return
    const parts = diffWords(a ?? '', b ?? '')
    if (hasChanges(parts)) changes.push({ field, parts })
  }
  text('title', before.title, after.title)
  text('dek', before.dek, after.dek)
  // The HTML compared as readers read it: the same text in other markup or spacing is no change.
  if (before.bodyHtml !== after.bodyHtml) text('body', htmlToText(before.bodyHtml), htmlToText(after.bodyHtml))
  if (before.categoryId !== after.categoryId) changes.push({ field: 'category', before: before.categoryId, after: after.categoryId })
  if (!sameList(before.tagIds, after.tagIds)) changes.push({ field: 'tags', before: [...before.tagIds], after: [...after.tagIds] })
  if (!sameList(before.authorIds, after.authorIds)) changes.push({ field: 'authors', before: [...before.authorIds], after: [...after.authorIds] })
  text('dateline', before.dateline, after.dateline)
  text('source', before.source, after.source)
  if (before.featured !== after.featured) changes.push({ field: 'featured', before: before.featured, after: after.featured })
  if (before.breaking !== after.breaking) changes.push({ field: 'breaking', before: before.breaking, after: after.breaking })
  if (before.slug !== after.slug) changes.push({ field: 'slug', before: before.slug, after: after.slug })
  text('seoTitle', before.seoTitle, after.seoTitle)
  text('seoDescription', before.seoDescription, after.seoDescription)
  return changes
}
