import { Injectable, OnModuleInit, SetMetadata, applyDecorators } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { GeneratorAvailability } from '../report/report.decider';
import type { ReportFormat, ReportKind } from '../report/report.events';
import type { ReportGenerator } from './report-generator.port';

const GENERATES = 'okrug:generates-report';

interface Registration {
  report: ReportKind;
  formats: readonly ReportFormat[];
  /** It takes the place of the built-in generator of these formats (a test's, or an installation's own). */
  replaces?: boolean;
}

/**
 * Declares a provider a report generator of `report` for `formats`: the class implements
 * `ReportGenerator` and is listed in a module's providers; `ReportGenerators` finds it when the
 * application starts. A kind and format have one generator: a second is an error at start,
 * unless it is declared `{ replaces: true }` (a test's generator, in place of the built-in one).
 *
 * ```ts
 * @GeneratesReport('annual-analysis', ['docx', 'html', 'markdown', 'json'])
 * export class AnnualAnalysisGenerator implements ReportGenerator { … }
 * ```
 */
export const GeneratesReport = (report: ReportKind, formats: readonly ReportFormat[], options: { replaces?: boolean } = {}): ClassDecorator =>
  applyDecorators(Injectable(), SetMetadata(GENERATES, { report, formats, replaces: options.replaces ?? false } satisfies Registration));

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
    const found: [Registration, ReportGenerator][] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype;
      if (typeof type !== 'function' || !wrapper.instance) continue;
      const registration = Reflect.getMetadata(GENERATES, type) as Registration | undefined;
      if (registration) found.push([registration, wrapper.instance as ReportGenerator]);
    }
    // The built-in ones first; one that `replaces` then takes their formats (two of those for one format are an error still).
    for (const [registration, generator] of found.filter(([r]) => !r.replaces)) this.register(registration.report, registration.formats, generator);
    const replaced = new Set<string>();
    for (const [registration, generator] of found.filter(([r]) => r.replaces)) {
      for (const format of registration.formats) {
        const key = slot(registration.report, format);
        if (replaced.has(key)) throw new Error(`two generators replace ${registration.report} in ${format}`);
        replaced.add(key);
        this.generators.set(key, generator);
      }
    }
  }
}
