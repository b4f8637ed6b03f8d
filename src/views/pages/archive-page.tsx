import { ArticleCard } from '../components/article-card.js'
import { Pagination } from '../components/pagination.js'
import type { ArchiveVm } from '../view-models.js'

/** Category, tag and author archives. The first story of the first page leads. */
export function ArchivePage({ vm }: { vm: ArchiveVm }) {
  const lead = vm.pagination.page <= 1
  return (
    <section class="archive" aria-labelledby="archive-heading">
      <header class="page-header archive-header">
        <p class="page-kind archive-kind">{vm.kind}</p>
        <h1 id="archive-heading">{vm.heading}</h1>
        {vm.description && <p class="archive-description">{vm.description}</p>}
        <p class="archive-count">{vm.total} {vm.total === 1 ? 'خبر' : vm.total === 2 ? 'خبران' : vm.total <= 10 ? 'أخبار' : 'خبراً'}</p>
      </header>
      {vm.articles.length > 0
        ? (
          <div class={`card-grid archive-list${lead ? ' has-lead' : ''}`}>
            {vm.articles.map((a, i) => <ArticleCard key={a.href} a={a} headingLevel={2} size={lead && i === 0 ? 'large' : 'normal'} eager={i < 2} />)}
          </div>
        )
        : <p class="empty">لا أخبار هنا بعد.</p>}
      <Pagination p={vm.pagination} />
    </section>
  )
}
