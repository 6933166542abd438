/** The signals that stop a process of okrug (the API and the worker): drain, flush, close. */
export const SHUTDOWN_SIGNALS: string[] = ['SIGTERM', 'SIGINT'];

/**
 * Signals that other tools send to say something else (SIGHUP: the terminal went away or "reload
 * your logs"; SIGUSR2: a restart request of nodemon and the like). Node's default for them is to
 * end the process on the spot; okrug notes them and goes on.
 */
export const IGNORED_SIGNALS: NodeJS.Signals[] = ['SIGHUP', 'SIGUSR2'];

/** Keeps the process running on IGNORED_SIGNALS, logging each one. */
export const ignoreOtherSignals = (log: (line: { msg: string; signal: string }) => void): void => {
  for (const signal of IGNORED_SIGNALS) process.on(signal, () => log({ msg: 'signal ignored: only SIGTERM and SIGINT stop okrug', signal }));
};
