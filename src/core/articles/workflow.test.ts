import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ARTICLE_STATUSES, type ArticleStatus } from './article.js'
import { canStep, nextStatus, WORKFLOW_STEPS, type WorkflowStep } from './workflow.js'
import { InvalidStepError } from '../errors.js'

// Every step from every status: the whole table, so a change to the rules shows here.
const EXPECTED: Record<WorkflowStep, Partial<Record<ArticleStatus, ArticleStatus>>> = {
  submit: { draft: 'review' },
  return: { review: 'draft' },
  publish: { draft: 'published', review: 'published', scheduled: 'published', unpublished: 'published' },
  schedule: { draft: 'scheduled', review: 'scheduled', scheduled: 'scheduled', unpublished: 'scheduled' },
  unpublish: { published: 'unpublished', scheduled: 'unpublished' },
}

describe('workflow', () => {
  for (const step of WORKFLOW_STEPS) {
    for (const status of ARTICLE_STATUSES) {
      const to = EXPECTED[step][status]
      it(to ? `${step} takes a ${status} story to ${to}` : `refuses to ${step} a ${status} story`, () => {
        assert.equal(canStep(step, status), to !== undefined)
        if (to) assert.equal(nextStatus(step, status), to)
        else assert.throws(() => nextStatus(step, status), (e: unknown) => e instanceof InvalidStepError && e.code === 'conflict' && e.message.includes(step))
      })
    }
  }
})
