import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ValidationError } from '../errors.js'
import { checkNewUser, checkPassword, normalizeEmail } from './user.js'

const problems = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    if (e instanceof ValidationError) return e.problems
    throw e
  }
  assert.fail('expected a ValidationError')
}

describe('checkNewUser', () => {
  it('lower-cases and trims the address and tidies the name', () => {
    assert.deepEqual(checkNewUser({ email: '  Sara.Hassan@Example.COM ', name: '  سارة   حسن ', role: 'editor' }),
      { email: 'sara.hassan@example.com', name: 'سارة حسن', role: 'editor' })
  })

  it('names every field that is wrong at once', () => {
    assert.deepEqual(problems(() => checkNewUser({ email: 'sara at example', name: '  ', role: 'owner' })),
      { email: 'not an email address', name: 'required', role: 'one of contributor, author, editor, admin' })
  })

  it('refuses a name and an address longer than their columns', () => {
    const p = problems(() => checkNewUser({ email: `${'a'.repeat(250)}@example.com`, name: 'س'.repeat(101), role: 'admin' }))
    assert.deepEqual(Object.keys(p).sort(), ['email', 'name'])
  })
})

describe('checkPassword', () => {
  it('accepts a passphrase of ten characters or more, Arabic letters counted as one each', () => {
    checkPassword('correct horse')
    checkPassword('كلمةسرطويلة')
  })

  it('refuses a short, a blank and an absurdly long password', () => {
    assert.deepEqual(problems(() => checkPassword('short')), { password: 'shorter than 10 characters' })
    assert.deepEqual(problems(() => checkPassword('            ')), { password: 'required' })
    assert.deepEqual(problems(() => checkPassword('x'.repeat(201))), { password: 'longer than 200 characters' })
  })
})

describe('normalizeEmail', () => {
  it('gives one spelling for the same address typed differently', () => {
    assert.equal(normalizeEmail(' Editor@Khabar.Example'), normalizeEmail('editor@khabar.example'))
  })
})
