import type { UsersVm } from './newsroom-vm.js'

/** The newsroom's members (administrators only): add, deactivate, let back in. */
export function UsersPage({ vm, csrf }: { vm: UsersVm; csrf: string }) {
  const err = (f: string) => vm.errors[f] && <p class="nr-field-error" id={`new-${f}-error`}>{vm.errors[f]}</p>
  const described = (f: string) => (vm.errors[f] ? `new-${f}-error` : undefined)
  return (
    <>
      <h1>أعضاء غرفة الأخبار</h1>
      <section class="nr-card" aria-labelledby="members-title">
        <h2 id="members-title">الأعضاء</h2>
        <ul class="nr-rows">
          {vm.items.map((u) => (
            <li key={u.id} class="nr-row">
              <span>{u.name}</span>
              <span class="nr-row-meta" dir="ltr">{u.email}</span>
              <span class="nr-row-meta">{u.roleLabel}{!u.active && ' · موقوف'}</span>
              {!u.self && (
                <form method="post" action={`/newsroom/users/${u.id}/${u.active ? 'deactivate' : 'activate'}`}>
                  <input type="hidden" name="_csrf" value={csrf} />
                  <button type="submit" class={`nr-button${u.active ? ' nr-danger' : ''}`}>{u.active ? 'إيقاف الحساب' : 'إعادة التفعيل'}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section class="nr-card" aria-labelledby="add-title">
        <h2 id="add-title">إضافة عضو</h2>
        {vm.errors.form && <p class="nr-error" role="alert">{vm.errors.form}</p>}
        <form method="post" action="/newsroom/users" class="nr-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <label for="new-name">الاسم</label>
          <input id="new-name" name="name" required maxLength={100} value={vm.values.name} aria-describedby={described('name')} />
          {err('name')}
          <label for="new-email">البريد الإلكتروني</label>
          <input id="new-email" name="email" type="email" dir="ltr" required maxLength={254} value={vm.values.email} aria-describedby={described('email')} />
          {err('email')}
          <label for="new-role">الدور</label>
          <select id="new-role" name="role">{vm.roles.map((r) => <option key={r.value} value={r.value} selected={r.selected}>{r.label}</option>)}</select>
          <label for="new-password">كلمة المرور</label>
          <input id="new-password" name="password" type="password" autocomplete="new-password" required minLength={10} maxLength={200} aria-describedby={described('password')} />
          {err('password')}
          <button type="submit" class="nr-button nr-primary">إضافة العضو</button>
        </form>
      </section>
    </>
  )
}
