import type { VNode } from 'preact'
import { render } from 'preact-render-to-string'

/** A whole HTML document from a page tree: text and attributes escaped by preact. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${render(page)}`
}
