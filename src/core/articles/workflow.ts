import { InvalidStepError } from '../errors.js'
import type { Action } from '../people/policy.js'
import type { ArticleStatus } from './article.js'

/**
 * The steps a story takes through the newsroom: a writer files a draft and submits it for review;
 * an editor (or its author, if an author) publishes it now or schedules it; an editor may return a
 * story in review to its writer, and take a published or scheduled one down (unpublished), from
 * where it can be published or scheduled again.
 */
export type WorkflowStep = 'submit' | 'return' | 'publish' | 'schedule' | 'unpublish'

export const WORKFLOW_STEPS: readonly WorkflowStep[] = ['submit', 'return', 'publish', 'schedule', 'unpublish']

const STEPS: Record<WorkflowStep, { from: readonly ArticleStatus[]; to: ArticleStatus; action: Action }> = {
  submit: { from: ['draft'], to: 'review', action: 'article.submit' },
  return: { from: ['review'], to: 'draft', action: 'article.return' },
  publish: { from: ['draft', 'review', 'scheduled', 'unpublished'], to: 'published', action: 'article.publish' },
  // Rescheduling a scheduled story moves its time.
  schedule: { from: ['draft', 'review', 'scheduled', 'unpublished'], to: 'scheduled', action: 'article.schedule' },
  unpublish: { from: ['published', 'scheduled'], to: 'unpublished', action: 'article.unpublish' },
}

/** The policy's name for taking `step` (who may is policy.ts's to say). */
export const stepAction = (step: WorkflowStep): Action => STEPS[step].action

/** Whether `step` fits a story that is `status` now. */
export const canStep = (step: WorkflowStep, status: ArticleStatus): boolean => STEPS[step].from.includes(status)

/** Where `step` takes a story that is `status`; InvalidStepError (a 409) when it does not fit. */
export function nextStatus(step: WorkflowStep, status: ArticleStatus): ArticleStatus {
  if (!canStep(step, status)) throw new InvalidStepError(step, status)
  return STEPS[step].to
}
