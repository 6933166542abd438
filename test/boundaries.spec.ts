import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The boundary rules of `.dependency-cruiser.js` (run on the real sources by `npm run lint:deps`
 * in `npm test`), shown to catch what they are for: a small tree with one breach of each rule,
 * and the same imports made the allowed way, which pass.
 */
const root = resolve(__dirname, '..');
const run = promisify(execFile);

const tree: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node', strict: true } }),
  // A platform library and its public surface: its index and a named subpath.
  'libs/read-store/src/index.ts': "export * from './store';\n",
  'libs/read-store/src/store.ts': 'export const store = 1;\n',
  'libs/read-store/src/embedded/index.ts': "export const embedded = 1;\n",
  // A module: its index publishes its contracts, its Nest module, a query and a projection; the CLI's subpath.
  'libs/places/src/index.ts':
    "export * from './places.events';\nexport { PlacesModule } from './places.module';\nexport { GetPlaceQuery } from './place/get-place.query';\n" +
    "import { projection } from './place/place.projection';\nexport const places = { projections: [projection] };\n",
  'libs/places/src/places.events.ts': 'export const placeEvents = 1;\n',
  'libs/places/src/places.module.ts': 'export class PlacesModule {}\n',
  'libs/places/src/place/get-place.query.ts': 'export class GetPlaceQuery {}\n',
  'libs/places/src/place/place.projection.ts': 'export const projection = 1;\n',
  'libs/places/src/import/index.ts': "export const importer = 1;\n",
  // Allowed: libraries through their indexes, a platform library's subpath, its own files; an app through a module's subpath.
  'libs/events/src/allowed.ts':
    "import { store } from '../../read-store/src';\nimport { embedded } from '../../read-store/src/embedded';\nimport { placeEvents } from '../../places/src';\nimport { own } from './own';\n" +
    'export const allowed = store + embedded + placeEvents + own;\n',
  'libs/events/src/own.ts': 'export const own = 1;\n',
  'apps/api/src/cli.ts': "import { importer } from '../../../libs/places/src/import';\nexport const cli = importer;\n",
  // Breaches, one per rule.
  'libs/events/src/deep.ts': "import { placeEvents } from '../../places/src/places.events';\nexport const deep = placeEvents;\n",
  'libs/kernel/src/leaky.ts': "import { store } from '../../read-store/src';\nexport const leaky = store;\n",
  'libs/events/src/index.ts': "export * from './seminar/seminar.decider';\n",
  'libs/events/src/borrowed.ts': "import { importer } from '../../places/src/import';\nexport const borrowed = importer;\n",
  'libs/events/src/seminar/seminar.projection.ts': "import { handle } from './seminar.handler';\nexport const projection = handle;\n",
  'libs/events/src/seminar/seminar.handler.ts': 'export const handle = 1;\n',
  'libs/events/src/seminar/seminar.decider.ts': "import { handle } from './seminar.handler';\nexport const decider = handle;\n",
  'libs/events/src/hold-seminar/hold-seminar.command.ts': "import { HoldSeminarDto } from './hold-seminar.dto';\nexport class HoldSeminarCommand { constructor(readonly body: HoldSeminarDto) {} }\n",
  'libs/events/src/hold-seminar/hold-seminar.dto.ts': 'export class HoldSeminarDto { topic!: string; }\n',
  'apps/api/src/main.ts': "import { worker } from '../../worker/src/worker';\nexport const api = worker;\n",
  'apps/worker/src/worker.ts': 'export const worker = 1;\n',
  'libs/events/src/egg.ts': "import { hen } from './hen';\nexport const egg = () => hen;\n",
  'libs/events/src/hen.ts': "import { egg } from './egg';\nexport const hen = () => egg;\n",
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

describe('the boundary rules', () => {
  let dir: string;
  let violations: Violation[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okrug-boundaries-'));
    for (const [path, text] of Object.entries(tree)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const cruiser = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
    // Exit code 1 when it finds violations: the answer is on stdout either way.
    const answer = await run(process.execPath, [cruiser, '--config', join(root, '.dependency-cruiser.js'), '--output-type', 'json', 'libs', 'apps'], { cwd: dir }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    violations = JSON.parse(answer.stdout).summary.violations;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const broken = (rule: string) => violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} → ${v.to}`);

  it('let a library use another through its index or a public subpath, and its own files freely', () => {
    expect(violations.filter((v) => v.from === 'libs/events/src/allowed.ts')).toEqual([]);
  });

  it('let a module’s index publish its event contracts, Nest module, queries and projections, and an app use its subpath', () => {
    expect(violations.filter((v) => v.from === 'libs/places/src/index.ts' || v.from.startsWith('apps/api/src/cli'))).toEqual([]);
  });

  it.each([
    ['library-through-its-index', ['libs/events/src/deep.ts → libs/places/src/places.events.ts']],
    ['module-index-publishes-contracts', ['libs/events/src/index.ts → libs/events/src/seminar/seminar.decider.ts']],
    ['module-subpath-for-apps', ['libs/events/src/borrowed.ts → libs/places/src/import/index.ts']],
    ['kernel-imports-nothing', ['libs/kernel/src/leaky.ts → libs/read-store/src/index.ts']],
    ['projection-is-pure', ['libs/events/src/seminar/seminar.projection.ts → libs/events/src/seminar/seminar.handler.ts']],
    ['decider-is-pure', ['libs/events/src/seminar/seminar.decider.ts → libs/events/src/seminar/seminar.handler.ts']],
    ['command-without-its-dto', ['libs/events/src/hold-seminar/hold-seminar.command.ts → libs/events/src/hold-seminar/hold-seminar.dto.ts']],
    ['app-does-not-import-an-app', ['apps/api/src/main.ts → apps/worker/src/worker.ts']],
  ])('refuse a breach of %s', (rule, expected) => {
    expect(broken(rule)).toEqual(expected);
  });

  it('refuse a cycle between files', () => {
    // Reported once, at the edge where the cruise closes it.
    expect(broken('no-circular')).toHaveLength(1);
    expect(broken('no-circular')[0]).toMatch(/^libs\/events\/src\/(egg|hen)\.ts → libs\/events\/src\/(hen|egg)\.ts$/);
  });
});
