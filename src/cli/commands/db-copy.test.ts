import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openSqliteStore } from '../../storage/index.js'
import { addSampleSite } from '../../../tests/support/sample-site.js'

const KHABAR = fileURLToPath(new URL('../../../bin/khabar.js', import.meta.url))

/** `khabar db …` in its own process, on the data folder `dataDir`. */
function khabarDb(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [KHABAR, 'db', ...args], { env: { ...process.env, KHABAR_DATA_DIR: dataDir } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

describe('khabar db copy', () => {
  it('copies to a SQLite file and verifies every table, refuses to copy over content, and starts over with --force', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-cli-copy-'))
    t.after(() => rmSync(dir, { recursive: true, force: true }))
    const site = join(dir, 'site')
    const store = await openSqliteStore(join(site, 'khabar.db'))
    await addSampleSite(store)
    await store.close()
    const target = join(dir, 'copy.db')

    const first = await khabarDb(site, 'copy', '--to', target)
    assert.equal(first.code, 0, first.stderr)
    assert.match(first.stdout, /^articles +4 rows {2}sha256 [0-9a-f]{12}… {2}✓$/m)
    assert.equal(first.stdout.match(/✓$/gm)?.length, 12)
    assert.match(first.stdout, /search index: 3 articles indexed/)
    assert.match(first.stdout, /verified, 12 tables identical/)

    const again = await khabarDb(site, 'copy', '--to', target)
    assert.equal(again.code, 1)
    assert.match(again.stderr, /nothing copied: .*copy\.db is not empty \(users: 2, api_tokens: 1, categories: 3, .*--force empties the target's content and starts over/)

    const forced = await khabarDb(site, 'copy', `--to=${target}`, '--force')
    assert.equal(forced.code, 0, forced.stderr)

    const back = await khabarDb(join(dir, 'other'), 'copy', '--from', target)
    assert.equal(back.code, 0, back.stderr)
    assert.match(back.stdout, /verified/)
  })

  for (const args of [['copy'], ['copy', '--to'], ['copy', '--to', 'a.db', '--from', 'b.db'], ['copy', '--to', 'a.db', '--fast'], ['move', '--to', 'a.db']]) {
    it(`exits 2 with the usage for \`khabar db ${args.join(' ')}\``, async (t) => {
      const dir = mkdtempSync(join(tmpdir(), 'khabar-cli-copy-'))
      t.after(() => rmSync(dir, { recursive: true, force: true }))
      const { code, stderr } = await khabarDb(dir, ...args)
      assert.equal(code, 2)
      assert.match(stderr, /usage: khabar db copy \(--to \| --from\)/)
    })
  }
})
