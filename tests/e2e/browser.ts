import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { loadConfig } from '../../src/config/index.js'
import { startServer } from '../../src/main.js'

export const SCREENSHOT_DIR = join(process.cwd(), 'tmp', 'screenshots')

/** Debian's Chromium (never a downloaded one), headless, on a fresh temporary profile. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    // Playwright gives every launch a fresh temporary profile; these flags keep Chromium off the
    // network it cannot reach here.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  })
}

/** A Khabar server on a fresh data folder with demo content, and Debian's Chromium to drive it. */
export async function startSiteAndBrowser(env: Record<string, string> = {}): Promise<{ url: string; browser: Browser; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'khabar-e2e-'))
  const server = await startServer(loadConfig({ KHABAR_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', KHABAR_LOG_LEVEL: 'error', ...env }))
  const browser = await launchChromium()
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close()
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Collects console errors and failed requests of a page, for a "no errors" assertion. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`) })
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`))
  return errors
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * Width and height of a PNG file, read from its IHDR chunk (which the PNG spec requires to come
 * first: signature, 4-byte length, "IHDR", then width and height as big-endian 32-bit integers).
 * Throws when the file is not a PNG.
 */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file)
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG file`)
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}
