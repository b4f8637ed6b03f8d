import { arabicAnalyzer, type Analyzer } from '../../arabic/index.js'
import type { Repos } from '../store.js'

// The archive's most used tags are the candidates: a tag nobody uses is no suggestion.
const CANDIDATES = 2000

const stemsOf = (analyzer: Analyzer, text: string) =>
  analyzer.analyze(text).filter((t) => !t.stop && t.kind !== 'number').map((t) => t.stems[0]!)

/**
 * Tags for a story from its own words: an existing tag is suggested when every word of its name
 * occurs in the story (compared by the search analyzer's stems, so «الأميركية» in the text finds
 * the tag «أمريكا»'s forms, and «بغداد» finds «بغداد» whatever its clitics), ranked by how often
 * the story says it and how much the archive uses the tag. Tags the story already has are left out.
 */
export async function suggestTags(
  repos: Pick<Repos, 'tags'>,
  story: { title: string; dek: string | null; bodyText: string; tags: readonly string[] },
  opts: { analyzer?: Analyzer; limit?: number } = {},
): Promise<string[]> {
  const analyzer = opts.analyzer ?? arabicAnalyzer
  const counts = new Map<string, number>()
  // The headline counts three times, the dek twice: what a story is about is said there.
  for (const [text, weight] of [[story.title, 3], [story.dek ?? '', 2], [story.bodyText, 1]] as const) {
    for (const s of stemsOf(analyzer, text)) counts.set(s, (counts.get(s) ?? 0) + weight)
  }
  const taken = new Set(story.tags)
  const scored: Array<{ name: string; score: number }> = []
  for (const tag of await repos.tags.popular(CANDIDATES)) {
    if (taken.has(tag.name)) continue
    const stems = stemsOf(analyzer, tag.name)
    if (stems.length === 0) continue
    const mentions = Math.min(...stems.map((s) => counts.get(s) ?? 0))
    if (mentions > 0) scored.push({ name: tag.name, score: mentions * Math.log(2 + tag.uses) })
  }
  return scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'ar')).slice(0, opts.limit ?? 8).map((s) => s.name)
}
