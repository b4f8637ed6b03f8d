import type { DashboardVm, DeskRowVm } from './newsroom-vm.js'

function DeskTable({ rows, caption, empty, id }: { rows: DeskRowVm[]; caption: string; empty: string; id: string }) {
  return (
    <section class="nr-card" aria-labelledby={id}>
      <h2 id={id}>{caption}</h2>
      {rows.length === 0 ? <p class="nr-muted">{empty}</p> : (
        <ul class="nr-rows">
          {rows.map((r) => (
            <li key={r.id} class="nr-row">
              <a class="nr-row-title" href={r.href} dir="auto">{r.title}</a>
              <span class={`nr-status nr-status-${r.status}`}>{r.statusLabel}</span>
              <span class="nr-row-meta">{r.desk}{r.owner && ` · ${r.owner}`} · <time dateTime={r.whenIso}>{r.when}</time></span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The desk at a glance: counts per state, then the lists a member works from. */
export function DashboardPage({ vm }: { vm: DashboardVm }) {
  return (
    <>
      <div class="nr-heading">
        <h1>لوحة التحرير</h1>
        <a class="nr-button nr-primary" href={vm.newHref}>خبر جديد</a>
      </div>
      <ul class="nr-counts" aria-label="الأخبار حسب الحالة">
        {vm.counts.map((c) => <li key={c.status} class={`nr-count nr-status-${c.status}`}><strong>{c.count}</strong> {c.label}</li>)}
      </ul>
      {vm.pendingComments && (
        <p class="nr-card"><a href={vm.pendingComments.href}><strong>{vm.pendingComments.count}</strong> تعليقاً بانتظار المراجعة</a></p>
      )}
      <div class="nr-lists">
        {vm.lists.map((l) => <DeskTable key={l.id} id={l.id} caption={l.title} rows={l.rows} empty={l.empty} />)}
      </div>
    </>
  )
}
