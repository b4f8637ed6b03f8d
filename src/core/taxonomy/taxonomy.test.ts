import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { categoryTree, categoryWithDescendants, type Category } from './taxonomy.js'

function category(id: number, position: number, parentId: number | null = null): Category {
  return { id, slug: `c${id}`, name: `قسم ${id}`, description: null, parentId, position }
}

describe('categoryTree', () => {
  it('orders top-level categories by position, then id', () => {
    const all = [category(3, 2), category(1, 1), category(5, 2), category(2, 0)]
    assert.deepEqual(categoryTree(all).map((c) => c.id), [2, 1, 3, 5])
  })

  it('puts each child under its parent, ordered by position, and not at the top level', () => {
    const all = [category(1, 1), category(2, 2), category(10, 2, 1), category(11, 1, 1), category(12, 1, 2)]
    const tree = categoryTree(all)
    assert.deepEqual(tree.map((c) => [c.id, c.children.map((k) => k.id)]), [[1, [11, 10]], [2, [12]]])
  })

  it('gives an empty list of children to a leaf category', () => {
    assert.deepEqual(categoryTree([category(1, 1)])[0]!.children, [])
  })

  it('does not reorder its input', () => {
    const all = [category(3, 2), category(1, 1)]
    categoryTree(all)
    assert.deepEqual(all.map((c) => c.id), [3, 1])
  })
})

describe('categoryWithDescendants', () => {
  const all = [category(1, 1), category(2, 2), category(10, 1, 1), category(11, 2, 1), category(100, 1, 10), category(20, 1, 2)]

  it('includes the category itself first', () => {
    assert.equal(categoryWithDescendants(all, 1)[0], 1)
  })

  it('includes children and grandchildren, and nothing else', () => {
    assert.deepEqual(categoryWithDescendants(all, 1).sort((a, b) => a - b), [1, 10, 11, 100])
  })

  it('gives a leaf only itself', () => {
    assert.deepEqual(categoryWithDescendants(all, 100), [100])
  })

  it('gives an unknown id only itself', () => {
    assert.deepEqual(categoryWithDescendants(all, 999), [999])
  })
})
