import { Node } from '@tiptap/core'
import { parseEmbedUrl, type Embed as EmbedAttrs, type EmbedProvider } from '../../../core/parse-embed-url.js'

const PROVIDER_NAME: Record<EmbedProvider, string> = { youtube: 'يوتيوب', x: 'منشور على X' }

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    embed: { insertEmbed: (embed: EmbedAttrs) => ReturnType }
  }
}

/**
 * A YouTube video or an X post, kept as `<figure data-embed="youtube|x"><a href=URL>URL</a></figure>`:
 * exactly what the server's sanitizer stores and its pages turn into a link card. Shown in the
 * editor as a card that cannot be typed into.
 */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,

  addAttributes() {
    // rendered: false — renderHTML writes the figure itself, so no other attribute (such as the
    // textDirection extension's dir) reaches the stored form.
    return { provider: { default: null, rendered: false }, url: { default: null, rendered: false } }
  },

  parseHTML() {
    return [{
      tag: 'figure[data-embed]',
      getAttrs: (figure) => {
        const embed = parseEmbedUrl(figure.querySelector('a[href]')?.getAttribute('href') ?? '')
        return embed && embed.provider === figure.getAttribute('data-embed') ? { ...embed } : false
      },
    }]
  },

  renderHTML({ node }) {
    const { provider, url } = node.attrs as EmbedAttrs
    return ['figure', { 'data-embed': provider }, ['a', { href: url }, url]]
  },

  addNodeView() {
    return ({ node }) => {
      const { provider, url } = node.attrs as EmbedAttrs
      const dom = document.createElement('figure')
      dom.className = `editor-embed editor-embed--${provider}`
      dom.contentEditable = 'false'
      dom.setAttribute('data-embed', provider)
      const name = document.createElement('span')
      name.className = 'editor-embed__provider'
      name.textContent = PROVIDER_NAME[provider]
      const address = document.createElement('span')
      address.className = 'editor-embed__url'
      address.dir = 'ltr'
      address.textContent = url
      dom.append(name, address)
      return { dom }
    }
  },

  addCommands() {
    return {
      insertEmbed: (embed) => ({ commands }) => commands.insertContent({ type: this.name, attrs: { ...embed } }),
    }
  },
})
