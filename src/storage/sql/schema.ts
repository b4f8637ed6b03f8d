import type { Generated } from 'kysely'

/**
 * The tables as the query layer sees them. Times are ISO-8601 UTC strings (`toISOString()`),
 * which sort correctly as text on every dialect; flags are 0/1 integers for the same reason.
 */
export interface Database {
  categories: {
    id: Generated<number>
    slug: string
    name: string
    description: string | null
    parent_id: number | null
    position: number
  }
  authors: { id: Generated<number>; slug: string; name: string; bio: string | null }
  tags: { id: Generated<number>; slug: string; name: string }
  articles: {
    id: Generated<number>
    external_id: string | null
    slug: string
    title: string
    dek: string | null
    body_html: string
    body_text: string
    dateline: string | null
    source: string | null
    category_id: number
    status: string
    live: number
    featured: number
    breaking: number
    cover_src: string | null
    cover_alt: string | null
    cover_caption: string | null
    cover_credit: string | null
    published_at: string | null
    created_at: string
    updated_at: string
    owner_id: number | null
    seo_title: string | null
    seo_description: string | null
  }
  article_edit_locks: { article_id: number; user_id: number; taken_at: string }
  related_articles: { article_id: number; related_id: number; position: number; score: number }
  article_tags: { article_id: number; tag_id: number; position: number }
  article_authors: { article_id: number; author_id: number; position: number }
  comments: {
    id: Generated<number>
    article_id: number
    parent_id: number | null
    author_name: string
    author_email: string
    body: string
    status: string
    ip: string | null
    created_at: string
    from_desk: Generated<number>
  }
  users: {
    id: Generated<number>
    email: string
    name: string
    role: string
    password_hash: string | null
    active: Generated<number>
    created_at: string
  }
  sign_in_failures: { id: Generated<number>; key: string; failed_at: string }
  sessions: { id_hash: string; user_id: number; created_at: string; expires_at: string }
  api_tokens: { id: Generated<number>; user_id: number; label: string; token_hash: string; created_at: string; revoked_at: string | null }
  /** `snapshot` is core's ArticleSnapshot as JSON text. */
  article_revisions: { id: Generated<number>; article_id: number; editor_id: number | null; created_at: string; title: string; note: string | null; snapshot: string }
  article_notes: { id: Generated<number>; article_id: number; kind: string; author_id: number | null; created_at: string; text: string }
}
