import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openSqliteStore } from '../../storage/index.js'
import { apiTokenUser, verifyPassword } from '../../core/index.js'

const KHABAR = fileURLToPath(new URL('../../../bin/khabar.js', import.meta.url))

/**
 * `khabar user …` in its own process (stdin not a terminal), on a data folder of its own, with
 * KHABAR_PASSWORD only when `env` gives it.
 */
function khabarUser(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const full: NodeJS.ProcessEnv = { ...process.env, KHABAR_DATA_DIR: dataDir, KHABAR_DEMO: '0', ...env }
  if (!('KHABAR_PASSWORD' in env)) delete full.KHABAR_PASSWORD
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [KHABAR, 'user', ...args], { env: full },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }))
    child.stdin?.end()
  })
}

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-cli-user-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const passwordOf = async (dir: string, email: string) => {
  const store = await openSqliteStore(join(dir, 'khabar.db'))
  try {
    return (await store.users.byEmail(email))?.passwordHash ?? null
  } finally {
    await store.close()
  }
}

describe('khabar user', () => {
  it('adds the first administrator with the password from KHABAR_PASSWORD, and lists them', async (t) => {
    const dir = tempDir(t)
    const added = await khabarUser(dir, ['add', 'Sara@Example.com', '--name', 'سارة حسن', '--role', 'admin'], { KHABAR_PASSWORD: 'a long passphrase' })
    assert.equal(added.code, 0, added.stderr)
    assert.match(added.stdout, /sara@example\.com \(admin\) added/)
    assert.ok(!added.stdout.includes('a long passphrase'))
    assert.equal(await verifyPassword((await passwordOf(dir, 'sara@example.com'))!, 'a long passphrase'), true)
    const listed = await khabarUser(dir, ['list'])
    assert.equal(listed.stdout, 'sara@example.com\tadmin\tactive\tسارة حسن\n')
  })

  it('sets a new password with reset-password, and names an unknown address', async (t) => {
    const dir = tempDir(t)
    await khabarUser(dir, ['add', 'sara@example.com', '--name', 'سارة', '--role', 'editor'], { KHABAR_PASSWORD: 'the first passphrase' })
    const reset = await khabarUser(dir, ['reset-password', 'SARA@example.com'], { KHABAR_PASSWORD: 'the second passphrase' })
    assert.equal(reset.code, 0, reset.stderr)
    assert.equal(await verifyPassword((await passwordOf(dir, 'sara@example.com'))!, 'the second passphrase'), true)
    const unknown = await khabarUser(dir, ['reset-password', 'nobody@example.com'], { KHABAR_PASSWORD: 'the third passphrase' })
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /not found: nobody@example\.com/)
  })

  it('refuses a bad role or a short password with exit 2, naming the field, and stores nothing', async (t) => {
    const dir = tempDir(t)
    const role = await khabarUser(dir, ['add', 'ali@example.com', '--name', 'علي', '--role', 'chief'], { KHABAR_PASSWORD: 'a long passphrase' })
    assert.equal(role.code, 2)
    assert.match(role.stderr, /role: one of contributor, author, editor, admin/)
    const short = await khabarUser(dir, ['add', 'ali@example.com', '--name', 'علي', '--role', 'editor'], { KHABAR_PASSWORD: 'short' })
    assert.equal(short.code, 2)
    assert.match(short.stderr, /password: shorter than 10 characters/)
    assert.equal((await khabarUser(dir, ['list'])).stdout, '')
  })

  it('refuses an address already taken with exit 1, keeping the first member', async (t) => {
    const dir = tempDir(t)
    await khabarUser(dir, ['add', 'sara@example.com', '--name', 'سارة', '--role', 'editor'], { KHABAR_PASSWORD: 'a long passphrase' })
    const again = await khabarUser(dir, ['add', 'SARA@example.com', '--name', 'أخرى', '--role', 'admin'], { KHABAR_PASSWORD: 'another passphrase' })
    assert.equal(again.code, 1)
    assert.match(again.stderr, /already exists: sara@example\.com/)
    assert.equal((await khabarUser(dir, ['list'])).stdout, 'sara@example.com\teditor\tactive\tسارة\n')
  })

  it('asks for KHABAR_PASSWORD rather than read a password from a pipe', async (t) => {
    const dir = tempDir(t)
    const run = await khabarUser(dir, ['add', 'sara@example.com', '--name', 'سارة', '--role', 'admin'])
    assert.equal(run.code, 2)
    assert.match(run.stderr, /set KHABAR_PASSWORD/)
  })

  it('shows its usage with exit 2 for a missing address, an unknown verb or option', async (t) => {
    const dir = tempDir(t)
    for (const args of [['add'], ['remove', 'x@example.com'], ['add', 'x@example.com', '--nam', 'x'], ['list', 'extra']]) {
      const run = await khabarUser(dir, args)
      assert.equal(run.code, 2, args.join(' '))
      assert.match(run.stderr, /usage: khabar user add EMAIL/)
    }
  })
})

describe('khabar token create', () => {
  it('prints a new token for a member as its last line, which then acts as that member', async (t) => {
    const dir = tempDir(t)
    await khabarUser(dir, ['add', 'sara@example.com', '--name', 'سارة', '--role', 'editor'], { KHABAR_PASSWORD: 'a long passphrase' })
    const made = await khabarToken(dir, ['create', 'sara@example.com', '--label', 'نظام النشر'])
    assert.equal(made.code, 0, made.stderr)
    const token = made.stdout.trimEnd().split('\n').at(-1)!
    assert.match(token, /^khabar_[A-Za-z0-9_-]{43}$/)
    const store = await openSqliteStore(join(dir, 'khabar.db'))
    t.after(() => store.close())
    assert.equal((await apiTokenUser({ tokens: store.tokens }, token))?.email, 'sara@example.com')
  })

  it('names an unknown member with exit 1 and a bad command with exit 2', async (t) => {
    const dir = tempDir(t)
    const unknown = await khabarToken(dir, ['create', 'nobody@example.com'])
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /not found: nobody@example\.com/)
    for (const args of [['create'], ['revoke', 'x@example.com'], ['create', 'x@example.com', '--lable', 'y']]) {
      assert.equal((await khabarToken(dir, args)).code, 2, args.join(' '))
    }
  })
})

function khabarToken(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [KHABAR, 'token', ...args], { env: { ...process.env, KHABAR_DATA_DIR: dataDir, KHABAR_DEMO: '0' } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }))
  })
}
