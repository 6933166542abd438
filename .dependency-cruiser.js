/**
 * The boundaries of the modular monolith, checked in `npm test` (`npm run lint:deps`).
 * Why each rule exists: docs/architecture.md, "Boundaries". Tests and test support may reach
 * inside a library (contract suites, adapters under test); production code may not.
 */
/** What pure code (projections, deciders) must not import: the Nest-aware write and read sides, store adapters, packages. */
const IMPURE = ['\\.(writer|handler|handlers|service|controller|module)\\.ts$', '/(embedded|mongodb|eventstoredb|bull|in-process)/', '^node_modules/'];
const TESTS = '(\\.spec\\.ts$|\\.e2e-spec\\.ts$|^test/|/testing/|\\.fixtures\\.ts$|\\.contract\\.ts$)';
/**
 * The libraries that are not modules: the platform under them (ports, adapters, the write and read
 * paths), the registry above them, test support. Every other library is a module, so a new module
 * is held to the module rules without a line here, and so is a new platform library until it is named.
 */
const PLATFORM_LIBS = ['kernel', 'event-store', 'read-store', 'jobs', 'platform', 'personal-data', 'modules', 'testing'];
const NOT_PLATFORM = `(?!(?:${PLATFORM_LIBS.join('|')})/)`;

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
      name: 'module-index-publishes-contracts',
      comment:
        'A module’s index.ts exports its event contracts (*.events.ts: the events, their table, the streams they are in), ' +
        'its Nest module, its query contracts (the queries and the read models’ documents their answers are made of) and ' +
        'its entry in the registry (its projections and reactors) and the data models of what it produces (*.model.ts: a report), ' +
        'nothing more: no decider, service, handler or adapter.',
      severity: 'error',
      from: { path: `^libs/${NOT_PLATFORM}[^/]+/src/index\\.ts$` },
      to: {
        pathNot: [
          '^libs/[^/]+/src/index\\.ts$',
          '\\.(events|module|query|projection|reactor|model)\\.ts$',
          '-queries\\.ts$',
        ],
      },
    },
    {
      name: 'module-subpath-for-apps',
      comment:
        'A module’s public subpath (@app/networks/import, @app/identity/administration) serves the composition roots ' +
        '(the API’s start, the CLI), which work without the command bus; another module uses the module’s index.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/', pathNot: TESTS },
      to: { path: `^libs/${NOT_PLATFORM}[^/]+/src/[^/]+/index\\.ts$`, pathNot: '^libs/$1/src/' },
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
