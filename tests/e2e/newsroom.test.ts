import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core'
import { setupToken } from '../../src/web/index.js'
import { SCREENSHOT_DIR, pngSize, startSiteAndBrowser, watchErrors } from './browser.js'

const SECRET = 'e2e-newsroom-secret-0123456789abcdef'
const PASSWORD = 'كلمة سر طويلة للتجربة'
const BUNDLE = join(process.cwd(), 'src/web/assets/newsroom/editor.js')
const TITLE = 'الأمم المتحدة تطلق خطة Climate Action في المنطقة العربية'

let site: Awaited<ReturnType<typeof startSiteAndBrowser>>
let browser: Browser

before(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build:assets\` (npm install runs it too)`)
  site = await startSiteAndBrowser({ KHABAR_SECRET: SECRET })
  browser = site.browser
})
after(async () => { await site?.close() })

async function member(width: number): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, timezoneId: 'Asia/Riyadh', locale: 'ar' })
  const page = await context.newPage()
  return { context, page, errors: watchErrors(page) }
}

async function signIn(page: Page, email: string) {
  await page.goto(`${site.url}/newsroom`)
  await page.getByLabel('البريد الإلكتروني').fill(email)
  await page.getByLabel('كلمة المرور').fill(PASSWORD)
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click()
  await page.getByRole('heading', { name: 'لوحة التحرير' }).waitFor()
}

async function shot(page: Page, name: string, width: number) {
  const file = join(SCREENSHOT_DIR, `newsroom-${name}-${width}.png`)
  // From the top: the editor's toolbar is sticky, and would be drawn where the focused field left the page scrolled.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: file, fullPage: true })
  assert.equal(pngSize(file).width, width)
}

/** A datetime-local value a minute or two ahead, in the newsroom's time (UTC+3). */
function aMinuteAhead(): { value: string; at: Date } {
  const at = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000)
  return { value: new Date(at.getTime() + 3 * 3_600_000).toISOString().slice(0, 16), at }
}

async function eventually(check: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 2_000))
  }
}

describe('the newsroom in Chromium: from the first administrator to a corrected story', () => {
  it('sets up, files, reviews, compares, schedules, publishes and corrects a story', { timeout: 240_000 }, async () => {
    // 1. The first administrator, through the one-time setup link, adds a contributor and an editor.
    const admin = await member(1280)
    await admin.page.goto(`${site.url}/newsroom/setup/${setupToken(SECRET)}`)
    await admin.page.getByLabel('الاسم').fill('مديرة الموقع')
    await admin.page.getByLabel('البريد الإلكتروني').fill('admin@example.com')
    await admin.page.getByLabel('كلمة المرور').fill(PASSWORD)
    await admin.page.getByRole('button', { name: 'إنشاء الحساب' }).click()
    await admin.page.getByRole('heading', { name: 'لوحة التحرير' }).waitFor()
    for (const [name, email, role] of [['رامي المراسل', 'reporter@example.com', 'مراسل'], ['سلمى المحررة', 'editor@example.com', 'محرر']]) {
      await admin.page.goto(`${site.url}/newsroom/users`)
      await admin.page.getByLabel('الاسم').fill(name!)
      await admin.page.getByLabel('البريد الإلكتروني').fill(email!)
      await admin.page.getByLabel('الدور').selectOption({ label: role! })
      await admin.page.getByLabel('كلمة المرور').fill(PASSWORD)
      await admin.page.getByRole('button', { name: 'إضافة العضو' }).click()
      await admin.page.getByText(email!).waitFor()
    }
    assert.deepEqual(admin.errors, [])

    // 2. The contributor, on a phone, writes a story mixing Arabic and English with a link, and submits it.
    const reporter = await member(390)
    await signIn(reporter.page, 'reporter@example.com')
    await shot(reporter.page, 'dashboard', 390)
    await reporter.page.getByRole('link', { name: 'خبر جديد' }).first().click()
    await reporter.page.getByLabel('العنوان').fill(TITLE)
    await reporter.page.getByLabel('القسم').selectOption({ index: 1 })
    // The editor's script replaces the textarea; wait for it, and say what the page reported if it never comes.
    await reporter.page.locator('.editor [contenteditable="true"][role="textbox"]').waitFor({ timeout: 20_000 })
      .catch((e: Error) => { throw new Error(`the editor did not mount: ${e.message}\npage errors: ${reporter.errors.join('\n') || 'none'}`) })
    const body = reporter.page.getByRole('textbox', { name: 'نص الخبر' })
    await body.click()
    await reporter.page.keyboard.type('أعلنت الأمم المتحدة اليوم خطة جديدة للمناخ تحت اسم Climate Action، وقالت إنها تبدأ في ')
    reporter.page.once('dialog', (d: Dialog) => void d.accept('https://www.un.org/ar/climatechange'))
    await reporter.page.keyboard.type('العام المقبل')
    await reporter.page.keyboard.press('Shift+Home')
    await reporter.page.keyboard.press('Control+k')
    await reporter.page.keyboard.press('End')
    await reporter.page.keyboard.type('.')
    await reporter.page.getByLabel('مكان الخبر').fill('نيويورك')
    await reporter.page.getByLabel('المصدر').fill('وكالات')
    await shot(reporter.page, 'editor', 390)
    await reporter.page.getByRole('button', { name: 'إرسال للمراجعة' }).click()
    await reporter.page.getByText('أُرسل الخبر للمراجعة.').waitFor()
    const storyUrl = reporter.page.url().split('?')[0]!
    assert.match(storyUrl, /\/newsroom\/articles\/\d+$/)
    assert.deepEqual(reporter.errors, [])

    // 3. The editor sees it waiting for review, changes it, and reads the change word by word.
    const editor = await member(1280)
    await signIn(editor.page, 'editor@example.com')
    const waiting = editor.page.getByRole('region', { name: 'بانتظار المراجعة' })
    await waiting.getByRole('link', { name: TITLE }).waitFor()
    await shot(editor.page, 'dashboard', 1280)
    await waiting.getByRole('link', { name: TITLE }).click()
    const stored = await editor.page.locator('textarea#body').inputValue()
    assert.match(stored, /<a [^>]*href="https:\/\/www\.un\.org\/ar\/climatechange"[^>]*>[^<]*العام المقبل/)
    assert.match(stored, /Climate Action/)
    await shot(editor.page, 'editor', 1280)
    await editor.page.getByLabel('العنوان').fill(`${TITLE} الشاملة`)
    await editor.page.getByRole('button', { name: 'حفظ', exact: true }).click()
    await editor.page.getByText('حُفظ الخبر.').waitFor()
    await editor.page.getByRole('link', { name: 'النسخ السابقة' }).click()
    await editor.page.getByRole('link', { name: 'مقارنة بما قبلها' }).first().click()
    assert.equal(await editor.page.locator('.word-diff ins').first().textContent(), 'الشاملة')

    // 4. Scheduled a minute ahead, it reaches the home page and search without a restart.
    await editor.page.goto(storyUrl)
    const { value, at } = aMinuteAhead()
    await editor.page.getByLabel(/موعد النشر/).fill(value)
    await editor.page.getByRole('button', { name: 'جدولة' }).click()
    await editor.page.getByText('جُدول الخبر.').waitFor()
    const reader = await member(1280)
    await reader.page.goto(site.url + '/')
    assert.equal(await reader.page.getByText(`${TITLE} الشاملة`).count(), 0, 'not before its time')
    await eventually(async () => Date.now() >= at.getTime(), 150_000, 'the scheduled time')
    await eventually(async () => {
      await reader.page.goto(site.url + '/')
      return (await reader.page.getByRole('link', { name: `${TITLE} الشاملة` }).count()) > 0
    }, 60_000, 'the story on the home page')
    await reader.page.goto(`${site.url}/search?q=${encodeURIComponent('Climate Action')}`)
    await reader.page.getByRole('link', { name: `${TITLE} الشاملة` }).first().waitFor()

    // 5. The editor adds a correction; the reader sees it on the story's page.
    await editor.page.goto(storyUrl)
    await editor.page.getByLabel('نص الملاحظة').fill('صُحّح موعد بدء الخطة.')
    await editor.page.getByRole('button', { name: 'إضافة الملاحظة' }).click()
    await editor.page.getByText('أُضيفت الملاحظة إلى الخبر.').waitFor()
    await reader.page.getByRole('link', { name: `${TITLE} الشاملة` }).first().click()
    await reader.page.getByText('صُحّح موعد بدء الخطة.').waitFor()
    assert.equal(await reader.page.getByText('تصحيح', { exact: false }).count() > 0, true)
    assert.equal(await reader.page.getByRole('link', { name: 'تحرير الخبر' }).count(), 0, 'readers get no edit link')
    assert.deepEqual(editor.errors, [])
    assert.deepEqual(reader.errors, [])
    for (const m of [admin, reporter, editor, reader]) await m.context.close()
  })
})
