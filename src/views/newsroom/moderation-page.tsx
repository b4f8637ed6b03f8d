import type { ModerationVm } from './newsroom-vm.js'

/** The moderation queue: filters, bulk actions on a page of comments, and each comment's own tools. */
export function ModerationPage({ vm, csrf }: { vm: ModerationVm; csrf: string }) {
  return (
    <>
      <h1>التعليقات</h1>
      <ul class="nr-counts" aria-label="التعليقات حسب الحالة">
        {vm.counts.map((c) => (
          <li key={c.status} class="nr-count"><a href={c.href} aria-current={c.current ? 'page' : undefined}><strong>{c.count}</strong> {c.label}</a></li>
        ))}
      </ul>
      <form method="get" action="/newsroom/comments" class="nr-form nr-inline-form nr-filters">
        <label for="status">الحالة</label>
        <select id="status" name="status">{vm.filters.statuses.map((o) => <option key={o.value} value={o.value} selected={o.selected}>{o.label}</option>)}</select>
        <label for="article">رقم الخبر</label>
        <input id="article" name="article" inputMode="numeric" pattern="[0-9]*" value={vm.filters.articleId} />
        <button type="submit" class="nr-button">عرض</button>
      </form>
      {vm.items.length === 0 ? <p class="nr-card nr-muted">لا تعليقات هنا.</p> : (
        <form method="post" action={vm.action} class="nr-card" id="bulk">
          <input type="hidden" name="_csrf" value={csrf} />
          <div class="nr-actions" role="group" aria-label="إجراء على التعليقات المحددة">
            {vm.actions.map((a) => <button key={a.action} type="submit" name="action" value={a.action} class={`nr-button${a.danger ? ' nr-danger' : ''}`}>{a.label}</button>)}
          </div>
          <ol class="nr-rows">
            {vm.items.map((c) => (
              <li key={c.id} class="nr-row nr-comment" id={`c-${c.id}`}>
                <label class="nr-check"><input type="checkbox" name="ids" value={String(c.id)} /> <span class="nr-visually-hidden">تحديد تعليق</span> <bdi>{c.author}</bdi></label>
                {c.fromDesk && <span class="nr-status nr-status-published">من التحرير</span>}
                <span class={`nr-status nr-status-${c.status}`}>{c.statusLabel}</span>
                <span class="nr-row-meta"><bdi dir="ltr">{c.email}</bdi>{c.ip && <> · <bdi dir="ltr">{c.ip}</bdi></>} · <time dateTime={c.whenIso}>{c.when}</time></span>
                <div class="nr-comment-body" dir="auto">{c.body.split('\n').map((line, i) => <p key={i}>{line}</p>)}</div>
                <span class="nr-row-meta">على: <a href={c.articleHref} dir="auto">{c.articleTitle}</a></span>
                <details>
                  <summary>تعديل أو رد</summary>
                  <label for={`edit-${c.id}`}>نص التعليق</label>
                  <textarea id={`edit-${c.id}`} name="body" form={`edit-form-${c.id}`} dir="auto" rows={3} maxLength={5000}>{c.body}</textarea>
                  <button type="submit" form={`edit-form-${c.id}`} class="nr-button">حفظ التعديل</button>
                  <label for={`reply-${c.id}`}>رد باسم الموقع</label>
                  <textarea id={`reply-${c.id}`} name="body" form={`reply-form-${c.id}`} dir="auto" rows={3} maxLength={5000}></textarea>
                  <button type="submit" form={`reply-form-${c.id}`} class="nr-button nr-primary">نشر الرد</button>
                </details>
              </li>
            ))}
          </ol>
        </form>
      )}
      {/* The per-comment forms live outside the bulk form (forms cannot nest); their fields point here by form=. */}
      {vm.items.map((c) => (
        <>
          <form key={`e${c.id}`} id={`edit-form-${c.id}`} method="post" action={`/newsroom/comments/${c.id}/edit`} hidden><input type="hidden" name="_csrf" value={csrf} /></form>
          <form key={`r${c.id}`} id={`reply-form-${c.id}`} method="post" action={`/newsroom/comments/${c.id}/reply`} hidden><input type="hidden" name="_csrf" value={csrf} /></form>
        </>
      ))}
      <nav class="nr-actions" aria-label="صفحات">
        {vm.nextHref && <a class="nr-button" href={vm.nextHref}>الأقدم</a>}
        {vm.prevHref && <a class="nr-button" href={vm.prevHref}>الأحدث</a>}
      </nav>
    </>
  )
}
