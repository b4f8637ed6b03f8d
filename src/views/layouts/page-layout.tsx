import type { ComponentChildren } from 'preact'
import type { LayoutVm } from '../view-models.js'

/** Every public page: RTL document, header with desks and search, breaking ticker, footer. */
export function PageLayout({ vm, children }: { vm: LayoutVm; children: ComponentChildren }) {
  const fullTitle = vm.title ? `${vm.title} | ${vm.siteName}` : `${vm.siteName} | أخبار العرب والعالم`
  const v = vm.assetVersion
  return (
    <html lang="ar" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={vm.description} />
        <link rel="canonical" href={vm.canonical} />
        <meta name="color-scheme" content="light dark" />
        <meta property="og:site_name" content={vm.siteName} />
        <meta property="og:locale" content="ar_AR" />
        <meta property="og:title" content={vm.title || vm.siteName} />
        <meta property="og:description" content={vm.description} />
        <meta property="og:url" content={vm.canonical} />
        <meta property="og:type" content={vm.og?.type ?? 'website'} />
        {vm.og?.image && <meta property="og:image" content={vm.og.image} />}
        {vm.og?.publishedIso && <meta property="article:published_time" content={vm.og.publishedIso} />}
        <link rel="preload" href={`/assets/fonts/naskh-arabic-400.woff2?v=${v}`} as="font" type="font/woff2" crossorigin="anonymous" />
        <link rel="stylesheet" href={`/assets/site.css?v=${v}`} />
        <link rel="icon" href={`/assets/favicon.svg?v=${v}`} type="image/svg+xml" />
        <script src={`/assets/site.js?v=${v}`} defer></script>
      </head>
      <body id="top">
        <a class="skip-link" href="#main">انتقل إلى المحتوى</a>
        <header class="site-header">
          <div class="masthead">
            <a class="brand" href="/" aria-label={`${vm.siteName} — الصفحة الرئيسية`}>
              <span class="brand-mark" aria-hidden="true">{vm.siteName}</span>
              <span class="brand-tagline">أخبار العرب والعالم</span>
            </a>
            <form class="search-form" role="search" action="/search" method="get">
              <label class="visually-hidden" for="site-search">ابحث في الموقع</label>
              <input id="site-search" type="search" name="q" value={vm.searchQuery} placeholder="ابحث عن خبر…" maxLength={200} />
              <button type="submit">بحث</button>
            </form>
          </div>
          <nav class="desk-nav" aria-label="الأقسام">
            <ul>
              <li><a href="/" aria-current={vm.nav.every((n) => !n.current) && !vm.title ? 'page' : undefined}>الرئيسية</a></li>
              {vm.nav.map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={item.current ? 'page' : undefined}>{item.name}</a>
                </li>
              ))}
            </ul>
          </nav>
          {vm.breaking.length > 0 && (
            <section class="ticker" aria-label="عاجل">
              <h2 class="ticker-label">عاجل</h2>
              <div class="ticker-track">
                <ul>
                  {vm.breaking.map((b) => <li key={b.href}><a href={b.href}>{b.name}</a></li>)}
                </ul>
              </div>
            </section>
          )}
        </header>
        <main id="main" tabIndex={-1}>{children}</main>
        <footer class="site-footer">
          <nav aria-label="أقسام الموقع">
            <ul>
              {vm.nav.map((item) => <li key={item.href}><a href={item.href}>{item.name}</a></li>)}
            </ul>
          </nav>
          <p>© {vm.siteName} — جميع الحقوق محفوظة. منصة نشر عربية.</p>
        </footer>
        <a class="back-to-top" href="#top" aria-label="الذهاب إلى أعلى الصفحة" title="إلى الأعلى">
          <span aria-hidden="true">↑</span>
        </a>
      </body>
    </html>
  )
}
