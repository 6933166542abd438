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
  // A library and its public surface.
  'libs/places/src/index.ts': "export * from './places';\n",
  'libs/places/src/places.ts': 'export const places = 1;\n',
  'libs/places/src/embedded/index.ts': "export const embedded = 1;\n",
  // Allowed: another library through its index and a named public subpath; its own files.
  'libs/events/src/allowed.ts': "import { places } from '../../places/src';\nimport { embedded } from '../../places/src/embedded';\nimport { own } from './own';\nexport const allowed = places + embedded + own;\n",
  'libs/events/src/own.ts': 'export const own = 1;\n',
  // Breaches, one per rule.
  'libs/events/src/deep.ts': "import { places } from '../../places/src/places';\nexport const deep = places;\n",
  'libs/kernel/src/leaky.ts': "import { places } from '../../places/src';\nexport const leaky = places;\n",
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

  it.each([
    ['library-through-its-index', ['libs/events/src/deep.ts → libs/places/src/places.ts']],
    ['kernel-imports-nothing', ['libs/kernel/src/leaky.ts → libs/places/src/index.ts']],
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
