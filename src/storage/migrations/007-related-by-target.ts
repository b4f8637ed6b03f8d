import type { Kysely } from 'kysely'

/**
 * Deleting an article makes both databases find the related-article rows that point at it
 * (`related_id`, ON DELETE CASCADE); without an index of its own that is a scan of every row
 * (150,000 on the corpus) per deleted article — minutes for `khabar db copy --force` to empty a
 * PostgreSQL target that way.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('related_articles_by_related').on('related_articles').column('related_id').execute()
}
