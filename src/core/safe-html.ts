import sanitizeHtml from 'sanitize-html'

declare const safeHtmlBrand: unique symbol
/** HTML that went through {@link sanitizeArticleHtml}; the only HTML views may print raw. */
export type SafeHtml = string & { readonly [safeHtmlBrand]: true }

// The allow-list of what a news body may contain: text structure, links, quotes, figures.
// No scripts, styles, event handlers, iframes or forms, whatever the source.
const ARTICLE_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's',
    'a', 'br', 'hr', 'figure', 'figcaption', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'sub', 'sup', 'bdi'],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    '*': ['dir', 'lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener nofollow' }) },
}

/** Stored article HTML, cleaned by an allow-list. */
export function sanitizeArticleHtml(html: string): SafeHtml {
  return sanitizeHtml(html, ARTICLE_POLICY) as SafeHtml
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text made safe inside HTML: & < > " ' escaped, nothing else touched. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]!)
}

/** Plain paragraphs (one per item) as safe HTML: every character escaped, nothing interpreted. */
export function paragraphsToHtml(paragraphs: readonly string[]): SafeHtml {
  return paragraphs
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n') as SafeHtml
}

const unescapes: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }

/** Text content of safe HTML, paragraphs separated by newlines (for search and reading time). */
export function htmlToText(html: SafeHtml): string {
  return sanitizeHtml(html.replace(/<\/(p|h[2-4]|li|blockquote|figcaption)>/g, '$&\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => unescapes[e]!) // one pass: "&amp;lt;" stays "&lt;"
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim()
}
