import { BenchFigure, BenchSection } from './bench-figure';
import { benchEventStore } from './event-store.bench';
import { benchNetworkCommand } from './network-command.bench';
import { benchHttp } from './http.bench';
import { benchProjectionCatchUp } from './projection-catch-up.bench';
import { benchReports } from './reports.bench';
import { benchReportBatch } from './report-batch.bench';

/**
 * The benchmark sections, run one after the other. Each lives in its own module, works on its
 * own temp data and returns its figures.
 */
const sections: BenchSection[] = [
  { name: 'event store', run: benchEventStore },
  { name: 'projection catch-up', run: benchProjectionCatchUp },
  { name: 'network command', run: benchNetworkCommand },
  { name: 'http', run: benchHttp },
  { name: 'reports', run: benchReports },
  { name: 'report-batch', run: benchReportBatch },
];

/** `npm run bench` runs every section; `npm run bench -- <word>` only those whose name contains it. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const wanted = argv.filter((a) => !a.startsWith('-')).map((a) => a.toLowerCase());
  const chosen = sections.filter((s) => wanted.length === 0 || wanted.some((w) => s.name.toLowerCase().includes(w)));
  if (chosen.length === 0) throw new Error(`no bench section matches ${wanted.join(', ')}`);
  const rows: Array<BenchFigure & { section: string }> = [];
  const started = Date.now();
  for (const section of chosen) {
    process.stderr.write(`bench: ${section.name}…\n`);
    for (const figure of await section.run()) rows.push({ section: section.name, ...figure });
  }
  console.table(rows.map(({ section, figure, value }) => ({ section, figure, value })));
  process.stderr.write(`bench: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
