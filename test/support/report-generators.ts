import { DynamicModule, Inject, Module } from '@nestjs/common';
import { RuleViolated, reportingPeriodLabel } from '@app/kernel';
import type { AnnualAnalysisParameters, ReportFormat } from '@app/reporting';
// The port and its registration are the reporting module's inside; tests may reach them.
import type { GeneratedReport, GenerationContext, ReportGenerator, ReportRequest } from '@app/reporting/report-generation/report-generator.port';
import { GeneratesReport } from '@app/reporting/report-generation/report-generators';

export interface TestReportGeneratorOptions {
  /** How long a generation takes, in five steps with progress told after each (ms; default 0). */
  delayMs?: number;
  /** Every generation, in order: what a test counts. */
  calls?: ReportRequest[];
  /** Throw this many times (a plain error: the job tries again) before generating. */
  failFirst?: number;
}

const OPTIONS = Symbol('TestReportGeneratorOptions');

/**
 * A report generator for the tests of the request/job/artifact side, behind the reporting
 * module's port: the annual analysis as JSON of what was asked (kind, department, parameters,
 * position), so the same request at the same position gives the same bytes. Markdown it refuses
 * (a domain refusal: the report fails at once), HTML it says it cannot do here (a request is
 * refused 422); DOCX and PDF it leaves to the built-in generator. Registered only in tests, in
 * place of the built-in generator of those three formats.
 */
@GeneratesReport('annual-analysis', ['json', 'markdown', 'html'], { replaces: true })
export class TestReportGenerator implements ReportGenerator {
  private failures = 0;

  constructor(@Inject(OPTIONS) private readonly options: TestReportGeneratorOptions) {}

  unavailable(format: ReportFormat): string | undefined {
    return format === 'html' ? 'the test generator writes no HTML on this installation' : undefined;
  }

  async generate(request: ReportRequest, context: GenerationContext): Promise<GeneratedReport> {
    this.options.calls?.push(request);
    if (request.format === 'markdown') throw new RuleViolated('test-generator-refuses', 'the test generator writes no Markdown');
    if (this.failures < (this.options.failFirst ?? 0)) {
      this.failures++;
      throw new Error(`the test generator failed (${this.failures})`);
    }
    const step = (this.options.delayMs ?? 0) / 5;
    for (let i = 1; i <= 5; i++) {
      if (step > 0) await new Promise((resolve) => setTimeout(resolve, step));
      if (i < 5) await context.progress(i / 5, `step ${i}`);
    }
    const { report, department, parameters } = request;
    const body = { report, department, parameters, position: context.position };
    return {
      bytes: Buffer.from(`${JSON.stringify(body, null, 2)}\n`, 'utf8'),
      contentType: 'application/json; charset=utf-8',
      fileName: `Аналіз роботи освітнього округу за ${reportingPeriodLabel((parameters as AnnualAnalysisParameters).period).replace('/', '-')} навчальний рік.json`,
    };
  }
}

/** The module a test's app imports (`ApiHarness.start(env, installation, clock, [reportGeneratorTestModule()])`). */
@Module({})
export class ReportGeneratorTestModule {
  static with(options: TestReportGeneratorOptions = {}): DynamicModule {
    return { module: ReportGeneratorTestModule, providers: [{ provide: OPTIONS, useValue: options }, TestReportGenerator] };
  }
}

export const reportGeneratorTestModule = (options: TestReportGeneratorOptions = {}): DynamicModule => ReportGeneratorTestModule.with(options);
