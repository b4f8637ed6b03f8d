import type { PaginationVm } from '../view-models.js'

/** Page links; with one page there is nothing to show. The arrows follow the reading direction (RTL). */
export function Pagination({ p }: { p: PaginationVm }) {
  if (p.pages <= 1) return null
  return (
    <nav class="pagination" aria-label="الصفحات">
      <ul>
        {p.prevHref && <li class="page-prev"><a href={p.prevHref} rel="prev"><span class="arrow" aria-hidden="true">→</span> السابق</a></li>}
        {p.items.map((item, i) => item === null
          ? <li key={`gap-${i}`} class="gap" aria-hidden="true">…</li>
          : (
            <li key={item.page}>
              <a href={item.href} aria-current={item.page === p.page ? 'page' : undefined}>
                <span class="visually-hidden">الصفحة </span>{item.page}
              </a>
            </li>
          ))}
        {p.nextHref && <li class="page-next"><a href={p.nextHref} rel="next">التالي <span class="arrow" aria-hidden="true">←</span></a></li>}
      </ul>
    </nav>
  )
}
