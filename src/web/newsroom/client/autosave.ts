const DELAY_MS = 4000
const time = new Intl.DateTimeFormat('ar-u-ca-gregory-nu-latn', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** What the editor tells autosave, and asks of it. */
export interface Autosave {
  /** Call after every change to the form's content. */
  changed(): void
  /** Whether there are changes no save has carried yet. */
  readonly dirty: boolean
}

/**
 * Saves the form to its `data-autosave-url` 4 s after the last change and when the page is
 * hidden, one request at a time; a failure is shown and retried on the next change. Warns before
 * leaving with unsaved changes, unless the form itself is being submitted.
 */
export function startAutosave(form: HTMLFormElement, status: HTMLElement | null): Autosave {
  const url = form.dataset.autosaveUrl
  let version = 0
  let savedVersion = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight = false
  let againAfter = false
  let submitting = false

  const show = (text: string) => { if (status) status.textContent = text }

  async function save(): Promise<void> {
    clearTimeout(timer)
    if (!url || version === savedVersion) return
    if (inFlight) { againAfter = true; return }
    inFlight = true
    const v = version
    try {
      const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? ''
      const res = await fetch(url, {
        method: 'POST',
        // URL-encoded like the form's own submit (the server parses no multipart).
        body: formFields(form),
        headers: { 'x-csrf-token': csrf, accept: 'application/json' },
        credentials: 'same-origin',
      })
      if (!res.ok) throw new Error(`autosave answered ${res.status}`)
      const { savedAt } = await res.json() as { savedAt?: string }
      const at = new Date(savedAt ?? Date.now())
      savedVersion = v
      // U+200E keeps the time's digits and colon in order after Arabic text.
      show(`حُفظ تلقائياً \u200E${time.format(Number.isNaN(at.getTime()) ? new Date() : at)}`)
    } catch {
      show('تعذّر الحفظ التلقائي')
    } finally {
      inFlight = false
      // A change made while the request was out is saved now, not lost until the next keystroke.
      if (againAfter) { againAfter = false; void save() }
    }
  }

  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') void save() })
  form.addEventListener('submit', () => { submitting = true })
  window.addEventListener('beforeunload', (e) => {
    if (submitting || version === savedVersion) return
    e.preventDefault()
    e.returnValue = '' // older Chromium shows the prompt only when this is set
  })

  return {
    changed() {
      version++
      clearTimeout(timer)
      if (url) timer = setTimeout(() => void save(), DELAY_MS)
    },
    get dirty() { return version !== savedVersion },
  }
}

/** The form's text fields as application/x-www-form-urlencoded. */
function formFields(form: HTMLFormElement): URLSearchParams {
  const body = new URLSearchParams()
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') body.append(name, value)
  return body
}
