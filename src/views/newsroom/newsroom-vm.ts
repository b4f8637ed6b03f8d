/** View models of the newsroom's screens: plain data, every string still to be escaped. */

export interface MemberVm { name: string; role: string; roleLabel: string }

export interface NewsroomLayoutVm {
  siteName: string
  title: string
  assetVersion: string
  /** Null on the sign-in and setup pages. */
  member: MemberVm | null
  csrf: string
  nav: Array<{ href: string; name: string; current: boolean }>
  /** A one-line notice after an action (saved, published…), or an error. */
  notice: { kind: 'ok' | 'error'; text: string } | null
  /** Extra scripts (the editor's bundle). */
  scripts?: string[]
}

export interface SignInVm {
  action: string
  token: string
  email: string
  next: string
  error: string | null
}

export interface SetupVm {
  action: string
  token: string
  values: { name: string; email: string }
  errors: Record<string, string>
}

export interface DeskRowVm {
  id: number
  title: string
  href: string
  status: string
  statusLabel: string
  desk: string
  owner: string | null
  /** The time the row is about (updated, scheduled or published), as shown and as ISO. */
  when: string
  whenIso: string
}

export interface DashboardVm {
  counts: Array<{ status: string; label: string; count: number }>
  /** For moderators: comments waiting for review, with the queue's link. */
  pendingComments: { count: number; href: string } | null
  lists: Array<{ id: string; title: string; rows: DeskRowVm[]; empty: string }>
  newHref: string
}

export interface OptionVm { value: string; label: string; selected: boolean }

export interface EditorVm {
  /** Null for a new story. */
  id: number | null
  action: string
  autosaveUrl: string | null
  previewHref: string | null
  publicHref: string | null
  historyHref: string | null
  status: string | null
  statusLabel: string | null
  values: {
    title: string; dek: string; body: string; dateline: string; source: string; tags: string; slug: string
    seoTitle: string; seoDescription: string; featured: boolean; breaking: boolean; scheduleAt: string
  }
  categories: OptionVm[]
  authors: OptionVm[]
  datelines: string[]
  sources: string[]
  tagSuggestions: string[]
  /** The workflow buttons this member may press now, by intent. */
  actions: Array<{ intent: string; label: string; primary?: boolean; danger?: boolean }>
  errors: Record<string, string>
  /** Who else has the story open, with the take-over button. */
  lockedBy: string | null
  notes: Array<{ kind: string; label: string; text: string; when: string }>
  canCorrect: boolean
  /** For moderators: the story's comments by state, each with the queue's link. */
  comments: Array<{ label: string; count: number; href: string }> | null
}

export interface TokensVm {
  items: Array<{ id: number; label: string; created: string; revoked: string | null }>
  /** The token just made: shown once. */
  fresh: string | null
}

export interface UsersVm {
  items: Array<{ id: number; name: string; email: string; roleLabel: string; active: boolean; self: boolean }>
  roles: OptionVm[]
  values: { name: string; email: string }
  errors: Record<string, string>
}

export interface RevisionsVm {
  articleId: number
  title: string
  editHref: string
  items: Array<{ id: number; editor: string; when: string; whenIso: string; note: string | null; compareHref: string | null; current: boolean; selected: boolean }>
  /** The chosen revision against the one before it. */
  compare: {
    heading: string
    changes: Array<{ label: string; parts?: Array<{ kind: 'same' | 'added' | 'removed'; text: string }>; before?: string; after?: string }>
    restoreAction: string | null
  } | null
}

export interface ModerationVm {
  filters: { statuses: OptionVm[]; articleId: string }
  counts: Array<{ status: string; label: string; count: number; href: string; current: boolean }>
  items: Array<{
    id: number; author: string; email: string; ip: string | null; body: string; when: string; whenIso: string
    status: string; statusLabel: string; articleTitle: string; articleHref: string; fromDesk: boolean
  }>
  /** Bulk actions offered for the listed status. */
  actions: Array<{ action: string; label: string; danger?: boolean }>
  action: string
  prevHref: string | null
  nextHref: string | null
}
