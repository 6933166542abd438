import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

/**
 * The live follower must not keep what it has applied. A child process with `--expose-gc` writes
 * 50,000 events of ~1 KB through a live follower (real SQLite stores and runner) and reports the
 * heap after forced collections at 10,000 and at 50,000 events. Keeping each event would add
 * ~40 MB between the two; the bound leaves room for allocator noise and nothing more.
 */
describe('ProjectionRunner live follow, under many events', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okrug-heap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the heap flat from 10,000 to 50,000 followed events', async () => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', 'scripts/run-ts.js', 'libs/read-store/src/testing/live-follower-heap.probe.ts', dir, '10000', '50000'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((done) => child.on('exit', done));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });

    const report = JSON.parse(stdout.trim()) as { heap: Record<string, number>; state: string; position: number };
    expect(report).toMatchObject({ state: 'live', position: 50_000 });
    const growthMb = (report.heap['50000'] - report.heap['10000']) / 1024 / 1024;
    expect(growthMb).toBeLessThan(6);
  }, 120_000);
});
