/**
 * The newsroom's article editor: enhances `textarea[data-editor]` (which works without JavaScript,
 * as raw HTML sanitized on the server) into a Tiptap editor whose HTML the textarea carries, so a
 * plain form submit sends it. Built into src/web/assets/newsroom/editor.js by `npm run build:assets`.
 */
import { Editor, Extension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { startAutosave } from './autosave.js'
import { Embed } from './embed.js'
import { createToolbar, promptLink } from './toolbar.js'
import { wordCountText } from './word-count.js'

// What the editor's schema cannot hold and would silently drop: such a body stays raw HTML.
const UNSUPPORTED = /<(img|table|h4|figcaption|sub|sup)\b|<figure(?![^>]*data-embed)/i

/**
 * dir="auto" on text blocks only. Tiptap's `textDirection: 'auto'` puts it on every node, and a
 * container with dir="auto" (ul, li, blockquote) finds no text of its own — HTML's rule skips
 * descendants that carry dir — so it falls back to LTR: bullets and the quote bar on the left of
 * Arabic text. Containers inherit the page's RTL instead; each paragraph still follows its text.
 */
const AutoDirection = Extension.create({
  name: 'autoDirection',
  addGlobalAttributes() {
    return [{
      types: ['paragraph', 'heading'],
      attributes: {
        dir: {
          default: 'auto',
          parseHTML: (el) => { const d = el.getAttribute('dir'); return d === 'ltr' || d === 'rtl' ? d : 'auto' },
          renderHTML: (attrs) => ({ dir: attrs.dir as string }),
        },
      },
    }]
  },
})

const LinkShortcut = Extension.create({
  name: 'linkShortcut',
  addKeyboardShortcuts() {
    return { 'Mod-k': () => { promptLink(this.editor); return true } }
  },
})

function enhance(textarea: HTMLTextAreaElement): void {
  const form = textarea.form
  const wordCount = form?.querySelector<HTMLElement>('[data-word-count]') ?? null
  if (UNSUPPORTED.test(textarea.value)) {
    if (wordCount) wordCount.textContent = 'يحوي النص عناصر لا يدعمها المحرر، فيُحرَّر هنا بصيغة HTML.'
    return
  }

  const wrapper = document.createElement('div')
  wrapper.className = 'editor'
  wrapper.dir = 'rtl'
  wrapper.lang = 'ar'
  const surface = document.createElement('div')
  surface.className = 'editor__surface'

  const editor = new Editor({
    element: surface,
    content: textarea.value,
    // Tiptap would add its stylesheet as a <style> element, which the site's CSP (style-src 'self')
    // refuses; newsroom.css carries those rules instead.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        // The sanitizer drops pre/code, and ` or ``` typed in a story is text, not markup.
        code: false,
        codeBlock: false,
        link: {
          openOnClick: false,
          // The server adds rel="noopener nofollow"; target would be dropped anyway.
          HTMLAttributes: { target: null, rel: null, class: null },
          isAllowedUri: (url) => /^(https?:|mailto:)/i.test(url.trim()),
        },
      }),
      Embed,
      AutoDirection,
      LinkShortcut,
    ],
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'نص الخبر', class: 'editor__content' },
    },
  })

  const autosave = form ? startAutosave(form, form.querySelector<HTMLElement>('[data-autosave-status]')) : null
  const sync = () => {
    textarea.value = editor.getHTML()
    if (wordCount) wordCount.textContent = wordCountText(editor.getText({ blockSeparator: '\n' }))
  }
  sync()
  editor.on('update', () => { sync(); autosave?.changed() })
  // The other fields (title, …) count as changes too; the editor reports its own through 'update'.
  form?.addEventListener('input', (e) => { if (!wrapper.contains(e.target as Node)) autosave?.changed() })

  // The label pointed at the hidden textarea; make it focus the editor instead.
  if (textarea.id) {
    document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`)?.addEventListener('click', () => editor.commands.focus())
  }

  wrapper.append(createToolbar(editor), surface)
  textarea.hidden = true
  textarea.after(wrapper)
}

document.querySelectorAll<HTMLTextAreaElement>('textarea[data-editor]').forEach(enhance)
