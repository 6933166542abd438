/**
 * The boundaries of the modular monolith, checked in `npm test` (`npm run lint:deps`).
 * Why each rule exists: docs/architecture.md, "Boundaries". Tests and test support may reach
 * inside a library (contract suites, adapters under test); production code may not.
 */
/** What pure code (projections, deciders) must not import: the Nest-aware write and read sides, store adapters, packages. */
const IMPURE = ['\\.(writer|handler|handlers|service|controller|module)\\.ts$', '/(embedded|mongodb|eventstoredb|bull|in-process)/', '^node_modules/'];
const TESTS = '(\\.spec\\.ts$|\\.e2e-spec\\.ts$|^test/|/testing/|\\.fixtures\\.ts$|\\.contract\\.ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'library-through-its-index',
      comment:
        'A library is used only through its index.ts or a public subpath it names (libs/<lib>/src/<subpath>/index.ts): ' +
        'what is not exported there may change without telling anyone.',
      severity: 'error',
      from: { path: '^(libs/([^/]+)/src/|apps/)', pathNot: TESTS },
      to: {
        path: '^libs/[^/]+/src/',
        pathNot: ['^libs/$2/src/', '^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'kernel-imports-nothing',
      comment: 'The kernel is the vocabulary every module shares: it depends on no library and no package, only on Node itself.',
      severity: 'error',
      from: { path: '^libs/kernel/src/', pathNot: TESTS },
      to: { pathNot: '^libs/kernel/src/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'projection-is-pure',
      comment: 'A projection is a pure fold of events into documents: no writer, handler, service, controller, module, store adapter or framework.',
      severity: 'error',
      from: { path: '\\.projection\\.ts$' },
      to: { path: IMPURE },
    },
    {
      name: 'decider-is-pure',
      comment: 'A decider is plain functions and data: no framework, no I/O, no store.',
      severity: 'error',
      from: { path: '\\.decider\\.ts$' },
      to: { path: IMPURE },
    },
    {
      name: 'command-without-its-dto',
      comment: 'A command is the domain’s request; the DTO is HTTP’s. The controller maps one to the other.',
      severity: 'error',
      from: { path: '\\.command\\.ts$' },
      to: { path: '\\.dto\\.ts$' },
    },
    {
      name: 'app-does-not-import-an-app',
      comment: 'Apps are composition roots; what two apps share lives in a library.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-circular',
      comment: 'Cycles between files make the order of module loading matter (a cycle through type-only imports does not: they are gone at run time).',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
