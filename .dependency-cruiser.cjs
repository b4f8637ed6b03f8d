/**
 * The module boundaries of docs/ARCHITECTURE.md (C2), checked in CI:
 * arabic ← core ← {storage, web, importers, cli} ← main, views see only arabic and core's types,
 * and a module is entered only through its index.ts. The newsroom's browser code is bundled on its
 * own and may import only itself, npm packages and the pure files listed in SHARED_WITH_BROWSER.
 */
const others = (...names) => `^src/(${names.join('|')})(/|\\.ts$)`
const BROWSER = '^src/web/newsroom/client/'
// Pure, dependency-free files the editor bundles directly: an index.ts would pull in the whole
// module (and sanitize-html with core's). Each must stay a leaf (rule shared-with-browser-is-a-leaf).
const SHARED_WITH_BROWSER = ['^src/arabic/reading-time\\.ts$', '^src/core/parse-embed-url\\.ts$']
module.exports = {
  forbidden: [
    { name: 'arabic-is-pure', severity: 'error', from: { path: '^src/arabic/' },
      to: { path: others('core', 'storage', 'web', 'views', 'importers', 'cli', 'config', 'demo', 'main') } },
    // Tests beside core and importer code may wire a real store, as main does: they prove the
    // use case against SQLite, not against a fake of it.
    { name: 'core-imports-only-arabic', severity: 'error', from: { path: '^src/core/', pathNot: '\\.test\\.tsx?$' },
      to: { path: others('storage', 'web', 'views', 'importers', 'cli', 'config', 'demo', 'main') } },
    { name: 'views-are-pure', severity: 'error', from: { path: '^src/views/' },
      to: { path: others('storage', 'web', 'importers', 'cli', 'config', 'demo', 'main') } },
    { name: 'views-see-only-core-types', severity: 'error', from: { path: '^src/views/' },
      to: { path: '^src/core/', dependencyTypesNot: ['type-only'] } },
    { name: 'storage-knows-no-transport', severity: 'error', from: { path: '^src/storage/' },
      to: { path: others('web', 'views', 'importers', 'cli', 'demo', 'main') } },
    { name: 'web-knows-no-database', severity: 'error', from: { path: '^src/web/' },
      to: { path: others('storage', 'importers', 'cli', 'demo', 'main') } },
    { name: 'importers-know-no-database', severity: 'error', from: { path: '^src/importers/', pathNot: '\\.test\\.tsx?$' },
      to: { path: others('storage', 'web', 'views', 'cli', 'demo', 'main') } },
    { name: 'browser-code-imports-only-shared-pure-files', severity: 'error', from: { path: BROWSER },
      to: { path: '^src/', pathNot: [BROWSER, ...SHARED_WITH_BROWSER] } },
    { name: 'browser-code-uses-no-node-builtins', severity: 'error', from: { path: BROWSER },
      to: { dependencyTypes: ['core'] } },
    { name: 'server-never-imports-browser-code', severity: 'error', from: { pathNot: BROWSER },
      to: { path: BROWSER } },
    { name: 'shared-with-browser-is-a-leaf', severity: 'error', from: { path: SHARED_WITH_BROWSER },
      to: { path: '^src/' } },
    { name: 'enter-modules-through-index', severity: 'error', from: { path: '^src/([^/]+)/', pathNot: BROWSER },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
}
