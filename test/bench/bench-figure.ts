/** One line of the benchmark table. */
export interface BenchFigure {
  figure: string;
  value: string;
}

/** A section of the benchmark: one module, run on its own temp data, returning its figures. */
export interface BenchSection {
  name: string;
  run: () => Promise<BenchFigure[]>;
}

/** `12345.6` → `12,346`. */
export const formatRate = (perSecond: number): string =>
  Math.round(perSecond).toLocaleString('en-US');

export const seconds = (startNs: bigint): number => Number(process.hrtime.bigint() - startNs) / 1e9;
