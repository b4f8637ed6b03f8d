import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { htmlToText, paragraphsToHtml, sanitizeArticleHtml, type SafeHtml } from './safe-html.js'

describe('sanitizeArticleHtml', () => {
  it('drops script elements with their content', () => {
    assert.equal(sanitizeArticleHtml('<p>قبل<script>alert(1)</script>بعد</p>'), '<p>قبلبعد</p>')
  })

  it('drops event handler attributes', () => {
    const out = sanitizeArticleHtml('<img src="/media/a.png" alt="صورة" onerror="alert(1)"><p onclick="x()">نص</p>')
    assert.doesNotMatch(out, /onerror|onclick|alert/)
    assert.match(out, /<img src="\/media\/a.png" alt="صورة" \/>/)
    assert.match(out, /<p>نص<\/p>/)
  })

  it('drops javascript: and data: URLs, however they are spelled', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', 'vbscript:x']) {
      const out = sanitizeArticleHtml(`<a href="${href}">رابط</a>`)
      assert.doesNotMatch(out, /href/, href)
      assert.match(out, />رابط<\/a>/)
    }
    assert.doesNotMatch(sanitizeArticleHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=">'), /src=/)
  })

  it('drops style attributes, style elements and classes', () => {
    const out = sanitizeArticleHtml('<style>p{color:red}</style><p style="color:red" class="x" id="y">نص</p>')
    assert.equal(out, '<p>نص</p>')
  })

  it('drops iframes, objects, forms and inputs', () => {
    const out = sanitizeArticleHtml('<iframe src="https://evil.example"></iframe><object data="x"></object><form action="/x"><input name="a"><button>زر</button></form><p>باقٍ</p>')
    assert.doesNotMatch(out, /iframe|object|form|input|button/)
    assert.match(out, /<p>باقٍ<\/p>/)
  })

  it('keeps the allowed structure: headings, quotes, lists, figures, tables, inline emphasis', () => {
    const html = '<h2>عنوان</h2><blockquote>اقتباس</blockquote><ul><li>بند</li></ul><ol><li>أول</li></ol>'
      + '<figure><img src="https://cdn.example/p.jpg" alt="صورة" width="640" height="360" loading="lazy"><figcaption>تعليق</figcaption></figure>'
      + '<table><thead><tr><th>أ</th></tr></thead><tbody><tr><td>ب</td></tr></tbody></table>'
      + '<p><strong>قوي</strong> <em>مائل</em> <bdi>CNN</bdi> H<sub>2</sub>O<br>x<sup>2</sup></p><hr>'
    assert.equal(sanitizeArticleHtml(html), html.replace('loading="lazy">', 'loading="lazy" />').replace('<br>', '<br />').replace('<hr>', '<hr />'))
  })

  it('keeps dir and lang on any allowed element', () => {
    assert.equal(sanitizeArticleHtml('<p dir="ltr" lang="en">Hello</p>'), '<p dir="ltr" lang="en">Hello</p>')
  })

  it('keeps http, https and mailto links, marked noopener nofollow', () => {
    assert.equal(sanitizeArticleHtml('<a href="https://example.com/x" target="_blank">مصدر</a>'), '<a href="https://example.com/x" rel="noopener nofollow">مصدر</a>')
    assert.match(sanitizeArticleHtml('<a href="mailto:desk@example.com">راسلنا</a>'), /href="mailto:desk@example.com"/)
  })

  it('escapes text that looks like markup once parsed', () => {
    assert.equal(sanitizeArticleHtml('<p>5 &lt; 6 &amp;&amp; "نعم"</p>'), '<p>5 &lt; 6 &amp;&amp; "نعم"</p>')
  })
})

describe('paragraphsToHtml', () => {
  it('wraps each paragraph in <p>, one per line', () => {
    assert.equal(paragraphsToHtml(['الأولى', 'الثانية']), '<p>الأولى</p>\n<p>الثانية</p>')
  })

  it('escapes every markup character, interpreting nothing', () => {
    assert.equal(paragraphsToHtml([`<script>alert("x")</script> & 'y'`]),
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>')
  })

  it('gives empty HTML for no paragraphs', () => {
    assert.equal(paragraphsToHtml([]), '')
  })

  it('survives the sanitizer unchanged in meaning', () => {
    const html = paragraphsToHtml(['<b>ليس غامقاً</b>'])
    assert.doesNotMatch(sanitizeArticleHtml(html), /<b>/)
  })
})

describe('htmlToText', () => {
  it('puts block elements on their own lines', () => {
    const html = sanitizeArticleHtml('<h2>عنوان</h2><p>فقرة <strong>أولى</strong></p><ul><li>بند ١</li><li>بند ٢</li></ul><blockquote>قول</blockquote>')
    assert.equal(htmlToText(html), 'عنوان\nفقرة أولى\nبند ١\nبند ٢\nقول')
  })

  it('gives back the original paragraphs of paragraphsToHtml', () => {
    const paragraphs = ['الرئيس قال: "نعم" & \'لا\'', 'x < y > z']
    assert.equal(htmlToText(paragraphsToHtml(paragraphs)), paragraphs.join('\n'))
  })

  it('folds runs of spaces, drops blank lines and trims the ends', () => {
    assert.equal(htmlToText('<p>  كلمة    أخرى</p>\n\n<p> ثالثة </p>' as SafeHtml), 'كلمة أخرى\nثالثة')
  })

  it('decodes each entity once, so a literal "&lt;" in the text stays "&lt;"', () => {
    assert.equal(htmlToText(paragraphsToHtml(['اكتب &lt; بدل <'])), 'اكتب &lt; بدل <')
  })
})

describe('sanitizeArticleHtml and embeds', () => {
  const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'
  const POST = 'https://x.com/khabar_news/status/1790000000000000001'
  const stored = (provider: string, url: string) => `<figure data-embed="${provider}"><a href="${url}" rel="noopener nofollow">${url}</a></figure>`

  it('keeps an embed figure for a YouTube video or an X post, as the editor writes it', () => {
    assert.equal(sanitizeArticleHtml(`<figure data-embed="youtube"><a href="${VIDEO}">${VIDEO}</a></figure>`), stored('youtube', VIDEO))
    assert.equal(sanitizeArticleHtml(`<figure data-embed="x"><a href="${POST}">${POST}</a></figure>`), stored('x', POST))
  })

  it('stores the canonical address, whatever form of it the link had', () => {
    const out = sanitizeArticleHtml('<figure dir="auto" data-embed="youtube"><a title="t" href="https://youtu.be/dQw4w9WgXcQ?si=x">فيديو</a></figure>')
    assert.equal(out, stored('youtube', VIDEO))
    assert.equal(sanitizeArticleHtml(`<figure data-embed="x"><a href="https://twitter.com/khabar_news/status/1790000000000000001?s=20&amp;t=1">x</a></figure>`), stored('x', POST))
  })

  it('is unchanged by a second pass', () => {
    const once = sanitizeArticleHtml(`<p>قبل</p><figure data-embed="youtube"><a href="${VIDEO}">${VIDEO}</a></figure><p>بعد</p>`)
    assert.equal(sanitizeArticleHtml(once), once)
  })

  it('drops data-embed with any other value, and other data attributes', () => {
    assert.equal(sanitizeArticleHtml(`<figure data-embed="vimeo"><a href="${VIDEO}">v</a></figure>`), `<figure><a href="${VIDEO}" rel="noopener nofollow">v</a></figure>`)
    assert.equal(sanitizeArticleHtml(`<figure data-embed="youtube x" data-x="1"><a href="${VIDEO}">v</a></figure>`), `<figure><a href="${VIDEO}" rel="noopener nofollow">v</a></figure>`)
    assert.equal(sanitizeArticleHtml(`<p data-embed="youtube">نص</p>`), '<p>نص</p>')
  })

  it('demotes an embed whose link is a javascript: URL to a plain figure without the href', () => {
    const out = sanitizeArticleHtml('<figure data-embed="youtube"><a href="javascript:alert(1)">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>')
    assert.equal(out, '<figure><a rel="noopener nofollow">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>')
  })

  it('demotes an embed whose link points elsewhere, or to the other provider, keeping the plain link', () => {
    assert.equal(sanitizeArticleHtml(`<figure data-embed="youtube"><a href="https://evil.example/watch?v=dQw4w9WgXcQ">${VIDEO}</a></figure>`),
      `<figure><a href="https://evil.example/watch?v=dQw4w9WgXcQ" rel="noopener nofollow">${VIDEO}</a></figure>`)
    assert.equal(sanitizeArticleHtml(`<figure data-embed="x"><a href="${VIDEO}">${VIDEO}</a></figure>`), `<figure><a href="${VIDEO}" rel="noopener nofollow">${VIDEO}</a></figure>`)
    assert.equal(sanitizeArticleHtml(`<figure data-embed="youtube"><a href="http://www.youtube.com/watch?v=dQw4w9WgXcQ">v</a></figure>`),
      '<figure><a href="http://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener nofollow">v</a></figure>')
  })

  it('demotes an embed that holds more than its one link, leaving its content as it was', () => {
    for (const inner of [`<a href="${VIDEO}">v</a><figcaption>تعليق</figcaption>`, `<img src="https://cdn.example/p.jpg" /><a href="${VIDEO}">v</a>`,
      `<figure><a href="${VIDEO}">v</a></figure>`, `<a href="${VIDEO}"><strong>v</strong></a>`]) {
      const out = sanitizeArticleHtml(`<figure data-embed="youtube">${inner}</figure>`)
      assert.doesNotMatch(out, /data-embed/, inner)
      assert.match(out, /^<figure>/, inner)
    }
  })

  it('leaves an embed address out of the text', () => {
    assert.equal(htmlToText(sanitizeArticleHtml(`<p>قبل</p><figure data-embed="youtube"><a href="${VIDEO}">${VIDEO}</a></figure><p>بعد</p>`)), 'قبل\nبعد')
  })
})
