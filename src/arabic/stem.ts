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
 * The stem, then the stems of the word's other readings, for what a light stemmer cannot decide:
 * - a bare conjunction (و ف) and/or preposition (ب ك ل) before a word without the article:
 *   بمصر is ب + مصر, but بيانات and كتابهم are whole words;
 * - لل before a word that itself starts with ل: للبنان is ل + لبنان, not لل + بنان;
 * - a hamza seat written without its hamza (قايد for قائد, مسوول for مسؤول);
 * - a ت before a pronoun suffix on a short word (دولتها: دولة + ها).
 * Indexing and querying every reading lets each spelling meet its family while the first stem
 * keeps the word whole. A reading that reaches a known word (an override) goes no further.
 */
export function stems(key: string): string[] {
  const w = withoutHamza(key)
  if (!isArabicWord(w) || w.length < 3) return [w]
  const out: string[] = []
  const add = (word: string) => { for (const s of finish(word)) if (!out.includes(s)) out.push(s) }
  const bare = stripArticle(w)
  add(bare)
  if (OVERRIDES.has(w) || OVERRIDES.has(bare)) return out

  const readings: string[] = []
  for (const seatless of [w.replace(/(?<=.)اي(?=.)/, 'ا'), w.replace(/وو/, 'و')]) if (seatless !== w) readings.push(stripArticle(seatless))
  if (bare !== w) {
    // لل + a word starting with ل: keep one ل (للبنان → لبنان).
    if (w.slice(0, w.length - bare.length).endsWith('لل') && OVERRIDES.has(`ل${bare}`)) readings.push(`ل${bare}`)
  } else {
    const afterConjunction = w[0] === 'و' || w[0] === 'ف' ? w.slice(1) : null
    if (afterConjunction) readings.push(afterConjunction)
    if (afterConjunction === null || !OVERRIDES.has(afterConjunction)) {
      for (const r of afterConjunction ? [w, afterConjunction] : [w]) {
        // Not when what is left starts with ال: the article was already settled (وكالة is not و + ك + الة).
        if ((r[0] === 'ب' || r[0] === 'ك' || r[0] === 'ل') && !r.startsWith('ال', 1)) readings.push(r.slice(1))
      }
    }
  }
  for (const r of readings) if (r.length >= 3) add(r)
  return out
}

/**
 * What a word the reader is still typing (a prefix of the word they mean) starts its stem with:
 * the word without hamza and without the article and what stands before it, as {@link stems}
 * strips them, and no suffix rule: the end of a half-typed word is not a suffix (الانتها is on
 * its way to الانتهاء or الانتهاكات, not انت + ها). Null when fewer than three letters are left.
 */
export function typedStem(key: string): string | null {
  const w = withoutHamza(key)
  const bare = isArabicWord(w) ? stripArticle(w) : w
  return bare.length >= 3 ? bare : null
}

const withoutHamza = (key: string) => key.replace(/\u0621/g, '')
const isArabicWord = (w: string) => /^[\u0621-\u064A]+$/.test(w)

const ARTICLE_PREFIXES = ['وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال']

function stripArticle(word: string): string {
  for (const p of ARTICLE_PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= 2) return word.slice(p.length)
  }
  return word
}

/**
 * Suffixes, then aliases: the stem first, and a second reading when a short word's ت may be a
 * suffixed taa marbuta. Overrides are looked up on the word and again after each suffix layer,
 * so رياضتها stays with رياضة and never reaches رياض (Riyadh).
 */
function finish(word: string): string[] {
  const fixed = OVERRIDES.get(word)
  if (fixed !== undefined) return [fixed]
  let w = word
  let taa: string | null = null
  const pronoun = PRONOUN_SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 3)
  if (pronoun) {
    w = w.slice(0, -pronoun.length)
    // The taa marbuta of سياسة is written ت before a suffix: سياستها. On five letters or more
    // that is near certain; on three or four (دولتها, but also بيتها) it is a second reading.
    if (w.endsWith('ت')) {
      if (w.length >= 5) w = `${w.slice(0, -1)}ه`
      else taa = `${w.slice(0, -1)}ه`
    }
  }
  const result = [numberAndGender(w)]
  if (taa) result.push(numberAndGender(taa))
  return result.map((r) => ALIASES.get(r) ?? r)
}

function numberAndGender(word: string): string {
  let w = word
  const known = () => OVERRIDES.get(w)
  if (known()) return known()!
  if ((w.endsWith('تان') || w.endsWith('تين')) && w.length - 3 >= 3) {
    w = `${w.slice(0, -3)}ه`
  } else {
    const number = NUMBER_SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 3)
    if (number) w = w.slice(0, -number.length)
  }
  if (known()) return known()!
  if (w.endsWith('يه') && w.length - 2 >= 3) w = w.slice(0, -2)
  else if ((w.endsWith('ه') || w.endsWith('ي')) && w.length - 1 >= 3) w = w.slice(0, -1)
  return w
}

const PRONOUN_SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'ها', 'نا']
const NUMBER_SUFFIXES = ['يون', 'يين', 'يات', 'ون', 'ين', 'ات', 'ان']

/**
 * Words no suffix rule may touch — countries, capitals and names whose last letters look like
 * endings (فلسطين does not end in a plural, عمان is not a dual) — and word families a rule would
 * fold into another word (رياضة "sport" must not become رياض "Riyadh"). Search keys without the
 * article, hamza dropped; each maps to its stem.
 */
const OVERRIDES: ReadonlyMap<string, string> = new Map([
  ...[
    'لبنان', 'فلسطين', 'بحرين', 'بغداد', 'بيروت', 'باريس', 'برلين', 'بكين',
    'بنغلاديش', 'باكستان', 'برازيل', 'كويت', 'لندن', 'لاهاي',
    'فيتنام', 'فيينا', 'واشنطن', 'وارسو', 'افغانستان', 'يابان', 'سودان', 'عمان', 'اردن', 'يمن', 'ايران',
    'صين', 'تشرين', 'حسين', 'ياسين', 'ياسمين', 'بوتين', 'بايدن', 'ماكرون', 'نتنياهو', 'ترامب', 'كورونا', 'فيسبوك',
    'يوتيوب', 'سلمان', 'عثمان', 'رمضان', 'شعبان', 'سليمان', 'عدنان', 'حزيران', 'نيسان', 'كانون', 'رياض', 'ان',
    'مليون', 'مليار', 'برلمان', 'بيان', 'دين', 'سنه', 'سنوات',
  ].map((w) => [w, w] as const),
  ['ترمب', 'ترامب'], ['ملايين', 'مليون'], ['مليارات', 'مليار'], ['سنين', 'سنه'],
  ['رياضه', 'رياضه'], ['رياضي', 'رياضه'], ['رياضيه', 'رياضه'], ['رياضيين', 'رياضه'], ['رياضيون', 'رياضه'], ['رياضات', 'رياضه'],
  ['رياضيات', 'رياضيات'], // mathematics, its own word
  // Countries ending in ا meet their adjectives (فرنسا / فرنسي → فرنس).
  ['فرنسا', 'فرنس'], ['بريطانيا', 'بريطان'], ['كندا', 'كند'], ['ليبيا', 'ليب'], ['كوريا', 'كور'], ['كينيا', 'كين'],
  ['بولندا', 'بولند'], ['بلجيكا', 'بلجيك'], ['فنلندا', 'فنلند'], ['فنزويلا', 'فنزويل'], ['كوبا', 'كوب'],
  // المانيا: its ال is not the article, so every form is mapped to one stem.
  ['مانيا', 'المان'], ['ماني', 'المان'], ['مانيه', 'المان'], ['مانيون', 'المان'], ['مانيين', 'المان'], ['المان', 'المان'],
])

/** Stems of one loanword's spellings, joined under one (أمريكي/أميركي, روسيا/روسي, ترمب/ترامب). */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['اميرك', 'امريك'], ['امريكا', 'امريك'], ['اميركا', 'امريك'],
  ['روسيا', 'روس'], ['تركيا', 'ترك'], ['سوريا', 'سور'], ['اسبانيا', 'اسبان'],
  ['اوروب', 'اورب'], ['اوروبا', 'اورب'], ['اوربا', 'اورب'], ['اردوج', 'اردوغ'],
  ['ايطاليا', 'ايطال'], ['استراليا', 'استرال'], ['اثيوبيا', 'اثيوب'], ['نيجيريا', 'نيجير'],
])
