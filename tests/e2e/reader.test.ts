import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { SCREENSHOT_DIR, startSiteAndBrowser, watchErrors } from './browser.js'

let site: Awaited<ReturnType<typeof startSiteAndBrowser>>
let browser: Browser
let articleUrl: string

before(async () => {
  site = await startSiteAndBrowser()
  browser = site.browser
  const res = await fetch(`${site.url}/api/v1/articles?q=${encodeURIComponent('الكاظمي')}`)
  const { items } = await res.json() as { items: Array<{ url: string }> }
  articleUrl = site.url + items[0]!.url
})
after(async () => { await site?.close() })

describe('home page in Chromium', () => {
  it('advances the slider by button and by keyboard, without console errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' })
    const errors = watchErrors(page)
    await page.goto(site.url + '/')
    const slider = page.locator('section.slider[data-slider]')
    await slider.waitFor()
    await page.waitForFunction(() => document.querySelector('section.slider')?.getAttribute('data-current') !== null)
    const current = () => slider.getAttribute('data-current')
    assert.equal(await current(), '0')
    await page.getByRole('button', { name: 'الخبر التالي' }).click()
    assert.equal(await current(), '1')
    // Keyboard: focus a control inside the slider; in RTL, ArrowLeft moves forward.
    await page.getByRole('button', { name: 'الخبر التالي' }).focus()
    await page.keyboard.press('ArrowLeft')
    assert.equal(await current(), '2')
    await page.keyboard.press('ArrowRight')
    assert.equal(await current(), '1')
    await page.keyboard.press('Enter') // Enter on the focused "next" button activates it
    assert.equal(await current(), '2')
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('autoplays, and pauses while the pointer is over the slider', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.clock.install()
    await page.goto(site.url + '/')
    const slider = page.locator('section.slider[data-slider]')
    await page.waitForFunction(() => document.querySelector('section.slider')?.getAttribute('data-current') !== null)
    await page.mouse.move(1, 899) // away from the slider
    await page.clock.runFor(15_000)
    const advanced = Number(await slider.getAttribute('data-current'))
    assert.ok(advanced > 0, 'autoplay moved the slider')
    await slider.hover()
    await page.clock.runFor(20_000)
    assert.equal(Number(await slider.getAttribute('data-current')), advanced, 'paused while hovered')
    await page.close()
  })

  it('shows every featured story as a plain list without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await page.goto(site.url + '/')
    const slides = page.locator('section.slider li.slide')
    assert.ok((await slides.count()) >= 5)
    for (const link of await slides.locator('a').all()) assert.ok(await link.isVisible() || (await link.boundingBox()) !== null)
    await context.close()
  })
})

describe('article page in Chromium', () => {
  it('lays out right to left', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const errors = watchErrors(page)
    await page.goto(articleUrl)
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).direction), 'rtl')
    assert.equal(await page.locator('.story-body').evaluate((el) => getComputedStyle(el).direction), 'rtl')
    // In RTL the headline starts at the right: its right edge sits further right than its left edge is from the left.
    const box = (await page.locator('h1').boundingBox())!
    assert.ok(1280 - (box.x + box.width) < box.x, 'headline hugs the right side')
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('scrolls back to the top with the back-to-top button', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' })
    await page.goto(articleUrl)
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await page.waitForFunction(() => window.scrollY > 1000)
    const button = page.locator('a.back-to-top')
    await button.waitFor({ state: 'visible' })
    await button.click()
    await page.waitForFunction(() => window.scrollY === 0, undefined, { timeout: 5000 })
    await page.close()
  })

  it('submits a comment and shows the moderation notice', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const errors = watchErrors(page)
    await page.goto(articleUrl)
    await page.fill('#comment-body', 'تعليق من متصفح حقيقي: شكراً على التغطية.')
    await page.fill('#comment-name', 'قارئ الاختبار')
    await page.fill('#comment-email', 'reader@example.com')
    await Promise.all([page.waitForURL(/comment=held/), page.click('.comment-form button[type=submit]')])
    const notice = page.locator('.notice')
    await notice.waitFor()
    assert.match(await notice.innerText(), /سيظهر بعد مراجعته/)
    assert.ok(!(await page.locator('.comment-list').innerText().catch(() => '')).includes('تعليق من متصفح حقيقي'), 'held, not shown')
    assert.deepEqual(errors, [])
    await page.close()
  })
})

describe('screenshots', () => {
  for (const width of [390, 1280]) {
    it(`captures home and article at ${width}px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' })
      await page.goto(site.url + '/')
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: join(SCREENSHOT_DIR, `home-${width}.png`), fullPage: true })
      await page.goto(articleUrl)
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: join(SCREENSHOT_DIR, `article-${width}.png`), fullPage: true })
      await page.close()
    })
  }
})
