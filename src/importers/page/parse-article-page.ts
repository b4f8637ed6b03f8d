/**
 * Reads an article out of a news page scraped as text (what a browser's "select all, copy"
 * or a text scraper gives for a WordPress news theme such as Jannah): the category label, the
 * headline, the dateline "PLACE / SOURCE", and the body paragraphs — without the theme's chrome
 * (slider labels, share prompts, related-articles and comment headings, back-to-top button).
 */
export interface ParsedArticlePage {
  category: string | null
  title: string
  dateline: string | null
  source: string | null
  paragraphs: string[]
}

export class PageParseError extends Error {}

// Labels themes print around the article. Matched after whitespace folding; Arabic first.
const CHROME_LABELS = [
  'Slider', 'Featured', 'Breaking News', 'Trending', 'Related Articles', 'Leave a Reply', 'Back to top button',
  'سلايدر', 'عاجل', 'الرئيسية', 'شارك', 'شارك الخبر', 'مشاركة', 'فيسبوك', 'تويتر', 'واتساب', 'تيلقرام', 'لينكدإن',
  'مقالات ذات صلة', 'مقالات مشابهة', 'أخبار ذات صلة', 'اقرأ أيضاً', 'اقرأ أيضا', 'شاهد أيضاً', 'شاهد أيضا',
  'اترك تعليقاً', 'اترك تعليقا', 'اترك رداً', 'اترك ردا', 'التعليقات', 'إغلاق',
  'زر الذهاب إلى الأعلى', 'العودة إلى الأعلى', 'إلى الأعلى',
]
// Once one of these appears, the article is over: what follows belongs to the page, not the story.
const END_OF_STORY = new Set([
  'Related Articles', 'Leave a Reply', 'Back to top button', 'مقالات ذات صلة', 'مقالات مشابهة', 'أخبار ذات صلة',
  'اترك تعليقاً', 'اترك تعليقا', 'اترك رداً', 'اترك ردا', 'التعليقات', 'زر الذهاب إلى الأعلى', 'العودة إلى الأعلى',
])
const CHROME = new Set(CHROME_LABELS)

const fold = (line: string) => line.normalize('NFC').replace(/[\s\u00A0\u200B-\u200F]+/g, ' ').trim()

/** Removes chrome labels glued to the front of a line by the scraper ("Sliderالعرب والعالم"). */
function stripLeadingChrome(line: string): string {
  if (CHROME.has(line)) return line
  let out = line
  for (let changed = true; changed;) {
    changed = false
    for (const label of CHROME_LABELS) {
      // A real glue leaves a letter next; a mark (ً) would mean the label was a longer word's prefix.
      if (out.startsWith(label) && /^\s*\p{L}/u.test(out.slice(label.length))) {
        out = out.slice(label.length).trim()
        changed = true
      }
    }
  }
  return out
}

const words = (s: string) => s.split(' ').filter(Boolean).length
// "واشنطن / متابعة وطن برس", "بيروت - خاص", "الرياض | وكالات": a short place, a separator, a short credit.
const DATELINE = /^([^/|–—-]{2,40}?)\s*[/|–—-]\s*(.{2,60})$/

/** Parses one scraped page; throws PageParseError naming what it could not find. */
export function parseArticlePage(text: string): ParsedArticlePage {
  const storyLines: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = stripLeadingChrome(fold(raw))
    if (END_OF_STORY.has(line)) break
    if (line && !CHROME.has(line)) storyLines.push(line)
  }

  let i = 0
  let category: string | null = null
  // A label of at most four words right before a longer line is the category kicker.
  if (storyLines.length > 2 && words(storyLines[0]!) <= 4 && words(storyLines[1]!) > words(storyLines[0]!)) {
    category = storyLines[i++]!
  }
  const title = storyLines[i++]
  if (!title) throw new PageParseError('no headline found')
  let dateline: string | null = null
  let source: string | null = null
  const maybeDateline = storyLines[i]
  const m = maybeDateline && words(maybeDateline) <= 10 ? DATELINE.exec(maybeDateline) : null
  if (m) {
    dateline = m[1]!.trim()
    source = m[2]!.trim()
    i++
  }
  const paragraphs = storyLines.slice(i)
  if (paragraphs.length === 0) throw new PageParseError('no body paragraphs found')
  return { category, title, dateline, source, paragraphs }
}
