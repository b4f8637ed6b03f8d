import type { ErrorVm } from '../view-models.js'

export function ErrorPage({ vm }: { vm: ErrorVm }) {
  return (
    <section class="error-page" aria-labelledby="error-heading">
      <p class="error-status" aria-hidden="true">{vm.status}</p>
      <h1 id="error-heading">{vm.heading}</h1>
      <p>{vm.message}</p>
      <p><a href="/">العودة إلى الصفحة الرئيسية</a> أو <a href="/search">ابحث في الموقع</a></p>
    </section>
  )
}
