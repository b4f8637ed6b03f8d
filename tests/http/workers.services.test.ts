import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTestSchema } from '../support/postgres.js'

const KHABAR = fileURLToPath(new URL('../../bin/khabar.js', import.meta.url))

/** The schema goes into the URL, as an operator's would carry any other connection option. */
const inSchema = (url: string, schema: string) => `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`

/** `khabar serve` with two workers on PostgreSQL; resolves with its address once both listen. */
function serveWithWorkers(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KHABAR, 'serve'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const collect = (chunk: Buffer) => {
      out += chunk.toString()
      const m = /2 workers serving on port (\d+)/.exec(out)
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}`, output: () => out })
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)
    child.once('exit', (code) => reject(new Error(`khabar serve exited with ${code}:\n${out}`)))
  })
}

/** GETs `path` until each of the two workers has answered once; returns the bodies by worker. */
async function fromEveryWorker(base: string, path: string): Promise<Map<string, { status: number; body: string }>> {
  const seen = new Map<string, { status: number; body: string }>()
  for (let i = 0; i < 50 && seen.size < 2; i++) {
    const res = await fetch(base + path)
    const worker = res.headers.get('x-khabar-worker') ?? '?'
    const body = await res.text()
    if (!seen.has(worker)) seen.set(worker, { status: res.status, body })
  }
  assert.equal(seen.size, 2, `both workers answered ${path}: ${[...seen.keys()]}`)
  return seen
}

function khabarImport(env: NodeJS.ProcessEnv, file: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [KHABAR, 'import', 'ndjson', file], { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? -1) : 0, out: stdout + stderr })
    })
  })
}

describe('khabar serve --workers on PostgreSQL', () => {
  it('serves the demo from two workers, shows an import on the next request to each, and stops cleanly on SIGTERM', { timeout: 120_000 }, async (t) => {
    const schema = await createTestSchema()
    const dir = mkdtempSync(join(tmpdir(), 'khabar-workers-'))
    t.after(async () => {
      rmSync(dir, { recursive: true, force: true })
      await schema.drop()
    })
    const env = {
      PORT: '0', HOST: '127.0.0.1', KHABAR_DATA_DIR: dir, KHABAR_WORKERS: '2', KHABAR_DEMO: '1',
      KHABAR_DATABASE_URL: inSchema(schema.url, schema.schema), KHABAR_SECRET: 'a-secret-every-worker-shares-0123',
      KHABAR_REDIS_URL: process.env.KHABAR_TEST_REDIS_URL,
    }
    const server = await serveWithWorkers(env)
    t.after(() => { server.child.kill('SIGKILL') })

    // 1. The demo was added once (boot work runs under the lock), and every worker serves it.
    assert.equal((server.output().match(/demo content added/g) ?? []).length, 1, server.output())
    for (const [, page] of await fromEveryWorker(server.base, '/')) assert.equal(page.status, 200)
    const hits = await (await fetch(`${server.base}/api/v1/search?q=${encodeURIComponent('الامريكيه')}`)).json() as { total: number }
    assert.ok(hits.total > 0, 'search folds the reader\'s spelling on PostgreSQL too')

    // 2. Both workers have the home page cached; an import from another process changes it.
    await fromEveryWorker(server.base, '/')
    const title = `خبر عاجل من الاستيراد ${Date.now()}`
    const feed = join(dir, 'one.ndjson')
    writeFileSync(feed, JSON.stringify({
      id: 'workers:1', title, body: 'نص الخبر المستورد أثناء عمل الموقع.', category: 'world', category_ar: 'العرب والعالم',
      date: new Date().toISOString(),
    }) + '\n')
    const imported = await khabarImport(env, feed)
    assert.equal(imported.code, 0, imported.out)
    for (const [worker, page] of await fromEveryWorker(server.base, '/')) {
      assert.ok(page.body.includes(title), `worker ${worker} shows the imported story on its next request`)
    }

    // 3. SIGTERM: the supervisor passes it on, the workers finish and close their pools, exit 0.
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)))
    server.child.kill('SIGTERM')
    assert.equal(await exited, 0, server.output())
  })
})
