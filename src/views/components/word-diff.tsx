import type { WordDiffVm } from '../view-models.js'

/**
 * A word diff as text: removed words in `<del>`, added ones in `<ins>`, the rest as it was; every
 * part escaped like any other text, never read as HTML. `dir="auto"` lets a diff of Latin text
 * (a URL slug, an English quote) run left to right inside the right-to-left newsroom. Line breaks
 * in the parts (a body's paragraphs) are kept by the stylesheet (newsroom.css). Name the field in
 * the markup around it (a heading, a `<dt>`): a `<div>` takes no label of its own.
 */
export function WordDiff({ parts }: { parts: WordDiffVm }) {
  return (
    <div class="word-diff" dir="auto">
      {parts.map((p, i) => (p.kind === 'added' ? <ins key={i}>{p.text}</ins> : p.kind === 'removed' ? <del key={i}>{p.text}</del> : p.text))}
    </div>
  )
}
