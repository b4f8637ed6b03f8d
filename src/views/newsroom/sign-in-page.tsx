import type { SetupVm, SignInVm } from './newsroom-vm.js'

/** The newsroom's door: e-mail and password, one message whatever was wrong. */
export function SignInPage({ vm }: { vm: SignInVm }) {
  return (
    <section class="nr-card nr-narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">تسجيل الدخول إلى غرفة الأخبار</h1>
      {vm.error && <p class="nr-error" role="alert">{vm.error}</p>}
      <form method="post" action={vm.action} class="nr-form">
        <input type="hidden" name="_form" value={vm.token} />
        <input type="hidden" name="next" value={vm.next} />
        <label for="email">البريد الإلكتروني</label>
        <input id="email" name="email" type="email" dir="ltr" autocomplete="username" required value={vm.email} maxLength={254} />
        <label for="password">كلمة المرور</label>
        <input id="password" name="password" type="password" dir="auto" autocomplete="current-password" required maxLength={200} />
        <button type="submit" class="nr-button nr-primary">تسجيل الدخول</button>
      </form>
    </section>
  )
}

/** The first start: whoever holds the one-time link creates the first administrator. */
export function SetupPage({ vm }: { vm: SetupVm }) {
  const err = (f: string) => vm.errors[f] && <p class="nr-field-error" id={`${f}-error`}>{vm.errors[f]}</p>
  const described = (f: string) => (vm.errors[f] ? `${f}-error` : undefined)
  return (
    <section class="nr-card nr-narrow" aria-labelledby="setup-title">
      <h1 id="setup-title">إنشاء حساب المدير الأول</h1>
      <p>لا أعضاء في غرفة الأخبار بعد. أنشئ حساب المدير، ثم أضف الزملاء من صفحة الأعضاء.</p>
      {vm.errors.form && <p class="nr-error" role="alert">{vm.errors.form}</p>}
      <form method="post" action={vm.action} class="nr-form">
        <input type="hidden" name="_form" value={vm.token} />
        <label for="name">الاسم</label>
        <input id="name" name="name" required maxLength={100} value={vm.values.name} aria-describedby={described('name')} />
        {err('name')}
        <label for="email">البريد الإلكتروني</label>
        <input id="email" name="email" type="email" dir="ltr" autocomplete="username" required maxLength={254} value={vm.values.email} aria-describedby={described('email')} />
        {err('email')}
        <label for="password">كلمة المرور</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required minLength={10} maxLength={200} aria-describedby={described('password')} />
        {err('password')}
        <button type="submit" class="nr-button nr-primary">إنشاء الحساب</button>
      </form>
    </section>
  )
}
