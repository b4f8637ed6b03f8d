/*
 * خبر — progressive enhancement for the public site. Plain ES2020, no dependencies, loaded with
 * `defer`. Every page works without it: the slider is a scrollable row, "back to top" is an
 * anchor, "copy link" is a link. Nothing here may throw on a page that lacks a component.
 */
(() => {
  'use strict'

  const root = document.documentElement
  root.classList.add('js')

  const motionQuery = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-reduced-motion: reduce)') : null
  const reducedMotion = () => Boolean(motionQuery && motionQuery.matches)
  const onMotionChange = (fn) => {
    if (!motionQuery) return
    if (typeof motionQuery.addEventListener === 'function') motionQuery.addEventListener('change', fn)
    else if (typeof motionQuery.addListener === 'function') motionQuery.addListener(fn)
  }

  const SVG_NS = 'http://www.w3.org/2000/svg'
  /** A small stroked icon; `d` is one or more path strings. */
  function icon(paths, filled = false) {
    const svg = document.createElementNS(SVG_NS, 'svg')
    svg.setAttribute('viewBox', '0 0 24 24')
    svg.setAttribute('aria-hidden', 'true')
    svg.setAttribute('focusable', 'false')
    for (const d of [].concat(paths)) {
      const p = document.createElementNS(SVG_NS, 'path')
      p.setAttribute('d', d)
      if (filled) p.setAttribute('fill', 'currentColor')
      else {
        p.setAttribute('fill', 'none')
        p.setAttribute('stroke', 'currentColor')
        p.setAttribute('stroke-width', '2.4')
        p.setAttribute('stroke-linecap', 'round')
        p.setAttribute('stroke-linejoin', 'round')
      }
      svg.appendChild(p)
    }
    return svg
  }
  const ICON_POINT_RIGHT = 'M9 5l7 7-7 7'
  const ICON_POINT_LEFT = 'M15 5l-7 7 7 7'
  const ICON_PAUSE = ['M8 5h3v14H8z', 'M13 5h3v14h-3z']
  const ICON_PLAY = 'M8 5v14l11-7z'

  function button(className, label) {
    const b = document.createElement('button')
    b.type = 'button'
    b.className = className
    b.setAttribute('aria-label', label)
    return b
  }

  const supportsInert = typeof HTMLElement !== 'undefined' && 'inert' in HTMLElement.prototype

  /* ------------------------------------------------------------ slider */

  const AUTOPLAY_MS = 6000

  function initSlider(section) {
    const list = section.querySelector(':scope > .slides')
    if (!list) return
    const slides = Array.from(list.children).filter((el) => el.matches('li.slide'))
    const count = slides.length
    if (count === 0) return
    section.dataset.current = '0'
    if (count < 2) return

    // In RTL "previous" lies to the right and "next" to the left, so the arrows point that way.
    const prev = button('slider-arrow slider-prev', 'الخبر السابق')
    prev.appendChild(icon(ICON_POINT_RIGHT))
    const next = button('slider-arrow slider-next', 'الخبر التالي')
    next.appendChild(icon(ICON_POINT_LEFT))
    if (list.id) {
      prev.setAttribute('aria-controls', list.id)
      next.setAttribute('aria-controls', list.id)
    }

    const controls = document.createElement('div')
    controls.className = 'slider-controls'
    const toggle = button('slider-toggle', '')
    const dotsList = document.createElement('ul')
    dotsList.className = 'slider-dots'
    dotsList.setAttribute('aria-label', 'اختر خبراً')
    const dots = slides.map((_, i) => {
      const li = document.createElement('li')
      const dot = button('slider-dot', `الخبر ${i + 1} من ${count}`)
      dot.addEventListener('click', () => goTo(i))
      li.appendChild(dot)
      dotsList.appendChild(li)
      return dot
    })
    const counter = document.createElement('span')
    counter.className = 'slider-counter'
    counter.setAttribute('aria-hidden', 'true')
    controls.append(prev, next, dotsList, counter, toggle)
    section.appendChild(controls)

    let current = 0
    let timer = 0
    let wanted = !reducedMotion() // the reader's choice: autoplay on or off
    let hovering = false
    let focusWithin = false

    function setHidden(slide, hidden) {
      slide.setAttribute('aria-hidden', hidden ? 'true' : 'false')
      if (supportsInert) slide.inert = hidden
      else {
        for (const el of slide.querySelectorAll('a, button, input, select, textarea, [tabindex]')) {
          if (hidden) el.setAttribute('tabindex', '-1')
          else el.removeAttribute('tabindex')
        }
      }
    }

    function goTo(index, { fromTimer = false } = {}) {
      const hadFocus = slides[current] && slides[current].contains(document.activeElement)
      current = ((index % count) + count) % count
      slides.forEach((slide, i) => setHidden(slide, i !== current))
      dots.forEach((dot, i) => {
        if (i === current) dot.setAttribute('aria-current', 'true')
        else dot.removeAttribute('aria-current')
      })
      counter.textContent = `${current + 1} من ${count}`
      section.dataset.current = String(current)
      // Focus must not be left on a link that just became inert.
      if (hadFocus && !fromTimer) {
        const link = slides[current].querySelector('a')
        if (link) link.focus({ preventScroll: true })
      }
      if (!fromTimer) schedule()
    }

    const running = () => wanted && !hovering && !focusWithin && !document.hidden

    function schedule() {
      window.clearTimeout(timer)
      timer = 0
      const on = running()
      if (on) timer = window.setTimeout(() => { goTo(current + 1, { fromTimer: true }); schedule() }, AUTOPLAY_MS)
      // Announce slide changes only when the reader caused them.
      list.setAttribute('aria-live', on ? 'off' : 'polite')
      section.dataset.autoplay = !wanted ? 'off' : on ? 'running' : 'paused'
      // Only touch the button when its meaning changes: rebuilding it mid-click would swallow the click.
      if (toggle.dataset.state !== (wanted ? 'on' : 'off')) {
        toggle.dataset.state = wanted ? 'on' : 'off'
        toggle.replaceChildren(icon(wanted ? ICON_PAUSE : ICON_PLAY, true))
        toggle.setAttribute('aria-label', wanted ? 'إيقاف العرض التلقائي' : 'تشغيل العرض التلقائي')
      }
    }

    prev.addEventListener('click', () => goTo(current - 1))
    next.addEventListener('click', () => goTo(current + 1))
    toggle.addEventListener('click', () => { wanted = !wanted; schedule() })

    section.addEventListener('keydown', (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return
      let target = null
      // RTL: the next story lies to the left.
      if (e.key === 'ArrowLeft') target = current + 1
      else if (e.key === 'ArrowRight') target = current - 1
      else if (e.key === 'Home') target = 0
      else if (e.key === 'End') target = count - 1
      if (target === null) return
      e.preventDefault()
      goTo(target)
    })

    section.addEventListener('mouseenter', () => { hovering = true; schedule() })
    section.addEventListener('mouseleave', () => { hovering = false; schedule() })
    section.addEventListener('focusin', () => { focusWithin = true; schedule() })
    section.addEventListener('focusout', (e) => {
      if (e.relatedTarget && section.contains(e.relatedTarget)) return
      focusWithin = false
      schedule()
    })
    document.addEventListener('visibilitychange', schedule)
    onMotionChange(() => { if (reducedMotion()) { wanted = false; schedule() } })

    // Swipe: in RTL, dragging the story to the right brings in the next one from the left.
    let startX = null
    let startY = null
    list.addEventListener('touchstart', (e) => {
      if (e.touches.length !== 1) { startX = null; return }
      startX = e.touches[0].clientX
      startY = e.touches[0].clientY
    }, { passive: true })
    list.addEventListener('touchend', (e) => {
      if (startX === null || e.changedTouches.length === 0) return
      const dx = e.changedTouches[0].clientX - startX
      const dy = e.changedTouches[0].clientY - startY
      startX = null
      if (Math.abs(dx) < 40 || Math.abs(dx) < Math.abs(dy)) return
      goTo(dx > 0 ? current + 1 : current - 1)
    }, { passive: true })

    section.classList.add('is-carousel')
    goTo(0)
  }

  /* ------------------------------------------------------------ breaking ticker */

  function initTicker(ticker) {
    const reel = ticker.querySelector('.ticker-reel')
    const first = reel && reel.querySelector('.ticker-list')
    if (!reel || !first) return
    // A steady reading speed whatever the number and length of headlines.
    const fit = () => {
      const width = first.getBoundingClientRect().width
      if (width > 0) reel.style.setProperty('--ticker-duration', `${Math.max(20, Math.round(width / 60))}s`)
    }
    fit()
    let pending = 0
    window.addEventListener('resize', () => {
      window.clearTimeout(pending)
      pending = window.setTimeout(fit, 200)
    }, { passive: true })
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(fit).catch(() => {})
  }

  /* ------------------------------------------------------------ back to top */

  function initBackToTop(link) {
    const THRESHOLD = 600
    let queued = false
    const update = () => {
      queued = false
      link.classList.toggle('is-visible', window.scrollY > THRESHOLD)
    }
    window.addEventListener('scroll', () => {
      if (queued) return
      queued = true
      window.requestAnimationFrame(update)
    }, { passive: true })
    update()

    link.addEventListener('click', (e) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
      e.preventDefault()
      window.scrollTo({ top: 0, behavior: reducedMotion() ? 'auto' : 'smooth' })
      // Move keyboard focus to the top too, without a second jump.
      const target = document.getElementById('top') || document.body
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
      target.focus({ preventScroll: true })
    })
  }

  /* ------------------------------------------------------------ copy link */

  function initCopyLinks(links) {
    for (const link of links) {
      const status = document.createElement('span')
      status.className = 'share-status'
      status.setAttribute('role', 'status')
      status.setAttribute('aria-live', 'polite')
      link.insertAdjacentElement('afterend', status)
      let clear = 0

      link.addEventListener('click', (e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
        const clip = navigator.clipboard
        if (!clip || typeof clip.writeText !== 'function') return // follow the link instead
        e.preventDefault()
        const text = link.getAttribute('data-copy') || link.href
        clip.writeText(text).then(() => {
          status.textContent = 'تم نسخ الرابط'
          link.classList.add('is-copied')
          window.clearTimeout(clear)
          clear = window.setTimeout(() => {
            status.textContent = ''
            link.classList.remove('is-copied')
          }, 4000)
        }, () => {
          window.location.href = link.href
        })
      })
    }
  }

  /* ------------------------------------------------------------ start */

  function start() {
    for (const section of document.querySelectorAll('section.slider[data-slider]')) {
      try { initSlider(section) } catch { /* leave the no-JS row in place */ }
    }
    const ticker = document.querySelector('.ticker')
    if (ticker) initTicker(ticker)
    const backToTop = document.querySelector('a.back-to-top')
    if (backToTop) initBackToTop(backToTop)
    const copyLinks = document.querySelectorAll('a.share-copy[data-copy]')
    if (copyLinks.length > 0) initCopyLinks(copyLinks)
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
})()
