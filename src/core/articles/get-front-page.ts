import type { ArticleSummary } from './article.js'
import type { Clock, Repos } from '../store.js'
import { categoryTree, categoryWithDescendants, type Category } from '../taxonomy/taxonomy.js'

export interface FrontPage {
  categories: Category[]
  featured: ArticleSummary[]
  breaking: ArticleSummary[]
  latest: ArticleSummary[]
  sections: Array<{ category: Category; articles: ArticleSummary[] }>
}

export const FRONT_PAGE = { featured: 6, breaking: 5, latest: 8, perSection: 4 } as const

/** The home page: slider of featured stories, breaking ticker, latest, and one block per desk. */
export async function getFrontPage(deps: { repos: Pick<Repos, 'articles' | 'categories'>; clock: Clock }): Promise<FrontPage> {
  const { articles, categories } = deps.repos
  const visibleAt = deps.clock.now()
  const all = await categories.all()
  const [featured, breaking, latest] = await Promise.all([
    articles.list({ visibleAt, featured: true, offset: 0, limit: FRONT_PAGE.featured }),
    articles.list({ visibleAt, breaking: true, offset: 0, limit: FRONT_PAGE.breaking }),
    articles.list({ visibleAt, offset: 0, limit: FRONT_PAGE.latest }),
  ])
  const sections = await Promise.all(
    categoryTree(all).map(async (category) => ({
      category,
      articles: await articles.list({ visibleAt, categoryIds: categoryWithDescendants(all, category.id), offset: 0, limit: FRONT_PAGE.perSection }),
    })),
  )
  return {
    categories: all,
    featured,
    breaking,
    latest,
    sections: sections.filter((s) => s.articles.length > 0),
  }
}
