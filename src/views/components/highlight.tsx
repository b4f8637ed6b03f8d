import type { HighlightVm } from '../view-models.js'

/** Text with matched words in `<mark>`; every piece escaped like any other text. */
export function Highlight({ parts }: { parts: HighlightVm }) {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</>
}
