import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The dependency rules of docs/architecture.md, checked on the sources rather than hoped for.
 */
const root = join(__dirname, '..');

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.e2e-spec.ts') ? [path] : [];
  });

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);

const sources = files(join(root, 'libs')).map((file) => ({ file: relative(root, file), imports: importsOf(file) }));

describe('architecture', () => {
  it('finds the sources it checks', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it('keeps deciders pure: they import only the kernel (no Nest, no stores, no I/O)', () => {
    const deciders = sources.filter((s) => s.file.endsWith('.decider.ts'));
    expect(deciders.length).toBeGreaterThanOrEqual(4);
    for (const { file, imports } of deciders) {
      const foreign = imports.filter((i) => i !== '@app/kernel' && !i.startsWith('./'));
      expect({ file, foreign }).toEqual({ file, foreign: [] });
    }
  });

  it('keeps projections pure: no Nest and no store access in a projection', () => {
    for (const { file, imports } of sources.filter((s) => s.file.endsWith('.projection.ts'))) {
      const impure = imports.filter((i) => i.startsWith('@nestjs') || i.includes('event-store') || i.includes('read-store.port') || i.startsWith('node:'));
      expect({ file, impure }).toEqual({ file, impure: [] });
    }
  });

  it('keeps the kernel free of every other module', () => {
    for (const { file, imports } of sources.filter((s) => s.file.startsWith('libs/kernel/'))) {
      const foreign = imports.filter((i) => i.startsWith('@app/') || i.startsWith('@nestjs'));
      expect({ file, foreign }).toEqual({ file, foreign: [] });
    }
  });

  it('never lets a library import an app', () => {
    for (const { file, imports } of sources) {
      const apps = imports.filter((i) => i.includes('apps/'));
      expect({ file, apps }).toEqual({ file, apps: [] });
    }
  });

  it('lets storage libraries know nothing of the domain modules', () => {
    const storage = sources.filter((s) => /^libs\/(event-store|read-store|jobs|personal-data)\//.test(s.file));
    for (const { file, imports } of storage) {
      const domain = imports.filter((i) => /^@app\/(networks|identity|platform)/.test(i));
      expect({ file, domain }).toEqual({ file, domain: [] });
    }
  });

  it('reads process.env only in *.config.ts files', () => {
    for (const file of [...files(join(root, 'libs')), ...files(join(root, 'apps'))]) {
      if (file.endsWith('.config.ts')) continue;
      expect({ file: relative(root, file), readsEnv: /process\.env/.test(readFileSync(file, 'utf8')) }).toEqual({ file: relative(root, file), readsEnv: false });
    }
  });
});
