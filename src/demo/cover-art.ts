/**
 * Illustrations for the demo stories: an eight-pointed star lattice (the khatam pattern of
 * Islamic geometric art) over a gradient in the desk's colour. Generated, so the demo ships no
 * photographs it has no rights to; credited as illustrations, never passed off as news photos.
 */
const DESK_HUES = [352, 210, 150, 28, 280, 190, 8, 45, 120, 330]

export function coverArtSvg(input: { deskIndex: number; seed: number }): string {
  const hue = DESK_HUES[input.deskIndex % DESK_HUES.length]!
  const rnd = mulberry32(input.seed)
  const cell = 120 + Math.floor(rnd() * 80)
  const tilt = Math.floor(rnd() * 30) - 15
  const light = 30 + Math.floor(rnd() * 12)
  const star = (cx: number, cy: number, r: number) => {
    const pts: string[] = []
    for (let i = 0; i < 16; i++) {
      const rr = i % 2 === 0 ? r : r * 0.62
      const a = (Math.PI / 8) * i
      pts.push(`${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`)
    }
    return `<polygon points="${pts.join(' ')}"/>`
  }
  const stars: string[] = []
  for (let y = -cell; y < 720 + cell; y += cell) for (let x = -cell; x < 1280 + cell; x += cell) stars.push(star(x, y, cell * 0.42))
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1280 720" width="1280" height="720">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 55% ${light + 14}%)"/><stop offset="1" stop-color="hsl(${(hue + 25) % 360} 60% ${light - 12}%)"/></linearGradient></defs>
<rect width="1280" height="720" fill="url(#g)"/>
<g transform="rotate(${tilt} 640 360)" fill="none" stroke="hsl(${hue} 70% 85% / .28)" stroke-width="3">${stars.join('')}</g>
<circle cx="${(200 + rnd() * 880).toFixed(0)}" cy="${(120 + rnd() * 480).toFixed(0)}" r="${(140 + rnd() * 120).toFixed(0)}" fill="hsl(${hue} 80% 92% / .12)"/>
</svg>
`
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
