import type { SafeHtml } from '../core/index.js'

/** A link with its label, already percent-encoded where needed. */
export interface LinkVm { href: string; name: string }

export interface NavItemVm extends LinkVm { current: boolean; children: LinkVm[] }

export interface LayoutVm {
  siteName: string
  /** The page's own title; the site name is appended. Empty on the home page. */
  title: string
  description: string
  /** Absolute canonical URL of the page. */
  canonical: string
  nav: NavItemVm[]
  /** Appended to asset URLs so browsers refetch them when they change. */
  assetVersion: string
  /** Extra `<head>` metadata for articles (Open Graph). */
  og?: { type: 'article' | 'website'; image: string | null; publishedIso: string | null }
  breaking: LinkVm[]
  searchQuery: string
  /** Today in both calendars, for the masthead's date line. */
  today: { iso: string; gregorian: string; hijri: string }
}

export interface ImageVm { src: string; alt: string }

export interface ArticleCardVm {
  href: string
  title: string
  dek: string | null
  kicker: LinkVm
  image: ImageVm | null
  publishedIso: string
  gregorian: string
  hijri: string
  /** Time of day, 24-hour Riyadh time. */
  time: string
  breaking: boolean
}

export interface PaginationVm {
  page: number
  pages: number
  prevHref: string | null
  nextHref: string | null
  /** Page numbers to show, with null for a gap. */
  items: Array<{ page: number; href: string } | null>
}

export interface HomeVm {
  featured: ArticleCardVm[]
  latest: ArticleCardVm[]
  sections: Array<{ category: LinkVm; articles: ArticleCardVm[] }>
}

export interface CommentVm {
  id: number
  authorName: string
  /** The publication's own reply, marked as the desk's. */
  fromDesk?: boolean
  body: string
  publishedIso: string
  when: string
  replies: CommentVm[]
}

export interface CommentFormVm {
  action: string
  token: string
  values: { name: string; email: string; body: string; parentId: string }
  /** Arabic messages by field. */
  errors: Partial<Record<'name' | 'email' | 'body' | 'form', string>>
  /** Shown after a comment was received and held for moderation. */
  notice: string | null
}

export interface ShareLinkVm { network: 'whatsapp' | 'telegram' | 'x' | 'facebook' | 'email'; label: string; href: string }

/** A correction or update as readers see it under the story. */
export interface ArticleNoteVm {
  id: number
  kind: 'correction' | 'update'
  /** «تصحيح» or «تحديث». */
  label: string
  text: string
  iso: string
  /** Date and time of day, as the page's dates read, e.g. "29 نوفمبر 2026، 14:05". */
  when: string
}

export interface ArticlePageVm {
  id: number
  /** For a signed-in member who may edit it: the story in the newsroom's editor. */
  editHref?: string | null
  /** The newsroom's preview of a story readers cannot see yet: says so above it. */
  previewOf?: string | null
  /** The article's own canonical path (replies link back to it, also from a re-shown form). */
  path: string
  category: LinkVm
  title: string
  dek: string | null
  dateline: string | null
  source: string | null
  bylines: LinkVm[]
  publishedIso: string
  gregorian: string
  hijri: string
  time: string
  updated: { iso: string; gregorian: string } | null
  readingTime: string
  cover: (ImageVm & { caption: string | null; credit: string | null }) | null
  bodyHtml: SafeHtml
  /** Corrections and updates, oldest first; the page shows nothing for none. */
  notes: ArticleNoteVm[]
  tags: LinkVm[]
  shareUrl: string
  share: ShareLinkVm[]
  related: ArticleCardVm[]
  comments: CommentVm[]
  commentCount: number
  form: CommentFormVm
}

export interface ArchiveVm {
  /** What kind of archive, e.g. "قسم", "وسم", "الكاتب". */
  kind: string
  heading: string
  description: string | null
  articles: ArticleCardVm[]
  total: number
  pagination: PaginationVm
}

/** Text with the words a search matched marked, as the article writes them. */
export type HighlightVm = Array<{ text: string; hit: boolean }>

export interface SearchResultVm {
  card: ArticleCardVm
  title: HighlightVm
  snippet: HighlightVm
}

export interface SearchVm {
  query: string
  results: SearchResultVm[]
  total: number
  pagination: PaginationVm | null
  /** A message when the query could not be run as typed. */
  problem: string | null
  filters: {
    categories: Array<{ slug: string; name: string; selected: boolean }>
    from: string
    to: string
  }
  /** When nothing was found: shorter queries that do find something, and desks to browse. */
  suggestions: LinkVm[]
}

/** A word diff as a revision comparison shows it (core's DiffPart). */
export type WordDiffVm = Array<{ kind: 'same' | 'added' | 'removed'; text: string }>

export interface ErrorVm { status: number; heading: string; message: string }
