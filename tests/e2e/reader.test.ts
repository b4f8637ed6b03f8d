import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { SCREENSHOT_DIR, pngSize, startSiteAndBrowser, watchErrors } from './browser.js'

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

/** The web fonts site.css declares, in the weights the pages use: Naskh for text, Kufi for headings. */
const WEB_FONTS = ['400 16px "Noto Naskh Arabic"', '700 16px "Noto Kufi Arabic"']

type Box = { x: number; y: number; width: number; height: number }

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox()
  assert.ok(b, `${selector} is rendered`)
  return b
}

/** Boxes of an element's children, in document order. */
async function childBoxes(page: Page, selector: string): Promise<Box[]> {
  const boxes = await page.locator(`${selector} > *`).evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect()
    return { x: r.x, y: r.y, width: r.width, height: r.height }
  }))
  assert.ok(boxes.length >= 2, `${selector} has at least two children`)
  return boxes
}

/** `a` sits wholly below `b` (stacked in one column). */
const below = (a: Box, b: Box) => a.y >= b.y + b.height - 1
/** `a` sits wholly left of `b` (beside it; in RTL, `b` comes first). */
const leftOf = (a: Box, b: Box) => a.x + a.width <= b.x + 1

/**
 * What every screenshot is meant to show, whatever the page: a right-to-left Arabic document, the
 * web fonts loaded, nothing wider than the viewport, and the page's headline visible on screen.
 */
async function assertReadableRtlPage(page: Page, width: number, headline: string): Promise<void> {
  const facts = await page.evaluate((fonts) => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    htmlDirection: getComputedStyle(document.documentElement).direction,
    mainDirection: getComputedStyle(document.querySelector('main')!).direction,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    // check() is also true for a family no @font-face declares, so also ask for loaded faces by name.
    fontsReady: fonts.map((f) => document.fonts.check(f, 'خبر عاجل')),
    loadedFamilies: [...new Set([...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, '')))].sort(),
  }), WEB_FONTS)
  assert.equal(facts.innerWidth, width)
  assert.equal(facts.lang, 'ar')
  assert.equal(facts.dir, 'rtl')
  assert.equal(facts.htmlDirection, 'rtl')
  assert.equal(facts.mainDirection, 'rtl')
  assert.ok(facts.scrollWidth <= width, `no horizontal overflow: scrollWidth ${facts.scrollWidth} > ${width}`)
  assert.deepEqual(facts.fontsReady, WEB_FONTS.map(() => true), `web fonts loaded: ${WEB_FONTS.join(', ')}`)
  assert.deepEqual(facts.loadedFamilies, ['Noto Kufi Arabic', 'Noto Naskh Arabic'])
  const title = page.locator(headline).first()
  assert.ok(await title.isVisible(), `${headline} is visible`)
  const b = await box(page, headline)
  assert.ok(b.width > 0 && b.height > 0 && b.x >= 0 && b.x + b.width <= width + 1, `${headline} lies within the viewport: ${JSON.stringify(b)}`)
  assert.ok(b.y < 900, `${headline} is above the fold`)
}

/** The first line of `selector`'s text starts at the right edge of its box, as right-to-left text does. */
async function assertTextStartsAtRight(page: Page, selector: string): Promise<void> {
  const { box, first } = await page.locator(selector).first().evaluate((el) => {
    const range = document.createRange()
    range.selectNodeContents(el)
    const r = el.getBoundingClientRect()
    const line = range.getClientRects()[0]!
    return { box: { left: r.left, right: r.right }, first: { left: line.left, right: line.right } }
  })
  assert.ok(Math.abs(box.right - first.right) <= 2, `${selector} starts at its right edge: first line's right edge at ${first.right}, box's at ${box.right}`)
}

/** A full-page screenshot to `name`, then checks that the file is a PNG of the viewport's width and the page's height. */
async function capture(page: Page, name: string, width: number): Promise<void> {
  const file = join(SCREENSHOT_DIR, name)
  rmSync(file, { force: true }) // a file left by an earlier run must not pass for this one
  await page.screenshot({ path: file, fullPage: true })
  assert.ok(existsSync(file), `${file} was written`)
  const png = pngSize(file)
  assert.equal(png.width, width, `${name} is ${width}px wide`)
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight)
  assert.ok(png.height > 900, `${name} is a full-page capture, taller than the viewport (${png.height}px)`)
  assert.ok(Math.abs(png.height - pageHeight) <= 2, `${name} is the page's height: ${png.height}px vs ${pageHeight}px`)
}

describe('screenshots', () => {
  for (const width of [390, 1280]) {
    it(`captures home at ${width}px, laid out right to left in ${width < 1000 ? 'one column' : 'columns'}`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' })
      const errors = watchErrors(page)
      await page.goto(site.url + '/')
      await page.evaluate(() => document.fonts.ready)
      await assertReadableRtlPage(page, width, 'section.slider li.slide .slide-title')
      const slider = await box(page, '.home-top > .slider')
      const latest = await box(page, '.home-top > .latest')
      const desk = await childBoxes(page, '.desk-grid')
      if (width === 390) {
        assert.ok(below(latest, slider), 'latest stories come under the slider')
        for (const [i, card] of desk.entries()) {
          assert.ok(Math.abs(card.x - desk[0]!.x) <= 1 && Math.abs(card.width - desk[0]!.width) <= 1, `desk card ${i} is in the one column`)
          if (i > 0) assert.ok(below(card, desk[i - 1]!), `desk card ${i} is under card ${i - 1}`)
        }
      } else {
        assert.ok(leftOf(latest, slider) && latest.y < slider.y + slider.height, 'latest stories sit beside the slider, at its left')
        const firstRow = desk.filter((card) => Math.abs(card.y - desk[0]!.y) <= 1)
        assert.ok(firstRow.length >= 3, `a desk shows its stories side by side (${firstRow.length} in the first row)`)
        for (let i = 1; i < firstRow.length; i++) assert.ok(leftOf(firstRow[i]!, firstRow[i - 1]!), `desk card ${i} is left of card ${i - 1}`)
      }
      await capture(page, `home-${width}.png`, width)
      assert.deepEqual(errors, [])
      await page.close()
    })

    it(`captures article at ${width}px, laid out right to left in ${width < 1000 ? 'one column' : 'two columns'}`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' })
      const errors = watchErrors(page)
      await page.goto(articleUrl)
      await page.evaluate(() => document.fonts.ready)
      await assertReadableRtlPage(page, width, 'h1#headline')
      await assertTextStartsAtRight(page, 'h1#headline')
      const story = await box(page, '.article-layout > .story')
      const related = await box(page, '.article-layout > .related')
      if (width === 390) {
        assert.ok(below(related, story), 'related stories come under the story')
        assert.ok(Math.abs(related.x - story.x) <= 1 && Math.abs(related.width - story.width) <= 1, 'story and related share the one column')
      } else {
        assert.ok(leftOf(related, story) && related.y < story.y + story.height, 'related stories sit beside the story, at its left')
      }
      await capture(page, `article-${width}.png`, width)
      assert.deepEqual(errors, [])
      await page.close()
    })
  }
})

describe('archive, search and error pages in Chromium', () => {
  const pages = {
    'category archive': `/category/${encodeURIComponent('العرب-والعالم')}`,
    'tag archive': `/tag/${encodeURIComponent('العراق')}`,
    'search results': `/search?q=${encodeURIComponent('العراق')}`,
    'not found': '/no/such/page',
  }
  for (const width of [390, 1280]) {
    it(`lays out ${Object.keys(pages).join(', ')} right to left at ${width}px, within the viewport`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' })
      for (const [name, path] of Object.entries(pages)) {
        const res = await page.goto(site.url + path)
        assert.equal(res?.status(), name === 'not found' ? 404 : 200, name)
        await page.evaluate(() => document.fonts.ready)
        await assertReadableRtlPage(page, width, 'main h1')
        // The error page centres its heading; the others start it at the right.
        if (name !== 'not found') await assertTextStartsAtRight(page, 'main h1')
      }
      await page.close()
    })
  }
})
