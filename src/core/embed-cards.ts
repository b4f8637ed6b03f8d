import { parseEmbedUrl, type EmbedProvider } from './parse-embed-url.js'
import type { SafeHtml } from './safe-html.js'

const PROVIDER_LABEL: Record<EmbedProvider, string> = { youtube: 'فيديو على يوتيوب', x: 'منشور على X' }

// Exactly the canonical form sanitizeArticleHtml stores; anything else is printed as it is.
const STORED_EMBED = /<figure data-embed="(youtube|x)"><a href="([^"]+)" rel="noopener nofollow">[^<]*<\/a><\/figure>/g

/**
 * Stored embeds as a reader sees them: a link card naming the provider, with no iframe, script or
 * image from the provider, so a page view tells it nothing. Done at render time so the stored form
 * stays the one the editor reads back. Costs one substring search on a body without embeds.
 */
export function embedCards(html: SafeHtml): SafeHtml {
  if (!html.includes('<figure data-embed="')) return html
  return html.replace(STORED_EMBED, (figure, provider: EmbedProvider, href: string) => {
    // Checked again so only an address of the named provider becomes a card.
    const embed = parseEmbedUrl(href)
    if (!embed || embed.provider !== provider || embed.url !== href) return figure
    return `<figure class="embed embed--${provider}" data-embed="${provider}"><a href="${href}" rel="noopener nofollow" class="embed__link">`
      + `<span class="embed__provider">${PROVIDER_LABEL[provider]}</span><span class="embed__url" dir="ltr">${href}</span></a></figure>`
  }) as SafeHtml
}
