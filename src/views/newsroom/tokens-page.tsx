import type { TokensVm } from './newsroom-vm.js'

/** A member's personal Admin API tokens: made here (shown once), listed, revoked. */
export function TokensPage({ vm, csrf }: { vm: TokensVm; csrf: string }) {
  return (
    <>
      <h1>رموز واجهة البرمجة</h1>
      <p class="nr-muted">يعمل كل رمز بصلاحيات صاحبه في واجهة الإدارة البرمجية (<code dir="ltr">/api/v1/admin</code>).</p>
      {vm.fresh && (
        <section class="nr-card nr-fresh" aria-labelledby="fresh-title">
          <h2 id="fresh-title">رمزك الجديد</h2>
          <p>انسخه الآن: لن يظهر مرة أخرى.</p>
          <p><code dir="ltr" class="nr-secret">{vm.fresh}</code></p>
        </section>
      )}
      <section class="nr-card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">رموزك</h2>
        {vm.items.length === 0 ? <p class="nr-muted">لا رموز بعد.</p> : (
          <ul class="nr-rows">
            {vm.items.map((t) => (
              <li key={t.id} class="nr-row">
                <span dir="auto">{t.label || 'بلا اسم'}</span>
                <span class="nr-row-meta">أُنشئ {t.created}{t.revoked && ` · أُلغي ${t.revoked}`}</span>
                {!t.revoked && (
                  <form method="post" action={`/newsroom/tokens/${t.id}/revoke`}>
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button type="submit" class="nr-button nr-danger">إلغاء الرمز</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        <form method="post" action="/newsroom/tokens" class="nr-form nr-inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <label for="label">اسم الرمز</label>
          <input id="label" name="label" dir="auto" maxLength={100} placeholder="مثلاً: نظام الوكالة" />
          <button type="submit" class="nr-button nr-primary">إنشاء رمز</button>
        </form>
      </section>
    </>
  )
}
