import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createFormTokens } from './form-token.js'

const HOUR = 3_600_000
const SECRET = 'a-test-secret-of-reasonable-length'

/** Tokens over a clock the test moves; starts mid-hour so hour boundaries are exercised. */
function tokensAt(start = Date.UTC(2026, 10, 29, 9, 30)) {
  const clock = { now: start }
  return { clock, tokens: createFormTokens(SECRET, () => clock.now) }
}

describe('createFormTokens', () => {
  it('verifies a fresh token for its scope', () => {
    const { tokens } = tokensAt()
    assert.equal(tokens.verify('comment:41', tokens.issue('comment:41')), true)
  })

  it('stays valid for 24 hours', () => {
    const { clock, tokens } = tokensAt()
    const token = tokens.issue('comment:41')
    const issuedAt = clock.now
    for (const hours of [1, 12, 23.9, 24]) {
      clock.now = issuedAt + hours * HOUR
      assert.equal(tokens.verify('comment:41', token), true, `${hours}h`)
    }
  })

  it('expires after 25 hours, whatever the minute it was issued', () => {
    for (const minute of [0, 30, 59]) {
      const { clock, tokens } = tokensAt(Date.UTC(2026, 10, 29, 9, minute))
      const token = tokens.issue('comment:41')
      clock.now += 25 * HOUR
      assert.equal(tokens.verify('comment:41', token), false, `issued at :${minute}`)
      clock.now += 30 * 24 * HOUR
      assert.equal(tokens.verify('comment:41', token), false)
    }
  })

  it('rejects a token from the future (clock skew or forgery)', () => {
    const { clock, tokens } = tokensAt()
    clock.now += 2 * HOUR
    const token = tokens.issue('comment:41')
    clock.now -= 2 * HOUR
    assert.equal(tokens.verify('comment:41', token), false)
  })

  it('rejects a token issued for another scope', () => {
    const { tokens } = tokensAt()
    assert.equal(tokens.verify('comment:42', tokens.issue('comment:41')), false)
    assert.equal(tokens.verify('comment:4', tokens.issue('comment:41')), false)
  })

  it('rejects a token signed with another secret', () => {
    const { tokens } = tokensAt()
    const other = createFormTokens('another-secret', () => Date.UTC(2026, 10, 29, 9, 30))
    assert.equal(tokens.verify('comment:41', other.issue('comment:41')), false)
  })

  it('rejects a token whose signature was altered', () => {
    const { tokens } = tokensAt()
    const token = tokens.issue('comment:41')
    const [hour, mac] = token.split('.') as [string, string]
    const flipped = (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1)
    assert.equal(tokens.verify('comment:41', `${hour}.${flipped}`), false)
    assert.equal(tokens.verify('comment:41', `${hour}.${mac.slice(0, -1)}`), false)
    assert.equal(tokens.verify('comment:41', `${hour}.${mac}x`), false)
  })

  it('rejects a token whose hour was moved forward to extend it', () => {
    const { clock, tokens } = tokensAt()
    const token = tokens.issue('comment:41')
    const [hour, mac] = token.split('.') as [string, string]
    clock.now += 30 * HOUR
    const fresher = (parseInt(hour, 36) + 10).toString(36)
    assert.equal(tokens.verify('comment:41', `${fresher}.${mac}`), false)
  })

  it('rejects empty and malformed tokens', () => {
    const { tokens } = tokensAt()
    for (const bad of ['', '.', 'abc', '.abc', 'abc.', '!!!.abc', 'zzzzzzzzzzzzzzzzzzzz.abc']) {
      assert.equal(tokens.verify('comment:41', bad), false, JSON.stringify(bad))
    }
  })

  it('accepts only the exact token it issued', () => {
    const { tokens } = tokensAt()
    const token = tokens.issue('comment:41')
    const [hour, mac] = token.split('.') as [string, string]
    assert.equal(tokens.verify('comment:41', `${hour}!.${mac}`), false)
    assert.equal(tokens.verify('comment:41', `${token}.extra`), false)
  })
})
