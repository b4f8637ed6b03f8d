import type { EditorVm } from './newsroom-vm.js'

/**
 * The story editor: every field of an article and the workflow buttons the member may press.
 * Works as a plain form; the editor bundle turns the body's textarea into the rich-text editor
 * and saves as the writer types.
 */
export function EditorPage({ vm, csrf }: { vm: EditorVm; csrf: string }) {
  const v = vm.values
  const err = (f: string) => vm.errors[f] && <p class="nr-field-error" id={`${f}-error`}>{vm.errors[f]}</p>
  const described = (f: string) => (vm.errors[f] ? `${f}-error` : undefined)
  return (
    <>
      <div class="nr-heading">
        <h1>{vm.id === null ? 'خبر جديد' : 'تحرير الخبر'}</h1>
        {vm.statusLabel && <span class={`nr-status nr-status-${vm.status}`}>{vm.statusLabel}</span>}
        <span class="nr-heading-links">
          {vm.previewHref && <a href={vm.previewHref} target="_blank" rel="noopener">معاينة</a>}
          {vm.publicHref && <a href={vm.publicHref}>صفحة الخبر</a>}
          {vm.historyHref && <a href={vm.historyHref}>النسخ السابقة</a>}
        </span>
      </div>
      {vm.lockedBy && (
        <form method="post" action={`${vm.action}/lock`} class="nr-notice nr-notice-error" role="alert">
          <input type="hidden" name="_csrf" value={csrf} />
          <span>{vm.lockedBy} يحرر هذا الخبر الآن. تعديلاتكما قد تتعارض.</span>{' '}
          <button type="submit" class="nr-button">تولَّ التحرير</button>
        </form>
      )}
      {vm.errors.form && <p class="nr-error" role="alert">{vm.errors.form}</p>}
      <form id="article-form" method="post" action={vm.action} class="nr-form nr-editor" data-autosave-url={vm.autosaveUrl ?? undefined}>
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="nr-editor-main">
          <label for="title">العنوان</label>
          <input id="title" name="title" dir="auto" required maxLength={300} value={v.title} aria-describedby={described('title')} class="nr-title-input" />
          {err('title')}
          <label for="dek">المقدمة</label>
          <textarea id="dek" name="dek" dir="auto" rows={2} maxLength={2000}>{v.dek}</textarea>
          <label for="body">نص الخبر</label>
          <textarea id="body" name="body" data-editor dir="auto" rows={16} aria-describedby={described('body')}>{v.body}</textarea>
          {err('body')}
          <p class="nr-muted" data-word-count></p>
          <p class="nr-muted" data-autosave-status role="status"></p>
        </div>
        <div class="nr-editor-side">
          <label for="category">القسم</label>
          <select id="category" name="category" required aria-describedby={described('category')}>
            {vm.categories.map((c) => <option key={c.value} value={c.value} selected={c.selected}>{c.label}</option>)}
          </select>
          {err('category')}
          <label for="tags">الوسوم <small>(تفصل بينها فاصلة)</small></label>
          <input id="tags" name="tags" dir="auto" value={v.tags} list="tag-suggestions" aria-describedby={described('tags')} />
          {err('tags')}
          <datalist id="tag-suggestions">{vm.tagSuggestions.map((t) => <option key={t} value={t} />)}</datalist>
          {vm.tagSuggestions.length > 0 && <p class="nr-muted nr-suggest">مقترحة من نص الخبر: {vm.tagSuggestions.join('، ')}</p>}
          <fieldset>
            <legend>الكتّاب</legend>
            {vm.authors.map((a) => (
              <label key={a.value} class="nr-check"><input type="checkbox" name="authors" value={a.value} checked={a.selected} /> {a.label}</label>
            ))}
          </fieldset>
          <label for="dateline">مكان الخبر</label>
          <input id="dateline" name="dateline" dir="auto" maxLength={100} value={v.dateline} list="datelines" aria-describedby={described('dateline')} />
          {err('dateline')}
          <datalist id="datelines">{vm.datelines.map((d) => <option key={d} value={d} />)}</datalist>
          <label for="source">المصدر</label>
          <input id="source" name="source" dir="auto" maxLength={100} value={v.source} list="sources" aria-describedby={described('source')} />
          {err('source')}
          <datalist id="sources">{vm.sources.map((d) => <option key={d} value={d} />)}</datalist>
          <label class="nr-check"><input type="checkbox" name="featured" value="1" checked={v.featured} /> خبر مميز</label>
          <label class="nr-check"><input type="checkbox" name="breaking" value="1" checked={v.breaking} /> عاجل</label>
          <details>
            <summary>الرابط ومحركات البحث</summary>
            <label for="slug">الرابط المختصر</label>
            <input id="slug" name="slug" dir="auto" maxLength={400} value={v.slug} aria-describedby={described('slug')} />
            <label for="seoTitle">عنوان محركات البحث</label>
            <input id="seoTitle" name="seoTitle" dir="auto" maxLength={300} value={v.seoTitle} aria-describedby={described('seoTitle')} />
            {err('seoTitle')}
            <label for="seoDescription">وصف محركات البحث</label>
            <textarea id="seoDescription" name="seoDescription" dir="auto" rows={3} maxLength={500} aria-describedby={described('seoDescription')}>{v.seoDescription}</textarea>
            {err('seoDescription')}
          </details>
          {vm.actions.some((a) => a.intent === 'schedule') && (
            <>
              <label for="scheduleAt">موعد النشر <small>(بتوقيت مكة المكرمة)</small></label>
              <input id="scheduleAt" name="scheduleAt" type="datetime-local" value={v.scheduleAt} aria-describedby={described('at')} />
              {err('at')}
            </>
          )}
          <div class="nr-actions">
            {vm.actions.map((a) => (
              <button key={a.intent} type="submit" name="intent" value={a.intent}
                class={`nr-button${a.primary ? ' nr-primary' : ''}${a.danger ? ' nr-danger' : ''}`}>{a.label}</button>
            ))}
          </div>
        </div>
      </form>
      {vm.comments && (
        <section class="nr-card" aria-labelledby="story-comments-title">
          <h2 id="story-comments-title">تعليقات الخبر</h2>
          <ul class="nr-counts">{vm.comments.map((c) => <li key={c.label} class="nr-count"><a href={c.href}><strong>{c.count}</strong> {c.label}</a></li>)}</ul>
        </section>
      )}
      {vm.id !== null && (vm.notes.length > 0 || vm.canCorrect) && (
        <section class="nr-card" aria-labelledby="notes-title">
          <h2 id="notes-title">التصحيحات والتحديثات</h2>
          {vm.notes.length > 0 && (
            <ul class="nr-rows">{vm.notes.map((n, i) => <li key={i} class="nr-row"><strong>{n.label}</strong> <span dir="auto">{n.text}</span> <span class="nr-row-meta">{n.when}</span></li>)}</ul>
          )}
          {vm.canCorrect && (
            <form method="post" action={`${vm.action}/notes`} class="nr-form">
              <input type="hidden" name="_csrf" value={csrf} />
              <fieldset>
                <legend>نوع الملاحظة</legend>
                <label class="nr-check"><input type="radio" name="kind" value="correction" checked /> تصحيح</label>
                <label class="nr-check"><input type="radio" name="kind" value="update" /> تحديث</label>
              </fieldset>
              <label for="note-text">نص الملاحظة</label>
              <textarea id="note-text" name="text" dir="auto" rows={3} required maxLength={2000} aria-describedby={described('text')}></textarea>
              {err('text')}
              <button type="submit" class="nr-button">إضافة الملاحظة</button>
            </form>
          )}
        </section>
      )}
    </>
  )
}
