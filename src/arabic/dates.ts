const hijri = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-arab', {
  day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Riyadh',
})
const gregorian = new Intl.DateTimeFormat('ar-u-ca-gregory-nu-latn', {
  day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Riyadh',
})
const gregorianTime = new Intl.DateTimeFormat('ar-u-ca-gregory-nu-latn', {
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Riyadh', // not hour12:false: "24:00" in ar
})

/**
 * Hijri date by the Umm al-Qura calendar (the Saudi civil calendar, as `Intl` implements it),
 * with Arabic-Indic digits, e.g. "٢ جمادى الآخرة ١٤٤٨ هـ". The newsroom's clock is Riyadh time
 * (UTC+3), so an article's day does not shift with the server's zone.
 */
export function formatHijri(at: Date): string {
  return hijri.format(at)
}

/** Gregorian date with Arabic month names and Western digits, e.g. "29 نوفمبر 2026". */
export function formatGregorian(at: Date): string {
  return gregorian.format(at)
}

/** 24-hour time of day in Riyadh time, e.g. "14:05". */
export function formatTime(at: Date): string {
  return gregorianTime.format(at)
}
