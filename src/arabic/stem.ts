/**
 * A light stemmer for Arabic search keys (the output of `searchKey`: ا for أ/إ/آ, ي for ى, ه for ة,
 * ء for ؤ/ئ). It strips clitics and inflectional affixes, never reaches for roots, and keeps at
 * least three letters, so a stem still names one word family.
 *
 * Rules, in order (each tested from `tests/fixtures/arabic/stems.tsv`):
 * 1. Hamza ء is dropped, so readers who leave it out match (الريس → ريس as الرئيس).
 * 2. The article with what may stand before it: و/ف, ب/ك/ل, ال (وبالعراق, فللمرة, للعراق).
 * 3. Overrides: names and families a suffix rule would mangle (فلسطين, عمان, رياضة ≠ رياض) stop here.
 * 4. Pronoun suffixes: هما كما هم هن كم كن ها نا; a ت left by a suffixed taa marbuta becomes ه
 *    again when four letters remain (سياستها → سياسه, like سياسة).
 * 5. Number: feminine dual تان/تين → ه (حكومتان → حكومه); nisba plurals يون/يين/يات; sound
 *    plurals and duals ون/ين/ات/ان.
 * 6. Nisba and feminine endings: يه (ية), then ه (ة) or ي (عراقي → عراق, like العراق).
 * 7. Aliases join spellings of one loanword (امريك/اميرك: أمريكي and أميركي).
 * Every strip leaves at least three letters. A bare conjunction (و ف) or preposition (ب ك ل)
 * without the article is ambiguous, so it gives extra readings instead (see {@link stems}).
 */
export function stem(key: string): string {
  return stems(key)[0]!
}

/**
 * The stem, then the stems the word would have if its first letters were a bare conjunction
 * (و ف) and/or preposition (ب ك ل) rather than part of the word. A light stemmer cannot tell
 * بمصر (ب + مصر) from بيانات or كتابهم; indexing and querying every reading lets both match
 * while the first stem keeps the word whole.
 */
export function stems(key: string): string[] {
  const w = key.replace(/\u0621/g, '')
  if (!/^[\u0621-\u064A]+$/.test(w) || w.length < 3) return [w]
  const bare = stripArticle(w)
  const out = [finish(bare)]
  if (OVERRIDES.has(w)) return out
  const readings: string[] = []
  // A reader who drops a hamza writes its seat instead: قايد for قائد, مسوول for مسؤول. Where
  // the word has such a seat (ي after ا, doubled و), the seatless spelling is another reading.
  for (const seatless of [w.replace(/(?<=.)اي(?=.)/, 'ا'), w.replace(/وو/, 'و')]) if (seatless !== w) readings.push(seatless)
  // With the article, the clitics before it are settled; without it, و ف ب ك ل may be either.
  if (bare === w) {
    const afterConjunction = w[0] === 'و' || w[0] === 'ف' ? w.slice(1) : null
    if (afterConjunction) readings.push(afterConjunction)
    for (const r of afterConjunction ? [w, afterConjunction] : [w]) {
      if (r[0] === 'ب' || r[0] === 'ك' || r[0] === 'ل') readings.push(r.slice(1))
    }
  }
  for (const r of readings) {
    if (r.length < 3) continue
    const s = finish(stripArticle(r))
    if (!out.includes(s)) out.push(s)
  }
  return out
}

const ARTICLE_PREFIXES = ['وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال']

function stripArticle(word: string): string {
  for (const p of ARTICLE_PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= 2) return word.slice(p.length)
  }
  return word
}

/** Suffixes, unless the word is one a rule would mangle; then the loanword aliases. */
function finish(word: string): string {
  const fixed = OVERRIDES.get(word)
  if (fixed !== undefined) return fixed
  const w = stripSuffixes(word)
  return ALIASES.get(w) ?? w
}

const PRONOUN_SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'ها', 'نا']
const NUMBER_SUFFIXES = ['يون', 'يين', 'يات', 'ون', 'ين', 'ات', 'ان']

function stripSuffixes(word: string): string {
  let w = word
  const pronoun = PRONOUN_SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 3)
  if (pronoun) {
    w = w.slice(0, -pronoun.length)
    // The taa marbuta of سياسة is written ت before a suffix: سياستها.
    if (w.endsWith('ت') && w.length >= 5) w = `${w.slice(0, -1)}ه`
  }
  if ((w.endsWith('تان') || w.endsWith('تين')) && w.length - 3 >= 3) {
    w = `${w.slice(0, -3)}ه`
  } else {
    const number = NUMBER_SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 3)
    if (number) w = w.slice(0, -number.length)
  }
  if (w.endsWith('يه') && w.length - 2 >= 3) w = w.slice(0, -2)
  else if ((w.endsWith('ه') || w.endsWith('ي')) && w.length - 1 >= 3) w = w.slice(0, -1)
  return w
}

/**
 * Words no suffix rule may touch — countries, capitals and names whose last letters look like
 * endings (فلسطين does not end in a plural, عمان is not a dual) — and word families a rule would
 * fold into another word (رياضة "sport" must not become رياض "Riyadh"). Search keys without the
 * article, hamza dropped; each maps to its stem.
 */
const OVERRIDES: ReadonlyMap<string, string> = new Map([
  ...[
    'لبنان', 'ليبيا', 'فلسطين', 'بحرين', 'بريطانيا', 'بغداد', 'بيروت', 'باريس', 'برلين', 'بكين', 'بولندا', 'بلجيكا',
    'بنغلاديش', 'باكستان', 'برازيل', 'كندا', 'كوريا', 'كوبا', 'كينيا', 'كويت', 'لندن', 'لاهاي', 'فرنسا', 'فنلندا',
    'فنزويلا', 'فيتنام', 'فيينا', 'واشنطن', 'وارسو', 'افغانستان', 'يابان', 'سودان', 'عمان', 'اردن', 'يمن', 'ايران',
    'صين', 'تشرين', 'حسين', 'ياسين', 'ياسمين', 'بوتين', 'بايدن', 'ماكرون', 'نتنياهو', 'ترامب', 'كورونا', 'فيسبوك',
    'يوتيوب', 'سلمان', 'عثمان', 'رمضان', 'شعبان', 'سليمان', 'عدنان', 'حزيران', 'نيسان', 'كانون', 'رياض', 'ان',
    'مليون', 'مليار', 'برلمان', 'بيان', 'دين', 'سنه', 'سنوات',
  ].map((w) => [w, w] as const),
  ['ترمب', 'ترامب'], ['ملايين', 'مليون'], ['مليارات', 'مليار'], ['سنين', 'سنه'],
  ['رياضه', 'رياضه'], ['رياضي', 'رياضه'], ['رياضيه', 'رياضه'], ['رياضيين', 'رياضه'], ['رياضيون', 'رياضه'], ['رياضات', 'رياضه'],
])

/** Stems of one loanword's spellings, joined under one (أمريكي/أميركي, روسيا/روسي, ترمب/ترامب). */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['اميرك', 'امريك'], ['امريكا', 'امريك'], ['اميركا', 'امريك'],
  ['روسيا', 'روس'], ['تركيا', 'ترك'], ['سوريا', 'سور'], ['اسبانيا', 'اسبان'], ['مانيا', 'مان'], // المانيا: ال is not the article
  ['اوروب', 'اورب'], ['اوروبا', 'اورب'], ['اوربا', 'اورب'], ['اردوجان', 'اردوغان'],
  ['ايطاليا', 'ايطال'], ['استراليا', 'استرال'], ['اثيوبيا', 'اثيوب'], ['نيجيريا', 'نيجير'], ['ليبيا', 'ليب'],
])
