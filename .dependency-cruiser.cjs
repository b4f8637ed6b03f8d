/**
 * The module boundaries of docs/ARCHITECTURE.md (C2), checked in CI:
 * arabic ← core ← {storage, web, importers, cli} ← main, views see only arabic and core's types,
 * and a module is entered only through its index.ts.
 */
const others = (...names) => `^src/(${names.join('|')})(/|\\.ts$)`
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
    { name: 'enter-modules-through-index', severity: 'error', from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
}
