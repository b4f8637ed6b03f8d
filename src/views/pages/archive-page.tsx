import { ArticleCard } from '../components/article-card.js'
import { Pagination } from '../components/pagination.js'
import type { ArchiveVm } from '../view-models.js'

/** Category, tag and author archives. */
export function ArchivePage({ vm }: { vm: ArchiveVm }) {
  return (
    <section class="archive" aria-labelledby="archive-heading">
      <header class="archive-header">
        <p class="archive-kind">{vm.kind}</p>
        <h1 id="archive-heading">{vm.heading}</h1>
        {vm.description && <p class="archive-description">{vm.description}</p>}
        <p class="archive-count">{vm.total} {vm.total === 1 ? 'خبر' : vm.total === 2 ? 'خبران' : vm.total <= 10 ? 'أخبار' : 'خبراً'}</p>
      </header>
      {vm.articles.length > 0
        ? <div class="card-grid archive-list">{vm.articles.map((a) => <ArticleCard key={a.href} a={a} headingLevel={2} />)}</div>
        : <p class="empty">لا أخبار هنا بعد.</p>}
      <Pagination p={vm.pagination} />
    </section>
  )
}
