import type { PaginationVm } from '../view-models.js'

/** Page links; with one page there is nothing to show. */
export function Pagination({ p }: { p: PaginationVm }) {
  if (p.pages <= 1) return null
  return (
    <nav class="pagination" aria-label="الصفحات">
      <ul>
        {p.prevHref && <li><a href={p.prevHref} rel="prev">السابق</a></li>}
        {p.items.map((item, i) => item === null
          ? <li key={`gap-${i}`} class="gap" aria-hidden="true">…</li>
          : <li key={item.page}><a href={item.href} aria-current={item.page === p.page ? 'page' : undefined}>{item.page}</a></li>)}
        {p.nextHref && <li><a href={p.nextHref} rel="next">التالي</a></li>}
      </ul>
    </nav>
  )
}
