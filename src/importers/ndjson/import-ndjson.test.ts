import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import BetterSqlite3 from 'better-sqlite3'
import type { Store } from '../../core/index.js'
import { openSqliteStore } from '../../storage/index.js'
import { ImportFailedError, importNdjson, type ImportReport } from './import-ndjson.js'

const fixture = (name: string) => fileURLToPath(new URL(`../../../tests/fixtures/ndjson/${name}`, import.meta.url))
const GOOD = fixture('good.ndjson')
const BAD_LINES = fixture('bad-lines.ndjson')

async function openStore(t: { after(fn: () => Promise<void>): void }) {
  const store = await openSqliteStore(':memory:')
  t.after(() => store.close())
  return store
}

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-ndjson-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const GOOD_IDS = ['ant:000101', 'ant:000102', 'ant:000103']

/** Stored article ids by external id, null when missing. */
async function idsOf(store: Store, externalIds: readonly string[]) {
  return Promise.all(externalIds.map((x) => store.articles.idByExternalId(x)))
}

describe('importNdjson', () => {
  it('imports every record of a good file', async (t) => {
    const store = await openStore(t)
    const report = await importNdjson(store, GOOD)
    assert.deepEqual(report, { created: 3, updated: 0, skipped: [] })
    assert.equal(await store.articles.count(), 3)
  })

  it('maps a corpus record onto an article, keeping its id as external id', async (t) => {
    const store = await openStore(t)
    await importNdjson(store, GOOD)
    const id = await store.articles.idByExternalId('ant:000101')
    assert.ok(id !== null)
    const a = (await store.articles.get(id))!
    assert.equal(a.externalId, 'ant:000101')
    assert.equal(a.title, 'الرياض تستضيف قمة اقتصادية خليجية الأسبوع المقبل')
    assert.equal(a.category.name, 'اقتصاد', 'category_ar names the desk')
    assert.equal(a.source, 'وكالات')
    assert.equal(a.status, 'published')
    assert.equal(a.publishedAt?.toISOString(), '2026-11-20T07:15:00.000Z', 'offset applied')
    assert.equal((a.bodyHtml.match(/<p>/g) ?? []).length, 3, 'one paragraph per body line')
    assert.equal(a.bodyText.split('\n')[1], 'وتبحث القمة ملفات الطاقة والتجارة البينية.')
  })

  it('drops blank lines inside a body', async (t) => {
    const store = await openStore(t)
    await importNdjson(store, GOOD)
    const a = (await store.articles.get((await store.articles.idByExternalId('ant:000102'))!))!
    assert.equal(a.bodyHtml, '<p>تأهل المنتخب الوطني إلى الدور نصف النهائي.</p>\n<p>وسجل هدف الفوز في الدقيقة الأخيرة.</p>')
  })

  it('creates each desk once, from its Arabic name', async (t) => {
    const store = await openStore(t)
    await importNdjson(store, GOOD)
    assert.deepEqual((await store.categories.all()).map((c) => c.name), ['اقتصاد', 'رياضة', 'ثقافة'])
  })

  it('imports a gzip file the same way', async (t) => {
    const store = await openStore(t)
    const gz = join(tempDir(t), 'export.ndjson.gz')
    writeFileSync(gz, gzipSync(readFileSync(GOOD)))
    assert.deepEqual(await importNdjson(store, gz), { created: 3, updated: 0, skipped: [] })
    assert.ok(await store.articles.idByExternalId('ant:000103'))
  })

  it('reads Windows line endings', async (t) => {
    const store = await openStore(t)
    const file = join(tempDir(t), 'crlf.ndjson')
    writeFileSync(file, readFileSync(GOOD, 'utf8').replace(/\n/g, '\r\n'))
    assert.deepEqual(await importNdjson(store, file), { created: 3, updated: 0, skipped: [] })
  })

  it('updates instead of duplicating when the same file is imported again', async (t) => {
    const store = await openStore(t)
    await importNdjson(store, GOOD)
    const ids = await idsOf(store, GOOD_IDS)
    const again = await importNdjson(store, GOOD)
    assert.deepEqual(again, { created: 0, updated: 3, skipped: [] })
    assert.equal(await store.articles.count(), 3)
    assert.deepEqual(await idsOf(store, GOOD_IDS), ids)
  })

  it('applies a corrected record to the stored article', async (t) => {
    const store = await openStore(t)
    await importNdjson(store, GOOD)
    const file = join(tempDir(t), 'fix.ndjson')
    const first = JSON.parse(readFileSync(GOOD, 'utf8').split('\n')[0]!)
    writeFileSync(file, JSON.stringify({ ...first, title: 'عنوان بعد التصحيح' }) + '\n')
    assert.deepEqual(await importNdjson(store, file), { created: 0, updated: 1, skipped: [] })
    const a = (await store.articles.get((await store.articles.idByExternalId('ant:000101'))!))!
    assert.equal(a.title, 'عنوان بعد التصحيح')
  })

  it('reports each bad line by number and field, and imports the good lines', async (t) => {
    const store = await openStore(t)
    const report = await importNdjson(store, BAD_LINES)
    assert.equal(report.created, 2)
    assert.equal(report.updated, 0)
    assert.deepEqual(report.skipped.map(({ line, field }) => ({ line, field })), [
      { line: 2, field: '(line)' },
      { line: 3, field: 'title' },
      { line: 4, field: 'date' },
    ])
    assert.match(report.skipped[0]!.message, /^not JSON/)
    assert.equal(report.skipped[2]!.message, 'not an ISO 8601 date')
    assert.equal(await store.articles.count(), 2)
    assert.ok((await idsOf(store, ['ant:000101', 'ant:000204'])).every((id) => id !== null))
    assert.deepEqual(await idsOf(store, ['ant:000201', 'ant:000202', 'ant:000203']), [null, null, null])
  })

  it('reports a record that fails the newsroom rules and leaves no trace of it', async (t) => {
    const store = await openStore(t)
    const file = join(tempDir(t), 'long-title.ndjson')
    const record = { id: 'ant:9', title: 'خ'.repeat(301), body: 'نص.', category: 'tech', category_ar: 'تقنية', date: '2026-11-22T09:00:00+03:00' }
    writeFileSync(file, JSON.stringify(record) + '\n')
    const report = await importNdjson(store, file)
    assert.deepEqual(report, { created: 0, updated: 0, skipped: [{ line: 1, field: 'title', message: 'longer than 300 characters' }] })
    assert.deepEqual(await store.categories.all(), [], 'the desk created for it is rolled back')
  })

  it('reports a record with an empty body', async (t) => {
    const store = await openStore(t)
    const file = join(tempDir(t), 'empty-body.ndjson')
    writeFileSync(file, JSON.stringify({ id: 'x', title: 'عنوان', body: ' \n ', category: 'news', date: '2026-11-22T09:00:00Z' }) + '\n')
    const report = await importNdjson(store, file)
    assert.deepEqual(report.skipped.map(({ line, field }) => ({ line, field })), [{ line: 1, field: 'body' }])
  })

  it('reports progress when it finishes', async (t) => {
    const store = await openStore(t)
    const calls: Array<{ report: ImportReport; line: number }> = []
    await importNdjson(store, GOOD, (p) => calls.push({ report: structuredClone(p.report), line: p.line }))
    assert.deepEqual(calls.at(-1), { report: { created: 3, updated: 0, skipped: [] }, line: 3 })
  })

  it('reads a file that starts with a UTF-8 byte order mark, its first record included', async (t) => {
    const store = await openStore(t)
    const file = join(tempDir(t), 'bom.ndjson')
    writeFileSync(file, '\uFEFF' + readFileSync(GOOD, 'utf8'))
    assert.deepEqual(await importNdjson(store, file), { created: 3, updated: 0, skipped: [] })
    assert.ok(await store.articles.idByExternalId('ant:000101'))
  })

  it('accepts only ISO 8601 dates whose calendar fields exist, and stores the instant they name', async (t) => {
    const store = await openStore(t)
    const dates = [
      // accepted, with the instant stored
      ['2020-02-29', '2020-02-29T00:00:00.000Z'],
      ['2018-02-28T10:15:00+03:00', '2018-02-28T07:15:00.000Z'],
      ['2018-12-31T23:59:59Z', '2018-12-31T23:59:59.000Z'],
      ['2018-02-28T10:15Z', '2018-02-28T10:15:00.000Z'],
      ['2018-02-28T10:15:30.25-05:30', '2018-02-28T15:45:30.250Z'],
      // refused
      ['0', null], ['2018', null], ['20180228', null], ['2018-2-28', null], ['Feb 28 2018', null], ['2018-02-28 10:15', null],
      ['2018-02-31', null], ['2019-02-29', null], ['2018-13-01', null], ['2018-00-10', null], ['2018-04-31', null],
      ['2018-02-28T24:00:00Z', null], ['2018-02-28T10:60:00Z', null], ['2018-02-28T10:15:60Z', null], ['2018-02-28T10:15:00+25:00', null],
    ] as const
    const file = join(tempDir(t), 'dates.ndjson')
    writeFileSync(file, dates.map(([date], i) => JSON.stringify({ id: `d:${i + 1}`, title: `خبر ${i + 1}`, body: 'نص.', category: 'news', date })).join('\n') + '\n')
    const report = await importNdjson(store, file)
    const refused = dates.flatMap(([date, stored], i) => (stored === null ? [{ line: i + 1, date }] : []))
    assert.deepEqual(report.skipped.map(({ line, field }) => ({ line, field })), refused.map(({ line }) => ({ line, field: 'date' })))
    for (const [k, { date }] of refused.entries()) {
      const message = report.skipped[k]!.message
      assert.match(message, /^(not an ISO 8601 date|not a calendar date)/, `${date}: ${message}`)
      if (/^\d{4}-\d{2}-\d{2}/.test(date) && date !== '2018-02-28 10:15') assert.match(message, /^not a calendar date/, `${date}: ${message}`)
    }
    assert.equal(report.created, dates.length - refused.length)
    for (const [i, [, stored]] of dates.entries()) {
      if (stored === null) continue
      const a = (await store.articles.get((await store.articles.idByExternalId(`d:${i + 1}`))!))!
      assert.equal(a.publishedAt?.toISOString(), stored)
    }
  })

  it('says how many records were committed when a gzip file breaks off, and they are stored', async (t) => {
    const store = await openStore(t)
    const dir = tempDir(t)
    const first = JSON.parse(readFileSync(GOOD, 'utf8').split('\n')[0]!)
    const records = Array.from({ length: 1200 }, (_, i) => JSON.stringify({ ...first, id: `cut:${i + 1}`, title: `${first.title} ${i + 1}` })).join('\n') + '\n'
    const gz = gzipSync(records)
    const file = join(dir, 'cut.ndjson.gz')
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.9)))
    let failure: ImportFailedError | undefined
    await assert.rejects(importNdjson(store, file), (e: unknown) => {
      assert.ok(e instanceof ImportFailedError, String(e))
      failure = e
      return true
    })
    assert.match(failure!.message, /unexpected end of file/)
    assert.ok(failure!.report.created >= 250, `${failure!.report.created} committed before the file broke off`)
    assert.equal(failure!.report.updated, 0)
    assert.equal(await store.articles.count(), failure!.report.created, 'the report counts exactly what was committed')
  })

  it('stops, skipping nothing, when another writer keeps the database past its wait', async (t) => {
    const dir = tempDir(t)
    const dbFile = join(dir, 'khabar.db')
    const store = await openSqliteStore(dbFile, { lockTimeoutMs: 200 })
    t.after(() => store.close())
    const other = new BetterSqlite3(dbFile)
    t.after(() => { if (other.inTransaction) other.exec('ROLLBACK'); other.close() })
    other.exec('BEGIN IMMEDIATE')
    let failure: ImportFailedError | undefined
    await assert.rejects(importNdjson(store, GOOD), (e: unknown) => {
      assert.ok(e instanceof ImportFailedError, String(e))
      failure = e
      return true
    })
    assert.match(failure!.message, /database is busy/)
    assert.deepEqual(failure!.report, { created: 0, updated: 0, skipped: [] }, 'no record is reported as bad for it')
    other.exec('ROLLBACK')
    assert.equal(await store.articles.count(), 0)
  })
  it('computes the related articles only once another process\'s computation of them has finished', { timeout: 10_000 }, async (t) => {
    const dbFile = join(tempDir(t), 'khabar.db')
    const [site, importer] = [await openSqliteStore(dbFile), await openSqliteStore(dbFile)]
    t.after(async () => { await importer.close(); await site.close() })
    let finishOther!: () => void
    let otherStarted = false
    const other = site.exclusively('related-articles', () => new Promise<void>((resolve) => {
      otherStarted = true
      finishOther = resolve
    }))
    while (!otherStarted) await new Promise((r) => setTimeout(r, 5))
    let imported = false
    const importing = importNdjson(importer, GOOD).then((report) => { imported = true; return report })
    await new Promise((r) => setTimeout(r, 500))
    assert.equal(imported, false, 'the import waits to compute its related articles')
    assert.equal(await site.articles.count(), 3, 'its records are stored meanwhile')
    finishOther()
    await other
    assert.deepEqual(await importing, { created: 3, updated: 0, skipped: [] })
  })
})
