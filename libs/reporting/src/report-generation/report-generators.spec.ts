import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { ReportFormat } from '../report/report.events';
import type { GeneratedReport, ReportGenerator } from './report-generator.port';
import { GeneratesReport, ReportGenerators } from './report-generators';

const document = async (): Promise<GeneratedReport> => ({ bytes: Buffer.from('x'), contentType: 'text/plain', fileName: 'x.txt' });

@GeneratesReport('annual-analysis', ['docx', 'html'])
class LayoutGenerator implements ReportGenerator {
  generate = document;
}

@GeneratesReport('annual-analysis', ['pdf'])
class PdfGenerator implements ReportGenerator {
  generate = document;
  unavailable(format: ReportFormat) {
    return format === 'pdf' ? 'PDF needs LibreOffice (soffice), which is not installed here' : undefined;
  }
}

@GeneratesReport('annual-analysis', ['html'])
class SecondHtmlGenerator implements ReportGenerator {
  generate = document;
}

/** Not marked: not a generator, whatever it can do. */
@Injectable()
class Unmarked implements ReportGenerator {
  generate = document;
}

const registryWith = async (...providers: Function[]): Promise<ReportGenerators> => {
  const module = await Test.createTestingModule({ imports: [DiscoveryModule], providers: [ReportGenerators, ...(providers as never[])] }).compile();
  await module.init();
  return module.get(ReportGenerators);
};

describe('the report generators', () => {
  it('are the providers marked @GeneratesReport, by kind and format', async () => {
    const generators = await registryWith(LayoutGenerator, PdfGenerator, Unmarked);
    expect(generators.registered()).toEqual([
      { report: 'annual-analysis', format: 'docx' },
      { report: 'annual-analysis', format: 'html' },
      { report: 'annual-analysis', format: 'pdf' },
    ]);
    expect(generators.find('annual-analysis', 'docx')).toBeInstanceOf(LayoutGenerator);
    expect(generators.find('annual-analysis', 'html')).toBe(generators.find('annual-analysis', 'docx'));
    expect(generators.find('annual-analysis', 'json')).toBeUndefined();
  });

  it('say whether a kind and format can be asked for here, and why not', async () => {
    const generators = await registryWith(LayoutGenerator, PdfGenerator);
    expect(generators.availability('annual-analysis', 'docx')).toEqual({ available: true });
    expect(generators.availability('annual-analysis', 'pdf')).toEqual({ available: false, reason: 'PDF needs LibreOffice (soffice), which is not installed here' });
    expect(generators.availability('annual-analysis', 'markdown')).toEqual({ available: false, reason: 'no generator is registered for annual-analysis in markdown on this installation' });
  });

  it('take one generator per kind and format: a second is an error at start', async () => {
    await expect(registryWith(LayoutGenerator, SecondHtmlGenerator)).rejects.toThrow('a generator of annual-analysis in html is registered already');
    const generators = await registryWith();
    generators.register('annual-analysis', ['json'], { generate: document });
    expect(() => generators.register('annual-analysis', ['json'], { generate: document })).toThrow(/registered already/);
  });

  it('are none when nothing is registered', async () => {
    expect((await registryWith()).registered()).toEqual([]);
  });
});
