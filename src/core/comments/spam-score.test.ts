import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { SPAM_AT, spamScore } from './spam-score.js'

const now = new Date('2026-12-02T09:00:00Z')
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000)

describe('spamScore', () => {
  it('lets an ordinary comment, and one with a single link, through to review', () => {
    assert.equal(spamScore('مقال ممتاز، شكراً للكاتب.', [], now).score, 0)
    assert.ok(spamScore('التقرير الكامل هنا https://example.org/report', [], now).score < SPAM_AT)
  })

  it('sends several links, or a Latin-only link, or a copy of an earlier comment with a link, to spam', () => {
    assert.ok(spamScore('a http://a.xyz b http://b.xyz c www.c.top', [], now).score >= SPAM_AT)
    const latinLink = spamScore('cheap watches at https://shop.example.com buy now', [], now)
    assert.ok(latinLink.score < SPAM_AT, 'one Latin link alone is not enough')
    const copied = spamScore('اربح المال من البيت https://x.example.com', [{ body: 'إربح  المال من البيت https://x.example.com', createdAt: ago(60) }], now)
    assert.ok(copied.score >= SPAM_AT, 'the same text, spelt with a hamza and spaced differently, is a copy')
    assert.ok(copied.signals.includes('sent before'))
  })

  it('counts a burst of comments from one sender together with a repeat', () => {
    const burst = [ago(1), ago(2), ago(3)].map((createdAt) => ({ body: 'تعليق', createdAt }))
    const { score, signals } = spamScore('تعليق', burst, now)
    assert.ok(score >= SPAM_AT)
    assert.deepEqual(signals, ['sent before', '3 comments in ten minutes'])
    assert.ok(spamScore('رأي مختلف', burst, now).score < SPAM_AT, 'a burst alone is held for review, not dropped')
  })
})
