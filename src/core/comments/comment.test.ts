import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ValidationError } from '../errors.js'
import { checkComment, threadComments, COMMENT_LIMITS, type Comment, type NewComment } from './comment.js'

function newComment(overrides: Partial<NewComment> = {}): NewComment {
  return { articleId: 1, parentId: null, authorName: 'سارة', authorEmail: 'sara@example.com', body: 'تعليق مفيد.', ip: '192.0.2.1', ...overrides }
}

function problemsOf(c: NewComment): Record<string, string> {
  try {
    checkComment(c)
    return {}
  } catch (e) {
    assert.ok(e instanceof ValidationError, `expected ValidationError, got ${String(e)}`)
    return e.problems
  }
}

describe('checkComment', () => {
  it('accepts a complete comment', () => {
    assert.deepEqual(problemsOf(newComment()), {})
  })

  it('trims the name and folds its spaces, trims email and body', () => {
    const c = checkComment(newComment({ authorName: '  سارة   أحمد ', authorEmail: ' sara@example.com ', body: '\n  شكراً  \r\n' }))
    assert.equal(c.authorName, 'سارة أحمد')
    assert.equal(c.authorEmail, 'sara@example.com')
    assert.equal(c.body, 'شكراً')
  })

  it('keeps line breaks inside the body, normalizing CRLF', () => {
    assert.equal(checkComment(newComment({ body: 'سطر أول\r\nسطر ثانٍ' })).body, 'سطر أول\nسطر ثانٍ')
  })

  it('requires a name of at least two characters', () => {
    assert.equal(problemsOf(newComment({ authorName: '' })).name, 'required')
    assert.equal(problemsOf(newComment({ authorName: ' س ' })).name, 'required')
    assert.deepEqual(problemsOf(newComment({ authorName: 'سس' })), {})
  })

  it('rejects a name longer than 80 characters', () => {
    assert.deepEqual(problemsOf(newComment({ authorName: 'س'.repeat(COMMENT_LIMITS.nameMax) })), {})
    assert.equal(problemsOf(newComment({ authorName: 'س'.repeat(81) })).name, 'too long')
  })

  it('requires an email', () => {
    assert.equal(problemsOf(newComment({ authorEmail: '  ' })).email, 'required')
  })

  it('rejects malformed emails', () => {
    for (const email of ['sara', 'sara@', '@example.com', 'sara@example', 'sa ra@example.com', 'a@b@c.com']) {
      assert.equal(problemsOf(newComment({ authorEmail: email })).email, 'invalid', email)
    }
  })

  it('rejects an email longer than 254 characters', () => {
    const long = `${'a'.repeat(250)}@example.com`
    assert.equal(problemsOf(newComment({ authorEmail: long })).email, 'invalid')
  })

  it('requires a body of at least three characters', () => {
    assert.equal(problemsOf(newComment({ body: '' })).body, 'required')
    assert.equal(problemsOf(newComment({ body: ' لا ' })).body, 'required')
    assert.deepEqual(problemsOf(newComment({ body: 'نعم' })), {})
  })

  it('rejects a body longer than 5000 characters', () => {
    assert.deepEqual(problemsOf(newComment({ body: 'ت'.repeat(5000) })), {})
    assert.equal(problemsOf(newComment({ body: 'ت'.repeat(5001) })).body, 'too long')
  })

  it('reports each bad field by its form name', () => {
    assert.deepEqual(problemsOf(newComment({ authorName: '', authorEmail: 'x', body: '' })), { name: 'required', email: 'invalid', body: 'required' })
  })
})

describe('threadComments', () => {
  let nextId = 0
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 9, minute))
  function comment(overrides: Partial<Comment> & { createdAt: Date }): Comment {
    return { id: ++nextId, articleId: 1, parentId: null, authorName: 'قارئ', body: 'تعليق', status: 'approved', fromDesk: false, ...overrides }
  }
  const shape = (threads: ReturnType<typeof threadComments>): unknown =>
    threads.map((t) => ({ id: t.id, replies: shape(t.replies) }))

  it('nests replies under their parents, oldest first at every level', () => {
    const a = comment({ createdAt: at(1) })
    const b = comment({ createdAt: at(2) })
    const a1 = comment({ parentId: a.id, createdAt: at(3) })
    const a2 = comment({ parentId: a.id, createdAt: at(5) })
    const a1x = comment({ parentId: a1.id, createdAt: at(4) })
    const threads = threadComments([a2, b, a1x, a1, a])
    assert.deepEqual(shape(threads), [
      { id: a.id, replies: [{ id: a1.id, replies: [{ id: a1x.id, replies: [] }] }, { id: a2.id, replies: [] }] },
      { id: b.id, replies: [] },
    ])
  })

  it('orders comments written in the same instant by id', () => {
    const x = comment({ createdAt: at(7) })
    const y = comment({ createdAt: at(7) })
    assert.deepEqual(threadComments([y, x]).map((t) => t.id), [x.id, y.id])
  })

  it('puts orphans (parent not among the comments) at the top level', () => {
    const parentNotShown = 9999
    const a = comment({ createdAt: at(1) })
    const orphan = comment({ parentId: parentNotShown, createdAt: at(2) })
    assert.deepEqual(shape(threadComments([orphan, a])), [{ id: a.id, replies: [] }, { id: orphan.id, replies: [] }])
  })

  it('returns an empty list for no comments and does not change its input', () => {
    assert.deepEqual(threadComments([]), [])
    const input = [comment({ createdAt: at(2) }), comment({ createdAt: at(1) })]
    const before = structuredClone(input)
    threadComments(input)
    assert.deepEqual(input, before)
  })
})
