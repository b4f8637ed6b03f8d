import type { ArticlePageVm, CommentVm } from '../view-models.js'

/** The first letter of a name, for the round initial beside a comment. */
function initial(name: string): string {
  return Array.from(name.trim())[0] ?? '؟'
}

function CommentItem({ c, depth, base }: { c: CommentVm; depth: number; base: string }) {
  return (
    <li class={`comment${depth > 0 ? ' is-reply' : ''}${c.fromDesk ? ' from-desk' : ''}`} id={`comment-${c.id}`}>
      <article class="comment-card" aria-labelledby={`comment-${c.id}-author`}>
        <header class="comment-header">
          <span class="avatar" aria-hidden="true">{initial(c.authorName)}</span>
          <span class="comment-author" id={`comment-${c.id}-author`}><bdi>{c.authorName}</bdi>{c.fromDesk && <span class="desk-badge"> · من التحرير</span>}</span>
          <a class="comment-permalink" href={`#comment-${c.id}`}><time datetime={c.publishedIso}>{c.when}</time></a>
        </header>
        <div class="comment-body" dir="auto">{c.body.split('\n').map((line, i) => <p key={i}>{line}</p>)}</div>
        <a class="reply-link" href={`${base}?replyto=${c.id}#respond`}>رد<span class="visually-hidden"> على {c.authorName}</span></a>
      </article>
      {c.replies.length > 0 && <ol class="replies">{c.replies.map((r) => <CommentItem key={r.id} c={r} depth={depth + 1} base={base} />)}</ol>}
    </li>
  )
}

/** Approved comments, threaded, and the form to leave one (held for moderation). */
export function CommentSection({ vm }: { vm: ArticlePageVm }) {
  const f = vm.form
  const err = (field: 'name' | 'email' | 'body') => f.errors[field]
  const base = vm.path
  return (
    <section class="comments" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading" class="section-heading">التعليقات{vm.commentCount > 0 && ` (${vm.commentCount})`}</h2>
      {vm.comments.length > 0
        ? <ol class="comment-list">{vm.comments.map((c) => <CommentItem key={c.id} c={c} depth={0} base={base} />)}</ol>
        : <p class="no-comments">لا تعليقات بعد. كن أول من يعلّق.</p>}
      <div class="respond" id="respond">
        <h2 class="section-heading">اترك تعليقاً</h2>
        {f.notice && <p class="notice" role="status">{f.notice}</p>}
        {f.errors.form && <p class="form-error" role="alert">{f.errors.form}</p>}
        <form class="comment-form" method="post" action={f.action} novalidate>
          <p class="form-hint">لن يُنشر بريدك الإلكتروني. تُراجع التعليقات قبل نشرها.</p>
          {f.values.parentId && (
            <p class="replying-to">
              تكتب رداً على <a href={`#comment-${f.values.parentId}`}>تعليق سابق</a>.
              {' '}<a class="cancel-reply" href={`${base}#respond`}>إلغاء الرد</a>
            </p>
          )}
          <input type="hidden" name="token" value={f.token} />
          {f.values.parentId && <input type="hidden" name="parentId" value={f.values.parentId} />}
          <div class={`field field-body${err('body') ? ' has-error' : ''}`}>
            <label for="comment-body">التعليق</label>
            <textarea id="comment-body" name="body" rows={6} required maxLength={5000} dir="auto"
              aria-invalid={err('body') ? 'true' : undefined} aria-describedby={err('body') ? 'comment-body-error' : undefined}>{f.values.body}</textarea>
            {err('body') && <p class="field-error" id="comment-body-error">{err('body')}</p>}
          </div>
          <div class="field-row">
            <div class={`field${err('name') ? ' has-error' : ''}`}>
              <label for="comment-name">الاسم</label>
              <input id="comment-name" name="name" type="text" required maxLength={80} autocomplete="name" value={f.values.name} dir="auto"
                aria-invalid={err('name') ? 'true' : undefined} aria-describedby={err('name') ? 'comment-name-error' : undefined} />
              {err('name') && <p class="field-error" id="comment-name-error">{err('name')}</p>}
            </div>
            <div class={`field${err('email') ? ' has-error' : ''}`}>
              <label for="comment-email">البريد الإلكتروني</label>
              <input id="comment-email" name="email" type="email" required maxLength={254} autocomplete="email" value={f.values.email} dir="ltr"
                aria-invalid={err('email') ? 'true' : undefined} aria-describedby={err('email') ? 'comment-email-error' : undefined} />
              {err('email') && <p class="field-error" id="comment-email-error">{err('email')}</p>}
            </div>
          </div>
          <div class="field trap" aria-hidden="true">
            <label for="comment-website">اترك هذا الحقل فارغاً</label>
            <input id="comment-website" name="website" type="text" tabIndex={-1} autocomplete="off" value="" />
          </div>
          <button type="submit" class="button">إرسال التعليق</button>
        </form>
      </div>
    </section>
  )
}
