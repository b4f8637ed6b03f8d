import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { ingestArticle, paragraphsToHtml } from '../../src/core/index.js'
import { openSqliteStore } from '../../src/storage/index.js'
import { buildApp } from '../../src/web/index.js'
import { TEST_SECRET } from '../support/make-test-app.js'
import { commentForm, type ApiItem } from './support.js'

const HOST = 'khabar.test'
const RECORDS = 2500 // per file: enough that the two imports and the comments overlap for seconds
const POST_EVERY_MS = 120
const PROBE_EVERY_MS = 40
const POST_BOUND_MS = 3000
const PROBE_BOUND_MS = 250

const WORDS = ('الحكومة الوزير البرلمان الاقتصاد النفط الأسعار السوق الشركات المنتخب المباراة الدوري الملعب '
  + 'المهرجان الفيلم الكتاب المعرض الجامعة الطلاب المستشفى الأطباء المدينة القرية الشارع المطر الصيف '
  + 'الانتخابات الرئيس المعارضة الاتفاق المفاوضات الحدود اللاجئين المساعدات الزراعة القمح المياه الكهرباء '
  + 'أعلن أكد قال بحث افتتح شارك وقع ارتفع انخفض استضاف ناقش طالب رفض وافق اليوم أمس صباح مساء '
  + 'الجديد الكبير الأول الأخير الدولي المحلي العربي الخليجي الوطني العام').split(' ')
const DESKS = [['economy', 'اقتصاد'], ['sports', 'رياضة'], ['culture', 'ثقافة'], ['politics', 'سياسة'], ['society', 'مجتمع']] as const

/**
 * Deterministic synthetic Arabic records (`prefix:1` …), shaped like the corpus. Besides common
 * newsroom words, bodies draw on a few thousand made-up words, so each word is shared by a few
 * dozen stories as in real news (with a small vocabulary, relatedness compares every story with
 * every other).
 */
function generateNdjson(prefix: string, count: number, seed: number): string {
  let state = seed
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي']
  let vocabularyState = 7 // the same made-up words in every file
  const vocabularyRandom = () => (vocabularyState = (vocabularyState * 1103515245 + 12345) % 2147483648) / 2147483648
  const rare = Array.from({ length: 4000 }, () => Array.from({ length: 4 + Math.floor(vocabularyRandom() * 4) }, () => LETTERS[Math.floor(vocabularyRandom() * LETTERS.length)]).join(''))
  const word = () => (random() < 0.3 ? pick(WORDS) : pick(rare))
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ')
  const lines: string[] = []
  for (let i = 1; i <= count; i++) {
    const [category, categoryAr] = DESKS[i % DESKS.length]!
    lines.push(JSON.stringify({
      id: `${prefix}:${i}`,
      title: `${sentence(6)} ${prefix}${i}`,
      body: Array.from({ length: 4 }, () => `${sentence(14)}.`).join('\n'),
      category, category_ar: categoryAr,
      date: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      source: 'وكالات',
      url: `https://news.example/${prefix}/${i}`,
    }))
  }
  return lines.join('\n') + '\n'
}

interface Finished { code: number; stdout: string; stderr: string }

/** `khabar import ndjson FILE` as a separate process on the data folder. */
function runImport(dataDir: string, file: string): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/khabar.js', 'import', 'ndjson', file], { env: { ...process.env, KHABAR_DATA_DIR: dataDir } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    })
  })
}

describe('khabar import while the site is running', () => {
  it('two imports and readers posting comments all succeed, and the site keeps answering', async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'khabar-concurrent-'))
    const dbFile = join(dataDir, 'khabar.db')
    const store = await openSqliteStore(dbFile)
    const app = await buildApp({ store, siteName: 'خبر', siteUrl: `http://${HOST}`, secret: TEST_SECRET, mediaDir: join(dataDir, 'media'), logLevel: 'silent' })
    const counts = new BetterSqlite3(dbFile, { readonly: true })
    const countOf = counts.prepare("SELECT count(*) AS n FROM articles WHERE external_id >= ? AND external_id < ? || ';'")
    const imported = (prefix: string) => (countOf.get(`${prefix}:`, prefix) as { n: number }).n
    try {
      // 1. One article readers comment on, and its form as the page serves it.
      const { id } = await store.transaction((tx) => ingestArticle(tx, {
        externalId: null, title: 'خبر يقبل التعليقات أثناء الاستيراد', bodyHtml: paragraphsToHtml(['نص.']),
        categoryName: 'العرب والعالم', publishedAt: new Date(Date.now() - 3_600_000),
      }))
      const path = ((await app.inject(`/api/v1/articles/${id}`)).json() as ApiItem).url
      const { action, token } = commentForm((await app.inject(path)).body)
      const files = { a: join(dataDir, 'a.ndjson'), b: join(dataDir, 'b.ndjson') }
      writeFileSync(files.a, generateNdjson('a', RECORDS, 1))
      writeFileSync(files.b, generateNdjson('b', RECORDS, 2))

      // 2. Both imports at once; meanwhile comments are posted and a cheap page is probed.
      let running = true
      const imports = Promise.all([runImport(dataDir, files.a), runImport(dataDir, files.b)]).finally(() => { running = false })
      const posts: Array<Promise<{ status: number; ms: number; bothWriting: boolean }>> = []
      const probes: number[] = []
      let bothWritingSeen = 0
      let n = 0
      const startedAt = Date.now()
      while (running) {
        const a = imported('a')
        const b = imported('b')
        const bothWriting = a > 0 && a < RECORDS && b > 0 && b < RECORDS
        if (bothWriting) bothWritingSeen++
        const i = ++n
        const sent = performance.now()
        posts.push(app.inject({
          method: 'POST', url: action, remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded', host: HOST, origin: `http://${HOST}`, 'sec-fetch-site': 'same-origin' },
          payload: new URLSearchParams({ name: 'قارئ متابع', email: `reader${i}@example.com`, body: `تعليق رقم ${i} أثناء الاستيراد`, token, website: '' }).toString(),
        }).then((res) => ({ status: res.statusCode, ms: performance.now() - sent, bothWriting })))
        // A probe is due every PROBE_EVERY_MS; how late its answer comes is how long the event
        // loop was held (a synchronous wait for a lock holds it, and every request with it).
        for (let k = 0; k < POST_EVERY_MS / PROBE_EVERY_MS; k++) {
          const due = performance.now() + PROBE_EVERY_MS
          await new Promise((r) => setTimeout(r, PROBE_EVERY_MS))
          const res = await app.inject('/healthz')
          assert.equal(res.statusCode, 200)
          probes.push(performance.now() - due)
        }
        assert.ok(Date.now() - startedAt < 60_000, 'the imports finish within a minute')
      }
      const [resultA, resultB] = await imports
      const answered = await Promise.all(posts)
      const statuses = new Map<number, number>()
      for (const p of answered) statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1)
      t.diagnostic(`imports exited ${resultA.code} and ${resultB.code}; ${n} comment posts (status×count ${[...statuses].map(([s, c]) => `${s}×${c}`).join(', ')}), `
        + `slowest ${Math.round(Math.max(...answered.map((p) => p.ms)))} ms, ${answered.filter((p) => p.bothWriting).length} while both imports wrote; `
        + `latest of ${probes.length} /healthz probes answered ${Math.round(Math.max(...probes))} ms after it was due`)

      // 3. Both imports finished, every record stored exactly once.
      for (const [name, r] of [['a', resultA], ['b', resultB]] as const) {
        assert.equal(r.code, 0, `import ${name} exits 0; stderr: ${r.stderr}`)
        assert.match(r.stdout, new RegExp(`${RECORDS} created, 0 updated, 0 skipped`))
        const stored = counts.prepare("SELECT external_id AS x FROM articles WHERE external_id LIKE ? || ':%' ORDER BY external_id").all(name) as Array<{ x: string }>
        assert.deepEqual(stored.map((s) => s.x), Array.from({ length: RECORDS }, (_, i) => `${name}:${i + 1}`).sort(), `every record of ${name} stored once`)
      }

      // 4. The run really overlapped: both imports were writing while comments were posted.
      assert.ok(bothWritingSeen >= 5, `both imports were writing at ${bothWritingSeen} of ${n} posts`)
      assert.ok(answered.filter((p) => p.bothWriting).length >= 5, 'comments were posted while both imports wrote')

      // 5. Every comment was accepted, promptly, and stored; the site never stalled.
      assert.deepEqual([...statuses], [[303, answered.length]], 'every comment post answered 303 (status, count)')
      const slowest = Math.max(...answered.map((p) => p.ms))
      assert.ok(slowest < POST_BOUND_MS, `slowest comment post took ${Math.round(slowest)} ms`)
      assert.equal((counts.prepare('SELECT count(*) AS n FROM comments WHERE article_id = ?').get(id) as { n: number }).n, answered.length, 'all comments stored')
      const stalled = Math.max(...probes)
      assert.ok(stalled < PROBE_BOUND_MS, `a /healthz probe answered ${Math.round(stalled)} ms after it was due (of ${probes.length})`)
    } finally {
      counts.close()
      await app.close()
      await store.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
