import { ArticleCard } from '../components/article-card.js'
import { CommentSection } from '../components/comment-section.js'
import { TrustedHtml } from '../components/trusted-html.js'
import type { ArticlePageVm } from '../view-models.js'

/** A story: header, cover, dateline and body, tags and sharing; related stories beside it on wide screens. */
export function ArticlePage({ vm }: { vm: ArticlePageVm }) {
  return (
    <div class="article-layout">
      {vm.previewOf && <p class="preview-banner" role="status">معاينة: هذا الخبر {vm.previewOf}، ولا يراه القراء بعد.</p>}
      <article class="story" aria-labelledby="headline">
        <header class="story-header">
          {vm.editHref && <a class="edit-link" href={vm.editHref}>تحرير الخبر</a>}
          <nav class="breadcrumbs" aria-label="مسار التصفح">
            <ol>
              <li><a href="/">الرئيسية</a></li>
              <li><a class="kicker" href={vm.category.href}>{vm.category.name}</a></li>
            </ol>
          </nav>
          <h1 id="headline" class="headline">{vm.title}</h1>
          {vm.dek && <p class="dek">{vm.dek}</p>}
          <div class="story-meta">
            {vm.bylines.length > 0 && (
              <p class="byline">
                بقلم{' '}
                {vm.bylines.map((b, i) => <>{i > 0 && '، '}<a rel="author" href={b.href}>{b.name}</a></>)}
              </p>
            )}
            <p class="dates">
              <time datetime={vm.publishedIso}>{vm.gregorian}</time>
              <span class="sep" aria-hidden="true"> · </span>
              <span class="hijri">{vm.hijri}</span>
              <span class="sep" aria-hidden="true"> · </span>
              <span class="clock">{vm.time}</span>
              {vm.updated && <span class="updated"> — حُدِّث في <time datetime={vm.updated.iso}>{vm.updated.gregorian}</time></span>}
            </p>
            <p class="reading-time">مدة القراءة: {vm.readingTime}</p>
          </div>
        </header>
        {vm.cover && (
          <figure class="cover">
            <img src={vm.cover.src} alt={vm.cover.alt} width={1280} height={720} decoding="async" fetchpriority="high" />
            {(vm.cover.caption || vm.cover.credit) && (
              <figcaption>{vm.cover.caption}{vm.cover.credit && <span class="credit"> {vm.cover.credit}</span>}</figcaption>
            )}
          </figure>
        )}
        <div class="story-content">
          {(vm.dateline || vm.source) && (
            <p class="dateline">
              {vm.dateline && <span class="dateline-place">{vm.dateline}</span>}
              {vm.dateline && vm.source && <span class="dateline-sep" aria-hidden="true"> / </span>}
              {vm.source && <span class="dateline-source">{vm.source}</span>}
            </p>
          )}
          <TrustedHtml class="story-body" html={vm.bodyHtml} />
          {vm.notes.length > 0 && (
            <aside class="story-notes" aria-label="تصحيحات وتحديثات">
              {vm.notes.map((n) => (
                <p key={n.id} role="note" class={`story-note story-note-${n.kind}`}>
                  <span class="story-note-head">
                    <strong class="story-note-label">{n.label}</strong>
                    <span class="sep" aria-hidden="true"> · </span>
                    <time datetime={n.iso}>{n.when}</time>
                  </span>{' '}
                  <span class="story-note-text">{n.text}</span>
                </p>
              ))}
            </aside>
          )}
          {vm.tags.length > 0 && (
            <nav class="tags" aria-labelledby="tags-heading">
              <h2 class="tags-heading" id="tags-heading">الوسوم</h2>
              <ul>{vm.tags.map((t) => <li key={t.href}><a href={t.href} rel="tag">{t.name}</a></li>)}</ul>
            </nav>
          )}
          <section class="share" aria-labelledby="share-heading">
            <h2 class="share-heading" id="share-heading">شارك الخبر</h2>
            <ul>
              {vm.share.map((s) => (
                <li key={s.network}>
                  <a class={`share-link share-${s.network}`} href={s.href} rel="noopener noreferrer" target={s.network === 'email' ? undefined : '_blank'}>
                    {s.label}{s.network !== 'email' && <span class="visually-hidden"> (نافذة جديدة)</span>}
                  </a>
                </li>
              ))}
              <li><a class="share-link share-copy" href={vm.shareUrl} data-copy={vm.shareUrl}>نسخ الرابط</a></li>
            </ul>
          </section>
        </div>
      </article>
      {vm.related.length > 0 && (
        <section class="related" aria-labelledby="related-heading">
          <h2 id="related-heading" class="section-heading">مقالات ذات صلة</h2>
          <div class="card-grid related-list">
            {vm.related.map((a) => <ArticleCard key={a.href} a={a} />)}
          </div>
        </section>
      )}
      <CommentSection vm={vm} />
    </div>
  )
}
