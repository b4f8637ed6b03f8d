import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { formatGregorian, formatHijri, formatTime } from './dates.js'

/** Noon in Riyadh (09:00 UTC) on a Gregorian day, far from any day boundary. */
const riyadhNoon = (iso: string) => new Date(`${iso}T09:00:00Z`)

describe('formatHijri (Umm al-Qura, Arabic-Indic digits)', () => {
  // Umm al-Qura month starts as published by the Saudi calendar; Intl's islamic-umalqura
  // tables agree with them. 2026-02-17 is 29 Sha'ban, so Ramadan 1447 begins the day after.
  const known: Array<[string, string]> = [
    ['2026-11-29', '١٩ جمادى الآخرة ١٤٤٨ هـ'],
    ['2026-02-17', '٢٩ شعبان ١٤٤٧ هـ'],
    ['2026-02-18', '١ رمضان ١٤٤٧ هـ'],
    ['2026-03-19', '٣٠ رمضان ١٤٤٧ هـ'],
    ['2026-03-20', '١ شوال ١٤٤٧ هـ'],
    ['2025-06-26', '١ محرم ١٤٤٧ هـ'],
    ['2024-03-11', '١ رمضان ١٤٤٥ هـ'],
  ]
  for (const [day, hijri] of known) {
    it(`gives ${hijri} for ${day}`, () => {
      assert.equal(formatHijri(riyadhNoon(day)), hijri)
    })
  }

  it('uses Arabic-Indic digits and the هـ era mark only', () => {
    const text = formatHijri(riyadhNoon('2026-11-29'))
    assert.doesNotMatch(text, /[0-9]/)
    assert.match(text, /[٠-٩]/)
    assert.match(text, / هـ$/)
  })

  it('turns the Hijri day at midnight Riyadh time, not UTC midnight', () => {
    assert.equal(formatHijri(new Date('2026-11-28T20:59:59Z')), '١٨ جمادى الآخرة ١٤٤٨ هـ')
    assert.equal(formatHijri(new Date('2026-11-28T21:00:00Z')), '١٩ جمادى الآخرة ١٤٤٨ هـ')
  })
})

describe('formatGregorian', () => {
  const months = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر']
  months.forEach((name, i) => {
    it(`names month ${i + 1} ${name}`, () => {
      const day = `2026-${String(i + 1).padStart(2, '0')}-15`
      assert.equal(formatGregorian(riyadhNoon(day)), `15 ${name} 2026`)
    })
  })

  it('uses Western digits', () => {
    assert.equal(formatGregorian(riyadhNoon('2026-11-29')), '29 نوفمبر 2026')
  })

  it('turns the day at midnight Riyadh time (UTC+3), whatever the server zone', () => {
    assert.equal(formatGregorian(new Date('2026-11-28T20:59:59Z')), '28 نوفمبر 2026')
    assert.equal(formatGregorian(new Date('2026-11-28T21:00:00Z')), '29 نوفمبر 2026')
  })

  it('puts a UTC late-evening story on the next Riyadh day across a year end', () => {
    assert.equal(formatGregorian(new Date('2026-12-31T22:30:00Z')), '1 يناير 2027')
  })
})

describe('formatTime', () => {
  it('gives 24-hour Riyadh time with Western digits', () => {
    assert.equal(formatTime(new Date('2026-11-29T11:05:00Z')), '14:05')
    assert.equal(formatTime(new Date('2026-11-29T20:59:00Z')), '23:59')
  })

  it('gives 00:xx, not 24:xx, just after midnight Riyadh time', () => {
    assert.equal(formatTime(new Date('2026-11-28T21:00:00Z')), '00:00')
    assert.equal(formatTime(new Date('2026-11-28T21:30:00Z')), '00:30')
  })
})
