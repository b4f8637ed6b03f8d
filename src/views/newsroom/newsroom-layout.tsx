import type { ComponentChildren } from 'preact'
import type { NewsroomLayoutVm } from './newsroom-vm.js'

/**
 * Every newsroom screen: RTL, phone-first, no site chrome. The member's menu and the sign-out
 * forms (POST, with the session's CSRF token) when signed in.
 */
export function NewsroomLayout({ vm, children }: { vm: NewsroomLayoutVm; children: ComponentChildren }) {
  const v = vm.assetVersion
  return (
    <html lang="ar" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${vm.title} | غرفة الأخبار | ${vm.siteName}`}</title>
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href={`/assets/site.css?v=${v}`} />
        <link rel="stylesheet" href={`/assets/newsroom.css?v=${v}`} />
        <link rel="icon" href={`/assets/favicon.svg?v=${v}`} type="image/svg+xml" />
        {vm.scripts?.map((src) => <script key={src} type="module" src={`${src}?v=${v}`}></script>)}
      </head>
      <body class="newsroom">
        <a class="skip-link" href="#main">انتقل إلى المحتوى</a>
        <header class="nr-bar">
          <div class="nr-wrap nr-bar-inner">
            <a class="nr-brand" href={vm.member ? '/newsroom' : '/'}>{vm.siteName} <span>غرفة الأخبار</span></a>
            {vm.member && (
              <nav class="nr-nav" aria-label="غرفة الأخبار">
                <ul>
                  {vm.nav.map((n) => <li key={n.href}><a href={n.href} aria-current={n.current ? 'page' : undefined}>{n.name}</a></li>)}
                  <li><a href="/">الموقع</a></li>
                </ul>
              </nav>
            )}
            {vm.member && (
              <div class="nr-member">
                <span class="nr-member-name">{vm.member.name} <small>({vm.member.roleLabel})</small></span>
                <form method="post" action="/newsroom/sign-out">
                  <input type="hidden" name="_csrf" value={vm.csrf} />
                  <button type="submit" class="nr-link-button">خروج</button>
                </form>
              </div>
            )}
          </div>
        </header>
        <main id="main" class="nr-wrap nr-main">
          {vm.notice && <p class={`nr-notice nr-notice-${vm.notice.kind}`} role={vm.notice.kind === 'error' ? 'alert' : 'status'}>{vm.notice.text}</p>}
          {children}
        </main>
      </body>
    </html>
  )
}
