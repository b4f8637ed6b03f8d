import type { SafeHtml } from '../../core/index.js'

/** The one way to print HTML unescaped: its type can only come from the core sanitizer. */
export function TrustedHtml({ html, class: className }: { html: SafeHtml; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />
}
