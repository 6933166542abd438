/**
 * Runs a suite only when its server is available; otherwise skips it and prints why, so a
 * skipped suite is never silent.
 */
export const describeWithServer = (
  name: string,
  available: string | undefined | false,
  reasonWhenAbsent: string,
  fn: () => void,
): void => {
  if (available) {
    describe(name, fn);
    return;
  }
  // Printed on stderr outside Jest's console capture so it shows in every reporter.
  process.stderr.write(`\n[skipped] ${name}: ${reasonWhenAbsent}\n`);
  describe.skip(name, fn);
};
