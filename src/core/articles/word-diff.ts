import { diffWords as jsDiffWords } from 'diff'

/** A run of text that both versions share, or that only the newer (added) or older (removed) has. */
export interface DiffPart { kind: 'same' | 'added' | 'removed'; text: string }

// Words as Unicode's word boundaries find them (UAX #29, with ICU's data for Arabic): a word keeps
// its attached clitics (و، ب، ل، ال) and its harakat (U+064B–U+065F), and Latin words and digits
// mixed into Arabic text stay whole, where jsdiff's own splitter knows only Latin letters.
// One segmenter for the process: creating one per call costs more than a short diff.
const arabicWords = new Intl.Segmenter('ar', { granularity: 'word' })

/**
 * What changed between two texts, word by word: the parts in reading order, removed before added
 * where a word was replaced, adjacent parts of one kind merged. Whitespace alone is no change (two
 * spaces for one, a line break for a space). Concatenating the `same` and `removed` parts gives
 * `before`, and the `same` and `added` ones `after`, whitespace aside.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: after }] : []
  const parts: DiffPart[] = []
  for (const c of jsDiffWords(before, after, { intlSegmenter: arabicWords })) {
    if (!c.value) continue
    const kind = c.added ? 'added' : c.removed ? 'removed' : 'same'
    const last = parts[parts.length - 1]
    if (last?.kind === kind) last.text += c.value
    else parts.push({ kind, text: c.value })
  }
  return parts
}

/** True when a diff shows any word added or removed. */
export const hasChanges = (parts: readonly DiffPart[]): boolean => parts.some((p) => p.kind !== 'same')
