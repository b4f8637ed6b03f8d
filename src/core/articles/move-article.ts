import { ValidationError } from '../errors.js'
import { authorize } from '../people/policy.js'
import type { User } from '../people/user.js'
import type { Store } from '../store.js'
import { snapshotOf } from './article-snapshot.js'
import type { Article, ArticleId } from './article.js'
import { nextStatus, stepAction, type WorkflowStep } from './workflow.js'
import { accessOf, articleFor, keepState, storeArticle, type WriteDeps } from './write-article.js'

/**
 * Takes one workflow step (workflow.ts) for the member, if the policy lets them and the story's
 * state allows it. Publishing stamps the time of publication — now; a story taken down and
 * published again keeps its first. Scheduling needs `at`, in the future. Run inside a transaction.
 */
export async function moveArticle(deps: WriteDeps, user: User, id: ArticleId, step: WorkflowStep, opts: { at?: Date } = {}): Promise<Article> {
  const article = await articleFor(deps.repos, id)
  authorize(user, stepAction(step), accessOf(article))
  const status = nextStatus(step, article.status)
  const now = deps.clock.now()
  let publishedAt = article.publishedAt
  if (step === 'schedule') {
    if (!opts.at || Number.isNaN(opts.at.getTime())) throw new ValidationError({ at: 'required to schedule' }, 'schedule')
    if (opts.at.getTime() <= now.getTime()) throw new ValidationError({ at: 'must be in the future' }, 'schedule')
    publishedAt = opts.at
  } else if (step === 'publish') {
    publishedAt = article.status === 'unpublished' && publishedAt ? publishedAt : now
  }
  // The stored content as it is: a step changes the state, not the words.
  return storeArticle(deps, article, { ...keepState(article, snapshotOf(article)), status, publishedAt }, article.bodyText, { editorId: user.id, note: step })
}

/**
 * Marks scheduled stories whose time has come as published. Readers see a scheduled story at its
 * time without this (visibility is decided by the time); this makes the newsroom's lists say so.
 * Every app process runs it on a timer; the job lock lets one at a time through, and each story is
 * re-read in its own transaction, so none is published twice. Returns how many it published.
 */
export async function publishDueArticles(deps: { store: Pick<Store, 'articles' | 'transaction' | 'exclusively'>; clock: WriteDeps['clock'] }): Promise<number> {
  return deps.store.exclusively('publish-scheduled', async () => {
    let published = 0
    for (const id of await deps.store.articles.dueScheduled(deps.clock.now())) {
      published += await deps.store.transaction(async (tx) => {
        const article = await tx.articles.get(id)
        if (!article || article.status !== 'scheduled' || !article.publishedAt || article.publishedAt > deps.clock.now()) return 0
        await storeArticle({ repos: tx, clock: deps.clock }, article, { ...keepState(article, snapshotOf(article)), status: 'published' }, article.bodyText, { editorId: null, note: 'publish' })
        return 1
      })
    }
    return published
  })
}
