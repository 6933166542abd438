import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const root = resolve(__dirname, '../..');

/** Processes started by this test file and still running. */
const running = new Set<ChildProcess>();
// A test that fails part-way must not leave its server behind (it would hold Jest open).
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  /** How the process ended: the signal's name, or `exit <code>`. */
  exited: Promise<string>;
  /** Resolves once the output contains `text` (rejects when the process ends first). */
  waitForOutput: (text: string | RegExp, timeoutMs?: number) => Promise<void>;
}

/**
 * Starts a server process as `npm start` does (the TypeScript sources through run-ts), and waits
 * until it prints `ready` ('okrug is listening' by default).
 */
export const startServerProcess = async (
  env: Record<string, string>,
  options: { script?: string; ready?: string; nodeArgs?: string[] } = {},
): Promise<ServerProcess> => {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'scripts/run-ts.js', options.script ?? 'apps/api/src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  // Nest re-raises the signal once its shutdown hooks are done, so a clean stop ends by that signal.
  const exited = new Promise<string>((done) => child.on('exit', (code, signal) => done(signal ?? `exit ${code}`)));
  const waitForOutput = async (text: string | RegExp, timeoutMs = 30_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    const seen = () => (typeof text === 'string' ? output.includes(text) : text.test(output));
    while (!seen()) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the process ended before printing ${String(text)}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`the process did not print ${String(text)}:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await waitForOutput(options.ready ?? 'okrug is listening');
  return { child, output: () => output, exited, waitForOutput };
};
