import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sameOriginPath } from './redirect.js'

describe('sameOriginPath', () => {
  it('keeps a path on this site', () => {
    assert.equal(sameOriginPath('/category/x?page=2#top'), '/category/x?page=2#top')
    assert.equal(sameOriginPath('/%D8%B9/1/x'), '/%D8%B9/1/x')
  })

  it('percent-encodes what a header cannot carry', () => {
    assert.equal(sameOriginPath('/عرب/1/خبر'), `/${encodeURIComponent('عرب')}/1/${encodeURIComponent('خبر')}`)
    assert.equal(sameOriginPath('/a b'), '/a%20b')
  })

  for (const hostile of [
    '//evil.example/x', '///evil.example', '/\\evil.example', '\\\\evil.example', '/\t/evil.example', '/\n/evil.example',
    '\t//evil.example', 'https://evil.example/', 'http:evil.example', 'javascript:alert(1)', 'data:text/html,x',
    '', 'evil.example', ' //evil.example', '/a\r\nSet-Cookie: x=1', '/a\u0000b', '/a\\b', '/\ud800',
    '//1/x',
  ]) {
    it(`sends ${JSON.stringify(hostile)} home instead`, () => assert.equal(sameOriginPath(hostile), '/'))
  }

  it('never returns something a browser reads as another host', () => {
    for (const prefix of ['', '/', '\t', ' ', '\\']) {
      for (const middle of ['/', '\\', '\t/', '\n\\', '%2F']) {
        const out = sameOriginPath(`${prefix}${middle}evil.example`)
        assert.equal(new URL(out, 'https://khabar.test').host, 'khabar.test', `${JSON.stringify(prefix + middle)} → ${out}`)
      }
    }
  })
})
