import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Resolves true once `done` settles, false after `ms`; the timer never holds the process. */
export const settlesWithin = (done: Promise<void>, ms: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  return Promise.race([done.then(() => true), timeout]).finally(() => clearTimeout(timer));
};

/** A server process a suite started, with the directory it owns. */
export interface ServerChild {
  /** The error spawning gave, if the process never started. */
  spawnError: () => Error | undefined;
  /** SIGTERM, then SIGKILL after `termTimeoutMs`; waits until nothing of it is left, removes its directory. Safe twice. */
  stop: () => Promise<void>;
}

/**
 * Watches a test server's process: remembers a spawn error, kills it should the test process
 * die without stopping it, and stops it once and for all on request.
 */
export const superviseServerChild = (child: ChildProcess, dir: string, termTimeoutMs: number): ServerChild => {
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  // 'close' comes after 'exit' once the output pipes are closed too: nothing of the child is left.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // Should the test process die without calling stop(), the server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // Without a pid the process never started (spawn error): there is nothing to wait for.
      if (child.pid !== undefined && !(await settlesWithin(closed, termTimeoutMs))) {
        child.kill('SIGKILL');
        await settlesWithin(closed, 5000);
      }
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopping;
  };
  return { spawnError: () => spawnError, stop };
};

export const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * A server's (or tool's) executable, found synchronously so a suite can decide at load time
 * whether to run: the configured path, else `name` in a directory of `searchPath`, else `fallback`.
 */
export const findExecutable = (name: string, options: { configured?: string; searchPath: string; fallback: string }): string | undefined => {
  if (options.configured && isExecutable(options.configured)) return options.configured;
  for (const dir of options.searchPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return isExecutable(options.fallback) ? options.fallback : undefined;
};
