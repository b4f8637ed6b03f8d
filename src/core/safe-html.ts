import sanitizeHtml from 'sanitize-html'
import { parseEmbedUrl } from './parse-embed-url.js'

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
    figure: ['data-embed'], // youtube or x only (transformTags); the rest in keepValidEmbeds
    '*': ['dir', 'lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener nofollow' }),
    // Not allowedAttributes' `values`: that keeps a refused value as a bare `data-embed`.
    figure: (tagName, attribs) => {
      const { 'data-embed': provider, ...rest } = attribs
      return { tagName, attribs: provider === 'youtube' || provider === 'x' ? attribs : rest }
    },
  },
}

// Runs on the sanitizer's output, whose shape is fixed: attributes double-quoted, `<` and `"`
// escaped inside them and in text. Lazy up to the first </figure>, so a nested figure makes the
// content fail the one-link check and the embed is demoted, never restructured.
const EMBED_FIGURE = /<figure([^>]*?) data-embed="(youtube|x)"([^>]*)>([\s\S]*?)<\/figure>/g
const ONE_LINK = /^\s*<a\b[^>]*? href="([^"]*)"[^>]*>[^<]*<\/a>\s*$/

/**
 * An embed figure is kept only as the editor writes it — one link, to an address of its provider —
 * and rewritten to its canonical form; anything else loses data-embed and stays a plain figure
 * with whatever it held.
 */
function keepValidEmbeds(html: string): string {
  if (!html.includes(' data-embed="')) return html
  return html.replace(EMBED_FIGURE, (_, before: string, provider: string, after: string, inner: string) => {
    const href = ONE_LINK.exec(inner)?.[1]
    const embed = href === undefined ? null : parseEmbedUrl(href.replace(/&amp;/g, '&'))
    if (embed && embed.provider === provider) {
      return `<figure data-embed="${embed.provider}"><a href="${embed.url}" rel="noopener nofollow">${embed.url}</a></figure>`
    }
    return `<figure${before}${after}>${inner}</figure>`
  })
}

/**
 * Stored article HTML, cleaned by an allow-list. Embeds (`<figure data-embed="youtube|x">` around
 * one link to the post) are kept in their canonical form; pages show them with {@link embedCards}.
 */
export function sanitizeArticleHtml(html: string): SafeHtml {
  return keepValidEmbeds(sanitizeHtml(html, ARTICLE_POLICY)) as SafeHtml
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

/**
 * Text content of safe HTML, paragraphs separated by newlines (for search and reading time). An
 * embed's address is not text a reader reads, and the editor's word count leaves it out too.
 */
export function htmlToText(html: SafeHtml): string {
  const prose = html.includes(' data-embed="') ? html.replace(EMBED_FIGURE, '\n') : html
  return sanitizeHtml(prose.replace(/<\/(p|h[2-4]|li|blockquote|figcaption)>/g, '$&\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => unescapes[e]!) // one pass: "&amp;lt;" stays "&lt;"
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim()
}
