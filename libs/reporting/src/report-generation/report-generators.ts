import { Injectable, OnModuleInit, SetMetadata, applyDecorators } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { GeneratorAvailability } from '../report/report.decider';
import type { ReportFormat, ReportKind } from '../report/report.events';
import type { ReportGenerator } from './report-generator.port';

const GENERATES = 'okrug:generates-report';

interface Registration {
  report: ReportKind;
  formats: readonly ReportFormat[];
}

/**
 * Declares a provider a report generator of `report` for `formats`: the class implements
 * `ReportGenerator` and is listed in a module's providers; `ReportGenerators` finds it when the
 * application starts. A kind and format have one generator: a second is an error at start.
 *
 * ```ts
 * @GeneratesReport('annual-analysis', ['docx', 'html', 'markdown', 'json'])
 * export class AnnualAnalysisGenerator implements ReportGenerator { … }
 * ```
 */
export const GeneratesReport = (report: ReportKind, formats: readonly ReportFormat[]): ClassDecorator =>
  applyDecorators(Injectable(), SetMetadata(GENERATES, { report, formats } satisfies Registration));

const slot = (report: ReportKind, format: ReportFormat): string => `${report}\u0000${format}`;

/**
 * The registry of report generators, by kind and format. It holds the providers marked
 * `@GeneratesReport` (found once the application's modules are up) and those given to
 * `register`. A request is checked against it (`availability`), and the job takes its
 * generator from it (`find`).
 */
@Injectable()
export class ReportGenerators implements OnModuleInit {
  private readonly generators = new Map<string, ReportGenerator>();
  private discovered = false;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.discover();
  }

  /** Registers a generator for a kind and formats; refuses a kind and format that has one. */
  register(report: ReportKind, formats: readonly ReportFormat[], generator: ReportGenerator): void {
    for (const format of formats) {
      const key = slot(report, format);
      const existing = this.generators.get(key);
      if (existing && existing !== generator) throw new Error(`a generator of ${report} in ${format} is registered already`);
      this.generators.set(key, generator);
    }
  }

  find(report: ReportKind, format: ReportFormat): ReportGenerator | undefined {
    this.discover();
    return this.generators.get(slot(report, format));
  }

  /** Whether a report of the kind can be requested in the format here, and if not, why. */
  availability(report: ReportKind, format: ReportFormat): GeneratorAvailability {
    const generator = this.find(report, format);
    if (!generator) return { available: false, reason: `no generator is registered for ${report} in ${format} on this installation` };
    const reason = generator.unavailable?.(format);
    return reason ? { available: false, reason } : { available: true };
  }

  /** The kinds and formats registered, in order. */
  registered(): { report: ReportKind; format: ReportFormat }[] {
    this.discover();
    return [...this.generators.keys()].sort().map((key) => {
      const [report, format] = key.split('\u0000');
      return { report: report as ReportKind, format: format as ReportFormat };
    });
  }

  private discover(): void {
    if (this.discovered) return;
    this.discovered = true;
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype;
      if (typeof type !== 'function' || !wrapper.instance) continue;
      const registration = Reflect.getMetadata(GENERATES, type) as Registration | undefined;
      if (registration) this.register(registration.report, registration.formats, wrapper.instance as ReportGenerator);
    }
  }
}
