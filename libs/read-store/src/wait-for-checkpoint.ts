import { NotYetConsistent } from '@app/kernel';
import { ReadStore } from './read-store.port';

export interface WaitForPositionOptions {
  /** Projections that must have reached the position. */
  projections: readonly string[];
  position: number;
  timeoutMs: number;
  /** How often to ask the store (ms). */
  pollMs: number;
  /** The position a projection has reached; `fromStore` asks the read store, not only memory. */
  reached: (projection: string, fromStore: boolean) => Promise<number>;
  /** Calls back whenever a position may have moved in this process; returns the unsubscribe. */
  subscribe?: (wake: () => void) => () => void;
}

/**
 * Resolves once every projection has reached the position; rejects with NotYetConsistent
 * (naming a projection that lags and how far it got) when the time runs out.
 */
export const waitForPosition = async (options: WaitForPositionOptions): Promise<void> => {
  const { projections, position, timeoutMs, pollMs, reached } = options;
  const best = new Map<string, number>();
  const lagging = (): string | undefined => projections.find((name) => (best.get(name) ?? 0) < position);
  const refresh = async (fromStore: boolean): Promise<void> => {
    await Promise.all(
      projections.map(async (name) => {
        if ((best.get(name) ?? 0) >= position) return;
        const now = await reached(name, fromStore);
        best.set(name, Math.max(best.get(name) ?? 0, now));
      }),
    );
  };

  await refresh(true);
  if (lagging() === undefined) return;

  await new Promise<void>((resolve, reject) => {
    let settled = false;
    let pollTimer: NodeJS.Timeout | undefined;
    let unsubscribe: (() => void) | undefined;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(pollTimer);
      unsubscribe?.();
      if (error) reject(error);
      else resolve();
    };
    const check = async (fromStore: boolean): Promise<void> => {
      try {
        await refresh(fromStore);
      } catch {
        // The store may be briefly unreachable; keep trying until the deadline.
      }
      if (!settled && lagging() === undefined) finish();
    };
    const poll = (): void => {
      pollTimer = setTimeout(() => {
        void check(true).then(() => {
          if (!settled) poll();
        });
      }, pollMs);
    };
    const deadline = setTimeout(() => {
      const name = lagging();
      if (name === undefined) finish();
      else finish(new NotYetConsistent(position, best.get(name) ?? 0, name));
    }, Math.max(0, timeoutMs));
    unsubscribe = options.subscribe?.(() => void check(false));
    poll();
  });
};

/**
 * Waits until the projections' active checkpoints in the read store reach `position`, for a
 * process that does not run the projections itself. Rejects with NotYetConsistent on time-out.
 */
export const waitForCheckpoint = (
  readStore: ReadStore,
  projections: readonly string[],
  position: number,
  timeoutMs: number,
  options: { pollMs?: number } = {},
): Promise<void> =>
  waitForPosition({
    projections,
    position,
    timeoutMs,
    pollMs: options.pollMs ?? 25,
    reached: async (name) => (await readStore.checkpoint(name))?.position ?? 0,
  });
