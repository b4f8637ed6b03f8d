import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ForbiddenError } from '../errors.js'
import { authorize, can, type Action, type ArticleAccess } from './policy.js'
import { ROLES, type Role, type User } from './user.js'

const member = (id: number, role: Role, active = true): User =>
  ({ id, email: `${role}@example.com`, name: role, role, active, createdAt: new Date('2026-12-01T00:00:00Z') })
const own = (u: User, status: ArticleAccess['status']): ArticleAccess => ({ ownerId: u.id, status })
const others = (status: ArticleAccess['status']): ArticleAccess => ({ ownerId: 999, status })

const ARTICLE_ACTIONS: Action[] = ['article.view', 'article.return', 'article.edit', 'article.submit', 'article.publish', 'article.schedule', 'article.unpublish', 'article.delete', 'article.correct']
const SITE_ACTIONS: Action[] = ['taxonomy.manage', 'comments.moderate', 'users.manage', 'settings.manage']

/** Who may do what, as a table: the action, the article's state and owner, and the answer per role. */
const MATRIX: Array<[Action, 'own' | 'other' | null, ArticleAccess['status'] | null, Record<Role, boolean>]> = [
  ['article.create', null, null, { contributor: true, author: true, editor: true, admin: true }],
  ['article.view', 'own', 'published', { contributor: true, author: true, editor: true, admin: true }],
  ['article.view', 'other', 'draft', { contributor: false, author: false, editor: true, admin: true }],
  ['article.return', 'own', 'review', { contributor: false, author: false, editor: true, admin: true }],
  ['article.edit', 'own', 'draft', { contributor: true, author: true, editor: true, admin: true }],
  ['article.edit', 'own', 'review', { contributor: true, author: true, editor: true, admin: true }],
  ['article.edit', 'own', 'published', { contributor: false, author: true, editor: true, admin: true }],
  ['article.edit', 'other', 'draft', { contributor: false, author: false, editor: true, admin: true }],
  ['article.submit', 'own', 'draft', { contributor: true, author: true, editor: true, admin: true }],
  ['article.submit', 'other', 'draft', { contributor: false, author: false, editor: true, admin: true }],
  ['article.publish', 'own', 'review', { contributor: false, author: true, editor: true, admin: true }],
  ['article.publish', 'other', 'review', { contributor: false, author: false, editor: true, admin: true }],
  ['article.schedule', 'own', 'draft', { contributor: false, author: true, editor: true, admin: true }],
  ['article.unpublish', 'own', 'published', { contributor: false, author: false, editor: true, admin: true }],
  ['article.delete', 'own', 'draft', { contributor: true, author: true, editor: true, admin: true }],
  ['article.delete', 'own', 'published', { contributor: false, author: false, editor: true, admin: true }],
  ['article.correct', 'own', 'published', { contributor: false, author: false, editor: true, admin: true }],
  ['taxonomy.manage', null, null, { contributor: false, author: false, editor: true, admin: true }],
  ['comments.moderate', null, null, { contributor: false, author: false, editor: true, admin: true }],
  ['users.manage', null, null, { contributor: false, author: false, editor: false, admin: true }],
  ['settings.manage', null, null, { contributor: false, author: false, editor: false, admin: true }],
]

describe('can', () => {
  for (const [action, whose, status, answers] of MATRIX) {
    for (const role of ROLES) {
      it(`${answers[role] ? 'lets' : 'does not let'} a${role === 'admin' || role === 'author' || role === 'editor' ? 'n' : ''} ${role} ${action}${whose ? ` ${whose === 'own' ? 'their own' : "someone else's"} ${status} article` : ''}`, () => {
        const u = member(7, role)
        const article = whose === 'own' ? own(u, status!) : whose === 'other' ? others(status!) : undefined
        assert.equal(can(u, action, article), answers[role])
      })
    }
  }

  it('lets nobody signed out, and no deactivated member, do anything', () => {
    for (const action of [...ARTICLE_ACTIONS, 'article.create' as const, ...SITE_ACTIONS]) {
      assert.equal(can(null, action, others('draft')), false, action)
      for (const role of ROLES) assert.equal(can(member(7, role, false), action, own(member(7, role), 'draft')), false, `${role} ${action}`)
    }
  })

  it('refuses an article action without the article to those below editor', () => {
    assert.equal(can(member(7, 'author'), 'article.edit'), false)
    assert.equal(can(member(7, 'editor'), 'article.edit'), true)
  })
})

describe('authorize', () => {
  it('throws a ForbiddenError naming the action, and passes silently when allowed', () => {
    assert.throws(() => authorize(member(7, 'contributor'), 'article.publish', own(member(7, 'contributor'), 'review')),
      (e: unknown) => e instanceof ForbiddenError && e.action === 'article.publish' && e.code === 'forbidden')
    authorize(member(7, 'author'), 'article.publish', own(member(7, 'author'), 'review'))
  })
})
