import { ArticleCard } from '../components/article-card.js'
import type { HomeVm } from '../view-models.js'

/**
 * The front page. The slider is an ordered list of featured stories: without JavaScript it is a
 * scrollable row (scroll-snap); site.js turns it into a carousel with controls.
 */
export function HomePage({ vm }: { vm: HomeVm }) {
  return (
    <>
      <h1 class="visually-hidden">الصفحة الرئيسية</h1>
      <div class={`home-top${vm.featured.length > 0 ? '' : ' no-slider'}`}>
        {vm.featured.length > 0 && (
          <section class="slider" aria-roledescription="carousel" aria-label="أبرز الأخبار" data-slider="">
            <ol class="slides" id="slides">
              {vm.featured.map((a, i) => (
                <li class="slide" key={a.href} aria-roledescription="slide" aria-label={`${i + 1} من ${vm.featured.length}`}>
                  <a class="slide-link" href={a.href}>
                    {a.image && (
                      <img src={a.image.src} alt={a.image.alt} width={1280} height={720}
                        loading={i === 0 ? 'eager' : 'lazy'} fetchpriority={i === 0 ? 'high' : undefined} decoding="async" />
                    )}
                    <span class="slide-text">
                      <span class="kicker">{a.kicker.name}</span>
                      <span class="slide-title">{a.breaking && <span class="badge-breaking">عاجل</span>}{a.title}</span>
                      {a.dek && <span class="slide-dek">{a.dek}</span>}
                    </span>
                  </a>
                </li>
              ))}
            </ol>
          </section>
        )}
        {vm.latest.length > 0 && (
          <section class="latest" aria-labelledby="latest-heading">
            <h2 id="latest-heading" class="section-heading">آخر الأخبار</h2>
            <div class="card-list latest-list">
              {vm.latest.map((a) => <ArticleCard key={a.href} a={a} size="compact" />)}
            </div>
          </section>
        )}
      </div>
      <div class="sections">
        {vm.sections.map((s, n) => (
          <section class="desk" key={s.category.href} aria-labelledby={`desk-${n}`}>
            <header class="desk-header">
              <h2 class="section-heading" id={`desk-${n}`}>
                <a href={s.category.href}>{s.category.name}</a>
              </h2>
              <a class="more" href={s.category.href}>المزيد<span class="visually-hidden"> من {s.category.name}</span></a>
            </header>
            <div class="card-grid desk-grid">
              {s.articles.map((a, i) => <ArticleCard key={a.href} a={a} size={i === 0 ? 'large' : 'normal'} />)}
            </div>
          </section>
        ))}
      </div>
    </>
  )
}
