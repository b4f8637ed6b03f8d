import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFixtureTable, type FixtureCase as Case } from '../../tests/support/fixture-table.js'
import { searchKey } from './search-key.js'
import { stem, stems, typedStem } from './stem.js'
import { arabicAnalyzer } from './analyze.js'

const cases = readFixtureTable('stems.tsv')
const isBug = (c: Case) => c.note.startsWith('bug:')
const todo = (c: Case) => (isBug(c) ? c.note : undefined)
const stemsOfWord = (w: string) => stems(searchKey(w))

describe('stems (tests/fixtures/arabic/stems.tsv)', () => {
  it('has a table of cases covering every rule of the header', () => {
    assert.ok(cases.length >= 120, `only ${cases.length} cases read`)
    for (const rule of ['rule 1', 'rule 2', 'rule 3', 'rule 4', 'rule 5', 'rule 6', 'rule 7', 'guard', 'bare clitic', 'seatless hamza']) {
      assert.ok(cases.some((c) => c.note.includes(rule)), `a row for ${rule}`)
    }
  })

  for (const c of cases) {
    it(`stems ${c.input} to ${c.expected} — ${c.note} (line ${c.line})`, { todo: todo(c) }, () => {
      const got = stemsOfWord(c.input)
      const want = c.expected.split('|')
      // A known defect states what the output must contain; a working rule states it exactly.
      if (isBug(c)) for (const s of want) assert.ok(got.includes(s), `${s} among ${got.join('|')}`)
      else assert.deepEqual(got, want)
    })
  }

  for (const c of cases) {
    it(`stem() is the first of stems() for ${c.input} (line ${c.line})`, () => {
      const key = searchKey(c.input)
      assert.equal(stem(key), stems(key)[0])
    })
  }

  it('gives the same stems whether or not the word still has its hamza seat folded', () => {
    for (const w of ['الرئيس', 'مسؤول', 'قائد']) assert.deepEqual(stems(searchKey(w)), stems(searchKey(w).replace(/\u0621/g, '')))
  })

  it('never repeats a stem among the readings', () => {
    for (const c of cases) {
      const got = stemsOfWord(c.input)
      assert.equal(new Set(got).size, got.length, `${c.input}: ${got.join('|')}`)
    }
  })
})

/** Stems a word gets through the analyzer used for indexing and querying. */
const analyzedStems = (w: string) => {
  const tokens = arabicAnalyzer.analyze(w)
  assert.equal(tokens.length, 1, `${w} is one token`)
  return tokens[0]!.stems
}
const meet = (a: string, b: string) => analyzedStems(a).some((s) => analyzedStems(b).includes(s))

describe('stem families', () => {
  const families: Array<{ name: string; words: string[]; todo?: string }> = [
    { name: 'American (two spellings, plural)', words: ['الأمريكية', 'الأميركية', 'امريكي', 'الأمريكيين', 'أمريكا', 'أميركا'] },
    { name: 'politics with clitics and a possessive', words: ['سياسة', 'السياسة', 'سياستها', 'والسياسة'] },
    { name: 'Iraq and Iraqi', words: ['العراق', 'بالعراق', 'للعراق', 'العراقي', 'العراقيين', 'والعراقية'] },
    { name: 'official, both hamza seats', words: ['مسؤول', 'مسئول', 'المسؤولين', 'مسوول'] },
    { name: 'president with and without hamza', words: ['الرئيس', 'رئيس', 'الريس'] },
    { name: 'Trump', words: ['ترمب', 'ترامب'] },
    { name: 'European', words: ['أوروبي', 'أوربي', 'الأوروبية', 'أوروبا'] },
    { name: 'Egypt with a bare preposition', words: ['مصر', 'بمصر', 'لمصر', 'ومصر', 'وبمصر'] },
    { name: 'leader without its hamza', words: ['قائد', 'قايد', 'القائد'] },
    { name: 'sport', words: ['رياضة', 'الرياضة', 'الرياضي', 'الرياضيين'] },
    { name: 'Lebanon after لل', words: ['لبنان', 'للبنان', 'بلبنان'] },
    { name: 'Libya and Libyan', words: ['ليبيا', 'الليبي', 'الليبية'] },
    { name: 'Erdogan, both spellings', words: ['أردوغان', 'أردوجان'] },
    { name: 'Germany and German', words: ['ألمانيا', 'المانيا', 'الألمانية', 'ألماني'] },
    { name: 'state and its state', words: ['دولة', 'الدولة', 'دولتها', 'دولتهم'] },
    { name: 'France and French, as روسيا/روسي', words: ['فرنسا', 'الفرنسية', 'فرنسي'] },
  ]
  for (const f of families) {
    it(`every pair shares a stem: ${f.name}`, { todo: f.todo }, () => {
      for (const a of f.words) for (const b of f.words) assert.ok(meet(a, b), `${a} ${analyzedStems(a).join('|')} meets ${b} ${analyzedStems(b).join('|')}`)
    })
  }

  const apart: Array<{ name: string; a: string[]; b: string[]; todo?: string }> = [
    { name: 'sport is not Riyadh', a: ['رياضة', 'الرياضة', 'الرياضي', 'رياضي'], b: ['الرياض', 'بالرياض', 'رياض'] },
    { name: 'Lebanon is not بنان', a: ['لبنان', 'اللبناني', 'اللبنانية'], b: ['بنان', 'البنان'] },
    { name: 'Palestine is not سطين/لسطين', a: ['فلسطين'], b: ['سطين'] },
    { name: 'Iraq is not America', a: ['العراق', 'العراقية'], b: ['الأميركية', 'أمريكا'] },
    { name: 'a possessive of sport is not Riyadh', a: ['رياضتها', 'الرياضيات'], b: ['الرياض', 'بالرياض'] },
    { name: 'Lebanon with و is not بنان', a: ['ولبنان'], b: ['بنان', 'البنان'] },
    { name: 'an agency is not a god', a: ['وكالة'], b: ['إله', 'الإله'] },
  ]
  for (const g of apart) {
    it(`shares no stem: ${g.name}`, { todo: g.todo }, () => {
      for (const a of g.a) for (const b of g.b) assert.ok(!meet(a, b), `${a} ${analyzedStems(a).join('|')} vs ${b} ${analyzedStems(b).join('|')}`)
    })
  }
})

describe('typedStem', () => {
  it('strips what stands before a half-typed word and keeps its end, which is no suffix yet', () => {
    assert.deepEqual(['الانتها', 'بالكامل', 'وللمنتخ', 'الدولاري'].map(typedStem), ['انتها', 'كامل', 'منتخ', 'دولاري'])
    assert.equal(stem('الانتها'), 'انت') // the stemmer, by contrast, takes ها for a pronoun
  })

  it('drops hamza as the stems do, and gives nothing when under three letters are left', () => {
    assert.equal(typedStem(searchKey('الرئاس')), 'راس')
    assert.equal(typedStem('العن'), null)
    assert.equal(typedStem('iphon'), 'iphon')
  })
})
