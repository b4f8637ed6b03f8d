// Bundles the newsroom's browser code into src/web/assets/newsroom/ (gitignored: built, never
// committed). Runs on `npm install` / `npm ci` (the prepare script) and as `npm run build:assets`.
import { build } from 'esbuild'
import { statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const outfile = `${root}src/web/assets/newsroom/editor.js`

await build({
  entryPoints: [`${root}src/web/newsroom/client/editor.ts`],
  outfile,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  platform: 'browser',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
})
console.log(`built ${outfile.slice(root.length)} (${(statSync(outfile).size / 1024).toFixed(1)} KiB)`)
