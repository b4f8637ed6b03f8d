// C0 controls and DEL, C1 controls (U+0080–U+009F, where CSI U+009B starts escape sequences on
// some terminals), line and paragraph separators, and the bidi embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069) that reorder what is shown (the "Trojan Source" characters,
// CVE-2021-42574). The Arabic letter mark and the LRM/RLM marks are left: they only nudge
// neutral characters and belong in Arabic text.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * Text from an input file made safe to print on an operator's terminal: every character that
 * could move the cursor, recolour or retitle the terminal, break the line, or reorder what is
 * shown is written as a visible `\u001b`-style escape instead.
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
