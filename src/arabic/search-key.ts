/**
 * Matching key for Arabic text: used to compare what a reader types with what an author wrote,
 * never for display. Idempotent, so the same key comes out at write time and at query time.
 *
 * Rules, in order:
 * - NFKC folds presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) to base letters.
 * - Harakat U+064B–U+065F, superscript alef U+0670, Quranic marks U+06D6–U+06ED are removed.
 * - Tatweel U+0640 and zero-width / bidi controls (U+061C, U+200B–U+200F, U+202A–U+202E,
 *   U+2066–U+2069, U+FEFF) are removed.
 * - Alef forms أ إ آ ٱ (U+0623, U+0625, U+0622, U+0671) fold to ا; ى (U+0649) to ي; ة (U+0629) to ه.
 * - Hamza seats ؤ (U+0624) and ئ (U+0626) fold to bare hamza ء (U+0621), so the two spellings
 *   newsrooms use for the same word (مسؤول / مسئول, شؤون / شئون) give one key. The stemmer then
 *   drops ء, so a reader who leaves the hamza out (الريس for الرئيس) still matches.
 * - Persian/Urdu ک (U+06A9) → ك, ی (U+06CC) → ي.
 * - Arabic-Indic (U+0660–U+0669) and Persian (U+06F0–U+06F9) digits become 0–9.
 * - Latin letters are lower-cased.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/[\u0624\u0626]/g, '\u0621')
    .replace(/\u06A9/g, '\u0643')
    .replace(/\u06CC/g, '\u064A')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase()
}
