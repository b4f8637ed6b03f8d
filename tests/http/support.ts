/**
 * Reading helpers for the HTTP tests: they look for stable hooks (ids, classes, hrefs, visible
 * Arabic text) rather than exact markup, since the views' markup changes with the design.
 */
import assert from 'node:assert/strict'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'

export const SEED_EXTERNAL_ID = 'watan-press:white-house-iraq-strategic-partnership'
export const SEED_TITLE = 'البيت الابيض :العلاقات الأميركية العراقية “شراكة استراتيجية” بين البلدين'

/** `/search?q=…` and friends with every value percent-encoded, as browsers send them. */
export function url(path: string, query: Record<string, string | number> = {}): string {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()
  return qs ? `${path}?${qs}` : path
}

/** Asserts a public HTML page: status, type, RTL Arabic document, security headers. */
export function assertPage(res: LightMyRequestResponse, status = 200): string {
  assert.equal(res.statusCode, status, `status of ${res.body.slice(0, 300)}`)
  assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/)
  assert.match(res.body, /<html\b[^>]*\blang="ar"[^>]*\bdir="rtl"|<html\b[^>]*\bdir="rtl"[^>]*\blang="ar"/)
  assertSecurityHeaders(res)
  return res.body
}

export function assertSecurityHeaders(res: LightMyRequestResponse): void {
  const csp = String(res.headers['content-security-policy'] ?? '')
  assert.match(csp, /default-src 'self'/)
  assert.match(csp, /script-src 'self'/)
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/)
  assert.match(csp, /frame-ancestors 'none'/)
  assert.equal(res.headers['x-content-type-options'], 'nosniff')
}

/** Asserts the API's error shape and returns the code. */
export function assertApiError(res: LightMyRequestResponse, status: number, code: string): string {
  assert.equal(res.statusCode, status, res.body)
  assert.match(String(res.headers['content-type']), /^application\/json/)
  const body = res.json() as { error: { code: string; message: string } }
  assert.deepEqual(Object.keys(body), ['error'])
  assert.equal(body.error.code, code)
  assert.equal(typeof body.error.message, 'string')
  assert.ok(body.error.message.length > 0)
  return body.error.message
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: '\u00a0' }
const decode = (s: string) => s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) =>
  ENTITIES[e] ?? (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m))

/** Visible text of some HTML: tags dropped, entities decoded, whitespace folded. */
export function textOf(html: string): string {
  return decode(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim()
}

/**
 * The outer HTML of the first element matching an attribute test (e.g. `class` containing a
 * class name, or `id`), nesting of its own tag name respected; null when absent.
 */
export function element(html: string, hook: { class?: string; id?: string }): string | null {
  const attr = hook.id !== undefined
    ? `\\bid="${hook.id}"`
    : `\\bclass="(?:[^"]*\\s)?${hook.class}(?:\\s[^"]*)?"`
  const open = new RegExp(`<([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*${attr}[^>]*>`).exec(html)
  if (!open) return null
  const tag = open[1]!
  const re = new RegExp(`<${tag}\\b[^>]*>|</${tag}>`, 'g')
  re.lastIndex = open.index + open[0].length
  let depth = 1
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1
    if (depth === 0) return html.slice(open.index, m.index + m[0].length)
  }
  return html.slice(open.index)
}

/** Elements whose class list contains `name` exactly. */
export function countClass(html: string, name: string): number {
  return [...html.matchAll(/\bclass="([^"]*)"/g)].filter((m) => m[1]!.split(/\s+/).includes(name)).length
}

/** Links as [href (decoded entities), text]. */
export function links(html: string): Array<{ href: string; text: string }> {
  return [...html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ href: decode(m[1]!), text: textOf(m[2]!) }))
}

/** Site-relative article URLs (`/<category>/<id>/<slug>`), in order, without duplicates. */
export function articleHrefs(html: string): string[] {
  return [...new Set(links(html).map((l) => l.href.split(/[?#]/)[0]!).filter((h) => /^\/[^/]+\/[1-9][0-9]*\/[^/]+$/.test(h) && !h.startsWith('/media/') && !h.startsWith('/assets/')))]
}

/** The value of a named form field in a page (input value or textarea content), decoded. */
export function fieldValue(html: string, name: string): string | null {
  const input = new RegExp(`<input\\b[^>]*\\bname="${name}"[^>]*>`).exec(html)
  if (input) return decode(/\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? '')
  const area = new RegExp(`<textarea\\b[^>]*\\bname="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)
  return area ? decode(area[1]!) : null
}

/** The form that posts comments, its action and fields. */
export function commentForm(html: string): { action: string; token: string } {
  const form = /<form\b[^>]*\bmethod="post"[^>]*>[\s\S]*?<\/form>/i.exec(html)?.[0]
  assert.ok(form, 'the page has a post form')
  const action = decode(/\baction="([^"]*)"/.exec(form)?.[1] ?? '')
  const token = fieldValue(form, 'token')
  assert.ok(token, 'the form carries a token')
  return { action, token }
}

export interface ApiItem {
  id: number
  externalId: string | null
  title: string
  url: string
  category: { slug: string; name: string; url: string }
  publishedAt: string
}

/** The seed article as the API lists it, found by a word of its body. */
/** The demo site over a fresh in-memory store, and the seed article as the API lists it. */
export async function openDemoSite(): Promise<{ t: TestApp; seed: ApiItem }> {
  const t = await makeTestApp({ demo: true })
  return { t, seed: await findSeed(t.app) }
}

export async function findSeed(app: FastifyInstance): Promise<ApiItem> {
  const res = await app.inject(url('/api/v1/articles', { q: 'الكاظمي' }))
  assert.equal(res.statusCode, 200, res.body)
  const seed = (res.json() as { items: ApiItem[] }).items.find((a) => a.externalId === SEED_EXTERNAL_ID)
  assert.ok(seed, 'the seed article is found by «الكاظمي»')
  return seed
}
