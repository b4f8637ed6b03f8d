import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Dialog, Page, Request } from 'playwright-core'
import { SECURITY_HEADERS } from '../../src/web/hooks/front-hook.js'
import { launchChromium, watchErrors } from './browser.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const ASSETS = join(ROOT, 'src/web/assets')
const BUNDLE = join(ASSETS, 'newsroom/editor.js')
const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'
const AUTOSAVE = '/newsroom/articles/12/autosave'

// The form the newsroom will render (see src/web/newsroom/client/editor.ts), on a static page.
const HARNESS = `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>تحرير</title><link rel="stylesheet" href="/assets/site.css"><link rel="stylesheet" href="/assets/newsroom.css"></head>
<body><main>
<form id="article-form" method="post" action="/newsroom/articles/12" data-autosave-url="${AUTOSAVE}">
  <input type="hidden" name="_csrf" value="csrf-token-12">
  <label for="title">العنوان</label><input id="title" name="title" value="خبر للتجربة">
  <label for="body">نص الخبر</label>
  <textarea id="body" name="body" data-editor dir="auto"></textarea>
  <p data-word-count></p> <p data-autosave-status role="status"></p>
  <button name="intent" value="save">حفظ</button>
</form>
</main><script type="module" src="/assets/newsroom/editor.js"></script></body></html>`

const require = createRequire(import.meta.url)
const FONT_DIRS = ['@fontsource/noto-naskh-arabic', '@fontsource/noto-kufi-arabic']
  .map((pkg) => join(dirname(require.resolve(`${pkg}/package.json`)), 'files'))
const TYPES: Record<string, string> = { '.css': 'text/css', '.js': 'text/javascript', '.woff2': 'font/woff2' }

/** Serves the harness page (under the site's CSP), the built bundle, the stylesheets and the fonts, as the app would. */
function serveHarness(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const file = path.startsWith('/assets/fonts/')
      ? FONT_DIRS.map((d) => join(d, path.slice('/assets/fonts/'.length))).find(existsSync)
      : path.startsWith('/assets/') ? join(ASSETS, path.slice('/assets/'.length)) : undefined
    if (path === '/') res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' }).end(HARNESS)
    else if (file && !file.includes('..') && existsSync(file)) {
      res.writeHead(200, { 'content-type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(readFileSync(file))
    } else res.writeHead(404).end()
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })
  }))
}

/** Answers the page's prompts and alerts in order, recording each message. */
function answerDialogs(page: Page, answers: Array<string | null>): string[] {
  const seen: string[] = []
  page.on('dialog', (d: Dialog) => {
    seen.push(`${d.type()}: ${d.message()}`)
    if (d.type() !== 'prompt') { void d.accept(); return }
    const answer = answers.shift()
    void (answer === null || answer === undefined ? d.dismiss() : d.accept(answer))
  })
  return seen
}

const bodyValue = (page: Page) => page.locator('textarea#body').inputValue()
const tool = (page: Page, name: string) => page.getByRole('toolbar', { name: 'أدوات التحرير' }).getByRole('button', { name, exact: true })

let browser: Browser
let site: { url: string; server: Server }

before(async () => {
  if (!existsSync(BUNDLE)) {
    throw new Error(`${BUNDLE} is missing: run \`npm run build:assets\` (npm install runs it too)`)
  }
  site = await serveHarness()
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  site?.server.close()
})

describe('the newsroom editor in Chromium', () => {
  it('writes Arabic with headings, lists, links and an embed into the textarea, and autosaves it', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Asia/Riyadh' })
    const page = await context.newPage()
    const errors = watchErrors(page)
    const saves: Request[] = []
    await page.route(`**${AUTOSAVE}`, (route) => {
      saves.push(route.request())
      void route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ savedAt: '2026-11-29T11:05:00.000Z' }) })
    })
    const dialogs = answerDialogs(page, ['https://example.com/source', 'https://evil.example/watch?v=dQw4w9WgXcQ', 'https://youtu.be/dQw4w9WgXcQ'])
    await page.goto(site.url + '/')

    // 1. The textarea gives way to an accessible editor.
    const editor = page.getByRole('textbox', { name: 'نص الخبر' })
    await editor.waitFor()
    assert.equal(await editor.getAttribute('contenteditable'), 'true')
    assert.equal(await editor.getAttribute('aria-multiline'), 'true')
    assert.equal(await page.locator('textarea#body').isHidden(), true)
    assert.equal(await page.locator('.editor').getAttribute('dir'), 'rtl')
    assert.equal(await page.locator('.editor').getAttribute('lang'), 'ar')

    // 2. Arabic with its own punctuation and an English phrase, typed as is.
    const sentence = 'قال المتحدث «نعم»، هل جاء؟ breaking news اليوم؛ انتهى.'
    await editor.click()
    await page.keyboard.type(sentence)
    await page.waitForFunction(() => document.querySelector('[data-word-count]')?.textContent?.startsWith('9 '))
    assert.equal(await page.locator('[data-word-count]').textContent(), '9 كلمات · قراءة دقيقة واحدة')

    // 3. A subheading and a list from the toolbar.
    await page.keyboard.press('Enter')
    await page.keyboard.type('عنوان فرعي للخبر')
    await tool(page, 'عنوان فرعي').click()
    assert.equal(await tool(page, 'عنوان فرعي').getAttribute('aria-pressed'), 'true')
    assert.equal(await tool(page, 'فقرة').getAttribute('aria-pressed'), 'false')
    await page.keyboard.press('Enter')
    await tool(page, 'قائمة').click()
    assert.equal(await tool(page, 'قائمة').getAttribute('aria-pressed'), 'true')
    await page.keyboard.type('البند الأول')
    await page.keyboard.press('Enter')
    await page.keyboard.type('البند الثاني')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter') // an empty item leaves the list

    // 4. A link by Ctrl-K on the selected word.
    await page.keyboard.type('المصدر')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.press('Control+k')
    assert.equal(await tool(page, 'رابط').getAttribute('aria-pressed'), 'true')
    await page.keyboard.press('End')

    // 5. An address that is no embed is refused with an alert; a youtu.be one is inserted, canonical.
    await tool(page, 'تضمين').click()
    assert.doesNotMatch(await bodyValue(page), /data-embed/)
    await tool(page, 'تضمين').click()
    await page.locator('.editor-embed').waitFor()
    assert.match(await page.locator('.editor-embed').textContent() ?? '', /يوتيوب/)
    assert.equal(await page.locator('.editor-embed').getAttribute('contenteditable'), 'false')

    assert.deepEqual(dialogs.map((d) => d.split(':')[0]), ['prompt', 'prompt', 'alert', 'prompt'])
    const html = await bodyValue(page)
    assert.ok(html.includes(`<p dir="auto">${sentence}</p>`), html)
    assert.ok(html.includes('<h2 dir="auto">عنوان فرعي للخبر</h2>'), html)
    assert.ok(html.includes('<ul><li><p dir="auto">البند الأول</p></li><li><p dir="auto">البند الثاني</p></li></ul>'), html)
    assert.ok(html.includes('<a href="https://example.com/source">المصدر</a>'), html)
    assert.ok(html.includes(`<figure data-embed="youtube"><a href="${VIDEO}">${VIDEO}</a></figure>`), html)
    assert.equal(await page.locator('[data-word-count]').textContent(), '17 كلمة · قراءة دقيقة واحدة')

    // 6. Four seconds after the last change, one autosave with the form's token and the editor's HTML.
    await page.waitForFunction(() => document.querySelector('[data-autosave-status]')?.textContent !== '', null, { timeout: 10_000 })
    assert.equal(await page.locator('[data-autosave-status]').textContent(), 'حُفظ تلقائياً \u200E14:05')
    assert.equal(saves.length, 1)
    const save = saves[0]!
    assert.equal(save.method(), 'POST')
    assert.equal(await save.headerValue('x-csrf-token'), 'csrf-token-12')
    assert.equal(await save.headerValue('accept'), 'application/json')
    assert.match(String(await save.headerValue('content-type')), /^application\/x-www-form-urlencoded/)
    const posted = new URLSearchParams(save.postDataBuffer()?.toString('utf8') ?? '')
    assert.ok(posted.get('body')?.includes(`<figure data-embed="youtube"><a href="${VIDEO}">${VIDEO}</a></figure>`))
    assert.ok([...posted.values()].some((v) => v.includes('خبر للتجربة')), 'the other fields go too')

    // 7. Text blocks follow their own text; containers stay right to left (a dir="auto" list or
    // quote would fall back to LTR, its children's text not counting).
    const direction = (selector: string) => page.locator(`.editor__content ${selector}`).first().evaluate((el) => getComputedStyle(el).direction)
    assert.equal(await direction('ul'), 'rtl')
    assert.equal(await direction('h2'), 'rtl')
    await page.keyboard.press('Enter')
    await page.keyboard.type('An English paragraph.')
    await tool(page, 'اقتباس').click()
    assert.equal(await direction('blockquote'), 'rtl')
    assert.equal(await direction('blockquote p'), 'ltr')

    // 8. At 390px the toolbar wraps instead of overflowing.
    const bar = page.getByRole('toolbar', { name: 'أدوات التحرير' })
    assert.ok(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth))
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('reaches the toolbar by Tab and moves along it with the arrow keys, right to left', async () => {
    const page = await browser.newPage()
    await page.goto(site.url + '/')
    await page.getByRole('textbox', { name: 'نص الخبر' }).waitFor()
    await page.locator('#title').focus()
    await page.keyboard.press('Tab')
    const focused = () => page.evaluate(() => document.activeElement?.textContent)
    assert.equal(await focused(), 'فقرة')
    await page.keyboard.press('ArrowLeft')
    assert.equal(await focused(), 'عنوان فرعي')
    await page.keyboard.press('End')
    assert.equal(await focused(), 'تضمين')
    await page.keyboard.press('Tab') // one tab stop for the whole toolbar: next is the text
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'textbox')
    await page.close()
  })

  it('shows a failed autosave and tries again on the next change, never two at once', async () => {
    const page = await browser.newPage()
    let answer = 500
    let inFlight = 0
    let most = 0
    const statuses: number[] = []
    await page.route(`**${AUTOSAVE}`, async (route) => {
      most = Math.max(most, ++inFlight)
      statuses.push(answer)
      await new Promise((r) => setTimeout(r, 300))
      inFlight--
      await route.fulfill({ status: answer, contentType: 'application/json', body: JSON.stringify(answer === 200 ? { savedAt: new Date().toISOString() } : { error: { code: 'x' } }) })
    })
    await page.clock.install()
    await page.goto(site.url + '/')
    const editor = page.getByRole('textbox', { name: 'نص الخبر' })
    await editor.click()
    await page.keyboard.type('خبر')
    await page.clock.runFor(4_100)
    const status = page.locator('[data-autosave-status]')
    await page.waitForFunction(() => document.querySelector('[data-autosave-status]')?.textContent === 'تعذّر الحفظ التلقائي')
    await page.clock.runFor(10_000)
    assert.equal(statuses.length, 1, 'no retry without a change')

    answer = 200
    await page.keyboard.type(' عاجل')
    await page.clock.runFor(4_100)
    // A change while that save is out is saved after it, not alongside it.
    await page.keyboard.type(' جديد')
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
      document.dispatchEvent(new Event('visibilitychange'))
    })
    await page.waitForFunction(() => document.querySelector('[data-autosave-status]')?.textContent?.startsWith('حُفظ تلقائياً'))
    await page.clock.runFor(5_000)
    await page.waitForFunction(() => true)
    assert.match(await status.textContent() ?? '', /^حُفظ تلقائياً \u200E\d\d:\d\d$/)
    assert.equal(most, 1)
    assert.deepEqual(statuses, [500, 200, 200])
    await page.close()
  })
})
