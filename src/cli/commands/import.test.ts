import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import BetterSqlite3 from 'better-sqlite3'

const KHABAR = fileURLToPath(new URL('../../../bin/khabar.js', import.meta.url))
const GOOD = readFileSync(fileURLToPath(new URL('../../../tests/fixtures/ndjson/good.ndjson', import.meta.url)), 'utf8')

/** `khabar import ndjson FILE` in its own process, on a data folder of its own. */
function khabarImport(dataDir: string, file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [KHABAR, 'import', 'ndjson', file], { env: { ...process.env, KHABAR_DATA_DIR: dataDir } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-cli-import-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

// What a terminal would act on rather than show: C0/C1 controls, DEL, bidi overrides and isolates.
const RAW_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

describe('khabar import ndjson', () => {
  it('prints control characters from a bad line and from the file name as \\u escapes, never raw', async (t) => {
    const dir = tempDir(t)
    const file = join(dir, 'feed\u001b]0;owned\u0007.ndjson')
    const [first] = GOOD.split('\n')
    writeFileSync(file, [first, '\u001b[2J\u001b[31m\u202eعاجل{', '{"id": "x\\u001b[1m", "title": 5}'].join('\n') + '\n')
    const { code, stderr } = await khabarImport(join(dir, 'data'), file)
    assert.equal(code, 3, stderr)
    const lines = stderr.trimEnd().split('\n')
    assert.equal(lines.length, 2, stderr)
    assert.doesNotMatch(stderr, RAW_CONTROLS)
    assert.ok(lines.every((l) => l.startsWith(`${dir}/feed\\u001b]0;owned\\u0007.ndjson:`)), stderr)
    assert.match(lines[0]!, /:2: skipped: field '\(line\)': not JSON: .*\\u001b\[2J\\u001b\[31m\\u202eعاجل/)
    assert.match(lines[1]!, /:3: skipped: field 'title': /)
  })

  it('says how many records were committed when a gzip file breaks off, and exits 1', async (t) => {
    const dir = tempDir(t)
    const first = JSON.parse(GOOD.split('\n')[0]!)
    const records = Array.from({ length: 1200 }, (_, i) => JSON.stringify({ ...first, id: `cut:${i + 1}`, title: `${first.title} ${i + 1}` })).join('\n') + '\n'
    const gz = gzipSync(records)
    const file = join(dir, 'cut.ndjson.gz')
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.9)))
    const { code, stdout, stderr } = await khabarImport(join(dir, 'data'), file)
    assert.equal(code, 1, stderr)
    assert.equal(stdout, '')
    const m = /^khabar import: failed after ([\d,]+) records were committed \(([\d,]+) created, 0 updated\): unexpected end of file$/.exec(stderr.trimEnd())
    assert.ok(m, stderr)
    assert.equal(m[1], m[2])
    const db = new BetterSqlite3(join(dir, 'data', 'khabar.db'), { readonly: true })
    t.after(() => db.close())
    const stored = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
    assert.ok(stored >= 1000, `${stored} stored`)
    assert.equal(m[1], stored.toLocaleString('en-US'), 'the count printed is what is stored, with thousands grouped')
  })
})
