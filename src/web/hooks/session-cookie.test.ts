import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyRequest } from 'fastify'
import { clearedSessionCookie, csrfMatches, csrfToken, hasSessionCookie, sessionCookie, sessionToken } from './session-cookie.js'

const withCookie = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as FastifyRequest
const TOKEN = 'ZWdy3PDVZjlX3B5vWpOfqXfUQ3V64mpIEwtAvQqMf4I'

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax everywhere, Secure only on an https site', () => {
    assert.equal(sessionCookie(TOKEN, 'http://127.0.0.1:3000'), `khabar_session=${TOKEN}; Path=/; HttpOnly; SameSite=Lax; Max-Age=1209600`)
    assert.equal(sessionCookie(TOKEN, 'https://news.example'), `khabar_session=${TOKEN}; Path=/; HttpOnly; SameSite=Lax; Max-Age=1209600; Secure`)
    assert.match(clearedSessionCookie('https://news.example'), /^khabar_session=; .*Max-Age=0; Secure$/)
  })

  it('is read from among other cookies, and a malformed value is no session', () => {
    assert.equal(sessionToken(withCookie(`theme=dark; khabar_session=${TOKEN}; _ga=1`)), TOKEN)
    assert.equal(sessionToken(withCookie(`khabar_session=${TOKEN}`)), TOKEN)
    assert.equal(sessionToken(withCookie('khabar_session=short')), null)
    assert.equal(sessionToken(withCookie(`xkhabar_session=${TOKEN}`)), null)
    assert.equal(sessionToken(withCookie()), null)
    assert.equal(hasSessionCookie(withCookie('theme=dark')), false)
    assert.equal(hasSessionCookie(withCookie(`a=1; khabar_session=${TOKEN}`)), true)
  })
})

describe('CSRF token', () => {
  it('belongs to one session under one secret', () => {
    const token = csrfToken('secret', TOKEN)
    assert.equal(token.length, 32)
    assert.equal(csrfMatches('secret', TOKEN, token), true)
    assert.equal(csrfMatches('secret', `${TOKEN.slice(1)}x`, token), false)
    assert.equal(csrfMatches('other secret', TOKEN, token), false)
    assert.equal(csrfMatches('secret', TOKEN, undefined), false)
    assert.equal(csrfMatches('secret', TOKEN, token.slice(1)), false)
  })
})
