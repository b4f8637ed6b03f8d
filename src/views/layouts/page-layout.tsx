import type { ComponentChildren } from 'preact'
import type { LayoutVm, LinkVm } from '../view-models.js'

/** The body font's Arabic subset: needed for the first paint of every page. */
const PRELOAD_FONT = 'noto-naskh-arabic-arabic-400-normal.woff2'

/**
 * The breaking-news reel. The list is printed twice so the CSS marquee can loop without a seam;
 * the second copy is hidden from assistive technology and taken out of the tab order.
 */
function Ticker({ items }: { items: LinkVm[] }) {
  return (
    <section class="ticker" aria-labelledby="ticker-label">
      <div class="wrap ticker-inner">
        <h2 class="ticker-label" id="ticker-label">عاجل</h2>
        <div class="ticker-track">
          <div class="ticker-reel">
            <ul class="ticker-list">
              {items.map((b) => <li key={b.href}><a href={b.href}>{b.name}</a></li>)}
            </ul>
            <ul class="ticker-list ticker-clone" aria-hidden="true">
              {items.map((b) => <li key={b.href}><a href={b.href} tabIndex={-1}>{b.name}</a></li>)}
            </ul>
          </div>
        </div>
      </div>
    </section>
  )
}

/** Every public page: RTL document, header with desks and search, breaking ticker, footer. */
export function PageLayout({ vm, children }: { vm: LayoutVm; children: ComponentChildren }) {
  const fullTitle = vm.title ? `${vm.title} | ${vm.siteName}` : `${vm.siteName} | أخبار العرب والعالم`
  const v = vm.assetVersion
  const onHome = vm.nav.every((n) => !n.current) && !vm.title
  return (
    <html lang="ar" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={vm.description} />
        <link rel="canonical" href={vm.canonical} />
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content="#b3121f" />
        <meta property="og:site_name" content={vm.siteName} />
        <meta property="og:locale" content="ar_AR" />
        <meta property="og:title" content={vm.title || vm.siteName} />
        <meta property="og:description" content={vm.description} />
        <meta property="og:url" content={vm.canonical} />
        <meta property="og:type" content={vm.og?.type ?? 'website'} />
        {vm.og?.image && <meta property="og:image" content={vm.og.image} />}
        {vm.og?.publishedIso && <meta property="article:published_time" content={vm.og.publishedIso} />}
        <link rel="preload" href={`/assets/fonts/${PRELOAD_FONT}`} as="font" type="font/woff2" crossorigin="anonymous" />
        <link rel="stylesheet" href={`/assets/site.css?v=${v}`} />
        <link rel="icon" href={`/assets/favicon.svg?v=${v}`} type="image/svg+xml" />
        <script src={`/assets/site.js?v=${v}`} defer></script>
      </head>
      <body id="top">
        <a class="skip-link" href="#main">انتقل إلى المحتوى</a>
        <header class="site-header">
          <div class="masthead">
            <div class="wrap masthead-inner">
              <a class="brand" href="/" aria-label={`${vm.siteName} — الصفحة الرئيسية`}>
                <span class="brand-mark" aria-hidden="true">{vm.siteName}</span>
                <span class="brand-tagline" aria-hidden="true">أخبار العرب والعالم</span>
              </a>
              <p class="masthead-date"><time datetime={vm.today.iso}>{vm.today.hijri}<span aria-hidden="true"> · </span>{vm.today.gregorian}</time></p>
              <form class="search-form" role="search" action="/search" method="get">
                <label class="visually-hidden" for="site-search">ابحث في الموقع</label>
                <input id="site-search" type="search" name="q" value={vm.searchQuery} placeholder="ابحث عن خبر…" maxLength={200} />
                <button type="submit">
                  <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" focusable="false">
                    <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.4" />
                    <path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" />
                  </svg>
                  <span class="search-label">بحث</span>
                </button>
              </form>
            </div>
          </div>
          <nav class="desk-nav" aria-label="الأقسام">
            <div class="wrap">
              <ul>
                <li><a href="/" aria-current={onHome ? 'page' : undefined}>الرئيسية</a></li>
                {vm.nav.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={item.current ? 'page' : undefined}>{item.name}</a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
          {vm.breaking.length > 0 && <Ticker items={vm.breaking} />}
        </header>
        <main id="main" class="site-main" tabIndex={-1}>
          <div class="wrap">{children}</div>
        </main>
        <footer class="site-footer">
          <div class="wrap footer-inner">
            <div class="footer-brand">
              <a class="brand brand-footer" href="/" aria-label={`${vm.siteName} — الصفحة الرئيسية`}>
                <span class="brand-mark" aria-hidden="true">{vm.siteName}</span>
              </a>
              <p class="footer-about">منصة نشر عربية مستقلة: أخبار العرب والعالم، السياسة والاقتصاد والرياضة والثقافة.</p>
            </div>
            <nav class="footer-nav" aria-label="أقسام الموقع">
              <h2 class="footer-heading">الأقسام</h2>
              <ul>
                {vm.nav.map((item) => (
                  <li key={item.href}>
                    <a href={item.href}>{item.name}</a>
                    {item.children.length > 0 && (
                      <ul class="footer-subnav">
                        {item.children.map((c) => <li key={c.href}><a href={c.href}>{c.name}</a></li>)}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div class="wrap footer-legal">
            <p>© {vm.siteName} — جميع الحقوق محفوظة. منصة نشر عربية.</p>
            <p><a href="/search">البحث في الأرشيف</a></p>
          </div>
        </footer>
        <a class="back-to-top" href="#top" aria-label="الذهاب إلى أعلى الصفحة" title="إلى الأعلى">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
            <path d="M12 19V5M5.5 11.5 12 5l6.5 6.5" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
        </a>
      </body>
    </html>
  )
}
