import type { Editor } from '@tiptap/core'
import { parseEmbedUrl } from '../../../core/parse-embed-url.js'

interface Tool {
  label: string
  run: (editor: Editor) => void
  /** Toggles have a pressed state; actions (embed) do not. */
  active?: (editor: Editor) => boolean
  shortcut?: string
}

// Only what the server's sanitizer keeps as a link.
const ALLOWED_HREF = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i
const BARE_DOMAIN = /^[\w-]+(\.[\w-]+)+(\/\S*)?$/

/** Asks for a link address: an empty answer removes the link, a cancelled prompt changes nothing. */
export function promptLink(editor: Editor): void {
  const previous = (editor.getAttributes('link').href as string | undefined) ?? ''
  const answer = window.prompt('عنوان الرابط (اتركه فارغاً لإزالة الرابط):', previous)
  if (answer === null) return
  let href = answer.trim()
  const chain = editor.chain().focus().extendMarkRange('link')
  if (!href) { chain.unsetLink().run(); return }
  if (BARE_DOMAIN.test(href)) href = `https://${href}`
  if (!ALLOWED_HREF.test(href)) {
    window.alert('يجب أن يبدأ الرابط بـ https:// أو http:// أو mailto:')
    return
  }
  if (editor.state.selection.empty && !editor.isActive('link')) {
    // Nothing selected: the address itself becomes the linked text.
    chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run()
  } else {
    chain.setLink({ href }).run()
  }
}

/** Asks for a YouTube or X address and inserts it as an embed; anything else is refused with an alert. */
export function promptEmbed(editor: Editor): void {
  const answer = window.prompt('رابط فيديو على يوتيوب أو منشور على X:')
  if (answer === null || !answer.trim()) return
  const embed = parseEmbedUrl(answer)
  if (!embed) {
    window.alert('لا يمكن تضمين هذا الرابط. الصق رابط فيديو على يوتيوب أو منشور على X يبدأ بـ https://')
    return
  }
  editor.chain().focus().insertEmbed(embed).run()
}

const TOOLS: Tool[] = [
  { label: 'فقرة', run: (e) => e.chain().focus().setParagraph().run(), active: (e) => e.isActive('paragraph') },
  { label: 'عنوان فرعي', run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
  { label: 'قائمة', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
  { label: 'قائمة مرقمة', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
  { label: 'اقتباس', run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
  { label: 'رابط', run: promptLink, active: (e) => e.isActive('link'), shortcut: 'Control+K' },
  { label: 'تضمين', run: promptEmbed },
]

/**
 * The editor's toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA APG toolbar
 * pattern; in RTL, ArrowLeft is "next"), each toggle's aria-pressed follows the selection.
 */
export function createToolbar(editor: Editor): HTMLElement {
  const bar = document.createElement('div')
  bar.className = 'editor-toolbar'
  bar.setAttribute('role', 'toolbar')
  bar.setAttribute('aria-label', 'أدوات التحرير')
  const buttons = TOOLS.map((tool, i) => {
    const b = document.createElement('button')
    b.type = 'button' // never submits the form
    b.className = 'editor-toolbar__button'
    b.textContent = tool.label
    b.tabIndex = i === 0 ? 0 : -1
    if (tool.shortcut) b.setAttribute('aria-keyshortcuts', tool.shortcut)
    // Keep the editor's selection: a click would otherwise move focus and collapse it first.
    b.addEventListener('mousedown', (e) => e.preventDefault())
    b.addEventListener('click', () => tool.run(editor))
    bar.append(b)
    return b
  })

  const focusButton = (i: number) => {
    const n = buttons.length
    buttons.forEach((b, j) => { b.tabIndex = j === (i + n) % n ? 0 : -1 })
    buttons[(i + n) % n]!.focus()
  }
  bar.addEventListener('keydown', (e) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement)
    if (i < 0) return
    const rtl = getComputedStyle(bar).direction === 'rtl'
    const step = { ArrowLeft: rtl ? 1 : -1, ArrowRight: rtl ? -1 : 1 }[e.key]
    if (step) focusButton(i + step)
    else if (e.key === 'Home') focusButton(0)
    else if (e.key === 'End') focusButton(buttons.length - 1)
    else return
    e.preventDefault()
  })

  const refresh = () => TOOLS.forEach((tool, i) => {
    if (tool.active) buttons[i]!.setAttribute('aria-pressed', String(tool.active(editor)))
  })
  editor.on('transaction', refresh)
  refresh()
  return bar
}
