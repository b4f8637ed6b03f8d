import { formatGregorian, formatHijri, formatTime } from '../../arabic/index.js'
import { archivePath, articlePath, type ArticleNote, type ArticleSummary, type CommentThread } from '../../core/index.js'
import type { ArticleCardVm, ArticleNoteVm, CommentVm, PaginationVm } from '../../views/index.js'

export function presentCard(a: ArticleSummary): ArticleCardVm {
  const at = a.publishedAt ?? a.updatedAt
  return {
    href: articlePath(a),
    title: a.title,
    dek: a.dek,
    kicker: { href: archivePath.category(a.category.slug), name: a.category.name },
    image: a.cover ? { src: a.cover.src, alt: a.cover.alt } : null,
    publishedIso: at.toISOString(),
    gregorian: formatGregorian(at),
    hijri: formatHijri(at),
    time: formatTime(at),
    breaking: a.breaking,
  }
}

export function presentComments(threads: readonly CommentThread[]): CommentVm[] {
  return threads.map((c) => ({
    id: c.id,
    authorName: c.authorName,
    fromDesk: c.fromDesk,
    body: c.body,
    publishedIso: c.createdAt.toISOString(),
    when: `${formatGregorian(c.createdAt)} · ${formatHijri(c.createdAt)}`,
    replies: presentComments(c.replies),
  }))
}

const NOTE_LABELS: Record<ArticleNote['kind'], string> = { correction: 'تصحيح', update: 'تحديث' }

/** A correction or update, dated as the article's own publication line is: Gregorian day and Riyadh time. */
export function presentNote(n: ArticleNote): ArticleNoteVm {
  return {
    id: n.id, kind: n.kind, label: NOTE_LABELS[n.kind], text: n.text,
    iso: n.createdAt.toISOString(), when: `${formatGregorian(n.createdAt)}، ${formatTime(n.createdAt)}`,
  }
}

/** Page links around the current one: first, last, and two either side, with gaps. */
export function presentPagination(page: number, pages: number, hrefFor: (page: number) => string): PaginationVm {
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages))
  const items: PaginationVm['items'] = []
  let last = 0
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - last > 1) items.push(null)
    items.push({ page: p, href: hrefFor(p) })
    last = p
  }
  return {
    page,
    pages,
    prevHref: page > 1 ? hrefFor(page - 1) : null,
    nextHref: page < pages ? hrefFor(page + 1) : null,
    items,
  }
}

/** `base?page=N`, with page 1 being the bare archive URL (one URL per page for caches and search engines). */
export function pageHref(base: string, page: number, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra)
  if (page > 1) params.set('page', String(page))
  const qs = params.toString()
  return qs ? `${base}?${qs}` : base
}

/** An absolute http(s) URL for a stored link (a cover image, say), or null when it makes none: a page never fails over one. */
export function absoluteUrl(href: string, siteUrl: string): string | null {
  try {
    const url = new URL(href, siteUrl)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
