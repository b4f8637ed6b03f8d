import { WordDiff } from '../components/word-diff.js'
import type { RevisionsVm } from './newsroom-vm.js'

/** A story's history: every save with who and when, a word-level comparison, and restore. */
export function RevisionsPage({ vm, csrf }: { vm: RevisionsVm; csrf: string }) {
  return (
    <>
      <div class="nr-heading">
        <h1>النسخ السابقة</h1>
        <span class="nr-heading-links"><a href={vm.editHref}>العودة إلى التحرير</a></span>
      </div>
      <p class="nr-muted" dir="auto">{vm.title}</p>
      {vm.compare && (
        <section class="nr-card" aria-labelledby="compare-title">
          <h2 id="compare-title">{vm.compare.heading}</h2>
          {vm.compare.changes.length === 0 ? <p class="nr-muted">لا فرق في المحتوى بين النسختين.</p> : (
            <dl class="nr-diff">
              {vm.compare.changes.map((c) => (
                <>
                  <dt key={`${c.label}-t`}>{c.label}</dt>
                  <dd key={`${c.label}-d`}>
                    {c.parts ? <WordDiff parts={c.parts} /> : <span><del>{c.before}</del> ← <ins>{c.after}</ins></span>}
                  </dd>
                </>
              ))}
            </dl>
          )}
          {vm.compare.restoreAction && (
            <form method="post" action={vm.compare.restoreAction}>
              <input type="hidden" name="_csrf" value={csrf} />
              <button type="submit" class="nr-button">استعادة هذه النسخة</button>
            </form>
          )}
        </section>
      )}
      <section class="nr-card" aria-labelledby="history-title">
        <h2 id="history-title">سجل الحفظ</h2>
        <ol class="nr-rows">
          {vm.items.map((r) => (
            <li key={r.id} class="nr-row" aria-current={r.selected ? 'true' : undefined}>
              <span><time dateTime={r.whenIso}>{r.when}</time> · {r.editor}</span>
              {r.note && <span class="nr-status">{r.note}</span>}
              {r.current && <span class="nr-status nr-status-published">النسخة الحالية</span>}
              {r.compareHref && <a href={r.compareHref}>مقارنة بما قبلها</a>}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
