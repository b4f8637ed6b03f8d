import { ArticleCard } from '../components/article-card.js'
import { Pagination } from '../components/pagination.js'
import type { SearchVm } from '../view-models.js'

export function SearchPage({ vm }: { vm: SearchVm }) {
  return (
    <section class="search-results" aria-labelledby="search-heading">
      <header class="page-header">
        <p class="page-kind">البحث</p>
        <h1 id="search-heading">{vm.query ? <>نتائج البحث عن: <bdi>{vm.query}</bdi></> : 'البحث في الأخبار'}</h1>
      </header>
      <form class="search-form search-form-large" role="search" action="/search" method="get">
        <label for="search-page-q">كلمات البحث</label>
        <div class="search-row">
          <input id="search-page-q" type="search" name="q" value={vm.query} maxLength={200} />
          <button type="submit">بحث</button>
        </div>
      </form>
      {vm.problem && <p class="form-error" role="alert">{vm.problem}</p>}
      {vm.query && !vm.problem && <p class="result-count" role="status">{vm.total === 0 ? 'لا نتائج' : `${vm.total} نتيجة`}</p>}
      {vm.query && !vm.problem && vm.total === 0 && (
        <div class="empty">
          <p>لم نجد أخباراً تطابق بحثك. جرّب:</p>
          <ul>
            <li>كلمات أقل أو أعمّ</li>
            <li>التأكد من الإملاء، أو كتابة الكلمة دون «ال»</li>
            <li>تصفح الأقسام من القائمة أعلاه</li>
          </ul>
        </div>
      )}
      {vm.articles.length > 0 && <div class="card-list result-list">{vm.articles.map((a) => <ArticleCard key={a.href} a={a} headingLevel={2} />)}</div>}
      {vm.pagination && <Pagination p={vm.pagination} />}
    </section>
  )
}
