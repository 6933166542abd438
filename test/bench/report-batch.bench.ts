import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonLogger, loadConfig } from '@app/platform';
import { createApi } from '../../apps/api/src/create-app';
import { stopChartRenderer } from '../../libs/reporting/src/render/charts/chart-renderer';
import { BenchFigure } from './bench-figure';

/**
 * A department batch of 50 networks through the real app (embedded profile, a temporary data
 * directory, logs thrown away, the built-in generator): 50 networks, each with its anchor school
 * and 20 events held in 2020/2021, set up through the API; then `POST /report-batches` for
 * 2020/2021 as DOCX, followed with `GET /report-batches/{id}` until every report is generated.
 * Figures: the time until every network's report is recorded (the reactor), until the first and
 * the last is generated, and each report's time waiting in the queue and being generated.
 */

const NETWORKS = 50;
const EVENTS_PER_NETWORK = 20;
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const DEPARTMENT = 'murygino';
const PARALLEL = 5;

const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`;
const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

interface BatchReport {
  reportId: string;
  status: string;
}
interface ReportAnswer {
  reportId: string;
  requestedAt: string;
  startedAt: string | null;
  generatedAt: string | null;
  artifact: { size: number } | null;
}

export async function benchReportBatch(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'okrug-bench-batch-'));
  const config = loadConfig({ OKRUG_DATA_DIR: dir, OKRUG_ADMIN_KEY: ADMIN_KEY, OKRUG_DEPARTMENT: DEPARTMENT, OKRUG_LOG_LEVEL: 'warn' });
  const { app } = await createApi(config, { logger: new JsonLogger('warn', () => undefined) });
  await stopChartRenderer();
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const call = async (method: 'GET' | 'POST', path: string, body?: object, expected = method === 'POST' ? 201 : 200): Promise<{ id: string; position: number } & Record<string, unknown>> => {
      for (let attempt = 0; ; attempt++) {
        const res = await fetch(`${url}${path}`, {
          method,
          headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        const answer = (await res.json()) as { id: string; position: number } & Record<string, unknown>;
        if (res.status === expected) return answer;
        // The admin key is usable once its read model has it.
        if (res.status === 401 && attempt < 100) {
          await sleep(50);
          continue;
        }
        throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(answer)}`);
      }
    };

    // 50 networks, each with its anchor school and 20 events held in 2020/2021.
    const setUp = process.hrtime.bigint();
    const network = async (n: number) => {
      const school = await call('POST', '/institutions', { fullName: `Муниципальное бюджетное общеобразовательное учреждение средняя школа № ${n}`, shortName: `МБОУ СШ № ${n}`, kind: 'general-school', settlement: `с. Мурыгино-${n}` });
      const { id } = await call('POST', '/networks', { name: `Школьный округ № ${n}`, kind: 'educational-district' });
      await call('POST', `/networks/${id}/members`, { institutionId: school.id, role: 'member', from: '2019-09-01' }, 200);
      await call('POST', `/networks/${id}/anchor`, { institutionId: school.id, from: '2019-09-01' }, 200);
      for (let e = 0; e < EVENTS_PER_NETWORK; e++) {
        const day = `2020-${String(10 + (e % 3)).padStart(2, '0')}-${String(1 + e).padStart(2, '0')}`;
        const when = { precision: 'date', from: day };
        const event = await call('POST', '/events', { kind: e % 2 ? 'seminar' : 'master-class', topic: `Тема заседания № ${e + 1}`, networkIds: [id], hostIds: [school.id], when, format: { mode: 'in-person' }, level: 'network' });
        await call('POST', `/events/${event.id}/holding`, { when, participation: { counts: { teachers: 5 + e }, institutionIds: [school.id] } }, 200);
      }
    };
    for (let n = 1; n <= NETWORKS; n += PARALLEL) await Promise.all(Array.from({ length: Math.min(PARALLEL, NETWORKS - n + 1) }, (_, k) => network(n + k)));
    const setUpMs = Number(process.hrtime.bigint() - setUp) / 1e6;

    // The batch, followed until every report is generated.
    const started = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - started) / 1e6;
    const asked = await call('POST', '/report-batches', { report: 'annual-analysis', parameters: { period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'ru' } }, 202);
    const answeredMs = since();
    let allRequestedMs: number | null = null;
    let firstMs: number | null = null;
    let batch: { status: string; reports: BatchReport[]; counts: { generated: number; failed: number } };
    for (;;) {
      batch = (await call('GET', `/report-batches/${asked.id}?consistentWith=${asked.position}`)) as unknown as typeof batch;
      if (allRequestedMs === null && ((await call('GET', `/reports?batch=${asked.id}&limit=1`)).total as number) === NETWORKS) allRequestedMs = since();
      if (firstMs === null && batch.counts.generated > 0) firstMs = since();
      if (batch.status !== 'requested' && batch.status !== 'generating') break;
      if (since() > 30 * 60_000) throw new Error('the batch took more than 30 minutes');
      await sleep(20);
    }
    const allMs = since();
    if (batch.status !== 'generated') throw new Error(`the batch ended ${batch.status}: ${JSON.stringify(batch.counts)}`);

    const reports = ((await call('GET', `/reports?batch=${asked.id}&limit=500`)).items as ReportAnswer[]).filter((r) => r.generatedAt && r.startedAt);
    const at = (iso: string | null) => Date.parse(iso!);
    const generation = reports.map((r) => at(r.generatedAt) - at(r.startedAt)).sort((a, b) => a - b);
    const waiting = reports.map((r) => at(r.startedAt) - at(r.requestedAt)).sort((a, b) => a - b);
    const size = reports.reduce((n, r) => n + (r.artifact?.size ?? 0), 0) / reports.length;
    return [
      { figure: `set-up: ${NETWORKS} networks, ${(NETWORKS * EVENTS_PER_NETWORK).toLocaleString('en-US')} events held, through the API`, value: ms(setUpMs) },
      { figure: 'POST /report-batches answered', value: ms(answeredMs) },
      { figure: `every network’s report recorded (the reactor, ${NETWORKS} ReportRequested)`, value: ms(allRequestedMs ?? allMs) },
      { figure: 'the first report generated', value: ms(firstMs ?? allMs) },
      { figure: `all ${NETWORKS} generated (DOCX, ${EVENTS_PER_NETWORK} events each)`, value: `${ms(allMs)}, ${(NETWORKS / (allMs / 1000)).toFixed(1)} reports/s` },
      { figure: 'per report, generation (started → generated): p50 / p95 / max', value: `${ms(quantile(generation, 0.5))} / ${ms(quantile(generation, 0.95))} / ${ms(generation[generation.length - 1])}` },
      { figure: 'per report, waiting in the queue (requested → started): p50 / max', value: `${ms(quantile(waiting, 0.5))} / ${ms(waiting[waiting.length - 1])}` },
      { figure: 'per report, DOCX size (mean)', value: `${Math.round(size / 1024)} KiB` },
    ];
  } finally {
    await app.close();
    await stopChartRenderer();
    await rm(dir, { recursive: true, force: true });
  }
}
