import type { ArticleCardVm } from '../view-models.js'

/** A story in a list: kicker, headline, optional image and standfirst, both calendars' dates. */
export function ArticleCard({ a, size = 'normal', headingLevel = 3, eager = false }: {
  a: ArticleCardVm
  size?: 'normal' | 'compact' | 'large'
  headingLevel?: 2 | 3
  /** Above the fold: load the image straight away. */
  eager?: boolean
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3'
  const showImage = a.image !== null && size !== 'compact'
  return (
    <article class={`card card-${size}${showImage ? ' has-media' : ''}${a.breaking ? ' is-breaking' : ''}`}>
      {showImage && a.image && (
        <a class="card-media" href={a.href} tabIndex={-1} aria-hidden="true">
          <img src={a.image.src} alt="" loading={eager ? 'eager' : 'lazy'} decoding="async" width={640} height={360} />
        </a>
      )}
      <div class="card-body">
        <a class="kicker" href={a.kicker.href}>{a.kicker.name}</a>
        <H class="card-title">
          <a href={a.href}>{a.breaking && <span class="badge-breaking">عاجل</span>}{a.title}</a>
        </H>
        {a.dek && size !== 'compact' && <p class="card-dek">{a.dek}</p>}
        <p class="card-meta"><time datetime={a.publishedIso}>{size === 'compact' && <span class="card-time">{a.time} · </span>}{a.gregorian}</time><span class="sep" aria-hidden="true"> · </span><span class="hijri">{a.hijri}</span></p>
      </div>
    </article>
  )
}
