import { Highlight } from '../components/highlight.js'
import { Pagination } from '../components/pagination.js'
import type { SearchResultVm, SearchVm } from '../view-models.js'

function Result({ r }: { r: SearchResultVm }) {
  const a = r.card
  return (
    <article class="card card-normal search-result">
      <div class="card-body">
        <a class="kicker" href={a.kicker.href}>{a.kicker.name}</a>
        <h2 class="card-title"><a href={a.href}><Highlight parts={r.title} /></a></h2>
        {r.snippet.length > 0 && <p class="card-dek snippet"><Highlight parts={r.snippet} /></p>}
        <p class="card-meta"><time datetime={a.publishedIso}>{a.gregorian}</time><span class="sep" aria-hidden="true"> · </span><span class="hijri">{a.hijri}</span></p>
      </div>
    </article>
  )
}

export function SearchPage({ vm }: { vm: SearchVm }) {
  const f = vm.filters
  return (
    <section class="search-results" aria-labelledby="search-heading">
      <header class="page-header">
        <p class="page-kind">البحث</p>
        <h1 id="search-heading">{vm.query ? <>نتائج البحث عن: <bdi>{vm.query}</bdi></> : 'البحث في الأخبار'}</h1>
      </header>
      <form class="search-form search-form-large" role="search" action="/search" method="get">
        <label for="search-page-q">كلمات البحث</label>
        <div class="search-row">
          <input id="search-page-q" type="search" name="q" value={vm.query} maxLength={200} dir="auto" />
          <button type="submit">بحث</button>
        </div>
        <div class="search-filters">
          <label for="search-category">القسم</label>
          <select id="search-category" name="category">
            <option value="">كل الأقسام</option>
            {f.categories.map((c) => <option key={c.slug} value={c.slug} selected={c.selected}>{c.name}</option>)}
          </select>
          <label for="search-from">من</label>
          <input id="search-from" type="date" name="from" value={f.from} />
          <label for="search-to">إلى</label>
          <input id="search-to" type="date" name="to" value={f.to} />
        </div>
        <p class="form-hint">للعبارة الكاملة ضعها بين علامتي تنصيص <bdi>"…"</bdi>، ولاستبعاد كلمة ضع قبلها <bdi>-</bdi></p>
      </form>
      {vm.problem && <p class="form-error" role="alert">{vm.problem}</p>}
      {vm.query && !vm.problem && <p class="result-count" role="status">{vm.total === 0 ? 'لا نتائج' : `${vm.total} نتيجة`}</p>}
      {vm.query && !vm.problem && vm.total === 0 && (
        <div class="empty">
          <p>لم نجد أخباراً تطابق بحثك. جرّب:</p>
          <ul>
            <li>كلمات أقل أو أعمّ، أو إزالة عوامل التصفية</li>
            <li>التأكد من الإملاء</li>
          </ul>
          {vm.suggestions.length > 0 && (
            <nav aria-label="اقتراحات">
              <p>قد يهمك:</p>
              <ul class="suggestions">{vm.suggestions.map((s) => <li key={s.href}><a href={s.href}>{s.name}</a></li>)}</ul>
            </nav>
          )}
        </div>
      )}
      {vm.results.length > 0 && <div class="card-list result-list">{vm.results.map((r) => <Result key={r.card.href} r={r} />)}</div>}
      {vm.pagination && <Pagination p={vm.pagination} />}
    </section>
  )
}
