import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { embedCards } from './embed-cards.js'
import { sanitizeArticleHtml, type SafeHtml } from './safe-html.js'

const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'
const POST = 'https://x.com/khabar_news/status/1790000000000000001'

describe('embedCards', () => {
  it('shows a stored YouTube embed as a link card, with no iframe, script or image', () => {
    const html = sanitizeArticleHtml(`<p>قبل</p><figure data-embed="youtube"><a href="${VIDEO}">${VIDEO}</a></figure><p>بعد</p>`)
    assert.equal(embedCards(html), '<p>قبل</p><figure class="embed embed--youtube" data-embed="youtube">'
      + `<a href="${VIDEO}" rel="noopener nofollow" class="embed__link"><span class="embed__provider">فيديو على يوتيوب</span>`
      + `<span class="embed__url" dir="ltr">${VIDEO}</span></a></figure><p>بعد</p>`)
  })

  it('names X for an X post, and turns every embed of a body into a card', () => {
    const one = `<figure data-embed="x"><a href="${POST}">${POST}</a></figure>`
    const out = embedCards(sanitizeArticleHtml(one + one))
    assert.equal(out.match(/class="embed embed--x"/g)?.length, 2)
    assert.match(out, /<span class="embed__provider">منشور على X<\/span>/)
    assert.doesNotMatch(out, /iframe|script|img/)
  })

  it('returns a body without embeds as it is', () => {
    const html = sanitizeArticleHtml('<p>نص <a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">فيديو</a></p><figure><img src="/media/a.jpg" /></figure>')
    assert.equal(embedCards(html), html)
  })

  it('leaves a figure that is not the canonical stored form alone', () => {
    const html = `<figure data-embed="youtube"><a href="https://evil.example/" rel="noopener nofollow">x</a></figure>` as SafeHtml
    assert.equal(embedCards(html), html)
  })
})
