import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const doc = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8')

// Deeper than any folder in the tree: a line indented this far continues the line above.
const CONTINUATION_INDENT = 10
const ENTRY = /^(\s*)([\w.-]+\/?)(\s|$)/
const FILE_NAME = /(?<![\w./-])[\w-]+(?:\.[\w-]+)*\.(?:tsx?|json|txt|mjs|cjs)\b/g

interface Entry { path: string; text: string; planned: boolean }

/**
 * The entries of "The shape" tree: each folder or file with its path (from its indentation) and
 * its description (with continuation lines).
 */
function treeEntries(markdown: string): Entry[] {
  const block = /## The shape[\s\S]*?```\n([\s\S]*?)```/.exec(markdown)?.[1]
  assert.ok(block, 'docs/ARCHITECTURE.md has the tree under "The shape"')
  const entries: Entry[] = []
  const parents: Array<{ indent: number; path: string }> = []
  for (const line of block.split('\n')) {
    const indent = line.length - line.trimStart().length
    const m = ENTRY.exec(line)
    if (!line.trim() || indent >= CONTINUATION_INDENT || !m) {
      if (entries.length && line.trim()) entries.at(-1)!.text += ` ${line.trim()}`
      continue
    }
    while (parents.length && parents.at(-1)!.indent >= indent) parents.pop()
    const parent = parents.at(-1)?.path ?? ''
    const rest = line.slice(m[0].length - m[3]!.length)
    // A line of bare names (`layouts/  components/  render.ts`) lists siblings.
    const siblings = /^(\s+[\w-]+(\/|\.[\w.]+))+\s*$/.test(rest) ? rest.trim().split(/\s+/) : []
    entries.push({ path: parent + m[2], text: siblings.length ? '' : rest, planned: /^\s*\(planned\)/.test(rest) })
    for (const name of siblings) entries.push({ path: parent + name, text: '', planned: false })
    if (m[2]!.endsWith('/') && !siblings.length) parents.push({ indent, path: parent + m[2] })
  }
  return entries
}

/** Every file below `dir`, as paths relative to it. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return []
    const full = join(dir, name)
    return statSync(full).isDirectory() ? filesBelow(full, `${prefix}${name}/`) : [`${prefix}${name}`]
  })
}

describe('docs/ARCHITECTURE.md describes the tree as it is', () => {
  const entries = treeEntries(doc)

  it('reads a tree of folders and files from it', () => {
    assert.ok(entries.length > 30, `${entries.length} entries read`)
    assert.ok(entries.some((e) => e.path === 'src/storage/sqlite/'))
  })

  it('names only folders and files that exist, unless it marks them planned', () => {
    const missing = entries.filter((e) => !e.planned && !existsSync(join(ROOT, e.path))).map((e) => e.path)
    assert.deepEqual(missing, [])
  })

  it('names, in each folder\'s description, only files found in that folder, unless marked planned', () => {
    const missing: string[] = []
    for (const e of entries.filter((x) => !x.planned && x.path.endsWith('/') && existsSync(join(ROOT, x.path)))) {
      const present = new Set(filesBelow(join(ROOT, e.path)).map((f) => f.split('/').at(-1)))
      // A name followed by "(planned)" before the next comma or semicolon is a plan, not a claim.
      for (const m of e.text.matchAll(FILE_NAME)) {
        const after = e.text.slice(m.index! + m[0].length).split(/[,;]/)[0]!
        if (!/\(planned\)/.test(after) && !present.has(m[0])) missing.push(`${e.path}: ${m[0]}`)
      }
    }
    assert.deepEqual(missing, [])
  })
})
