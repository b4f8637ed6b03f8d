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
