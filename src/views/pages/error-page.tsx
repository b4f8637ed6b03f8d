import type { ErrorVm } from '../view-models.js'

export function ErrorPage({ vm }: { vm: ErrorVm }) {
  return (
    <section class="error-page" aria-labelledby="error-heading">
      <p class="error-status" aria-hidden="true">{vm.status}</p>
      <h1 id="error-heading">{vm.heading}</h1>
      <p class="error-message">{vm.message}</p>
      <form class="search-form search-form-large" role="search" action="/search" method="get">
        <label class="visually-hidden" for="error-search">ابحث في الموقع</label>
        <input id="error-search" type="search" name="q" placeholder="ابحث عن خبر…" maxLength={200} />
        <button type="submit">بحث</button>
      </form>
      <p class="error-actions"><a class="button" href="/">العودة إلى الصفحة الرئيسية</a></p>
    </section>
  )
}
