import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeWithServer } from '@app/testing';
import { stopChartRenderer } from './charts/chart-renderer';
import { docxCases } from './fixtures/docx-cases.fixtures';
import { murygino2020Ru } from './fixtures/murygino-2020-2021.ru.fixtures';
import { renderDepartmentSummaryPdf } from './department-summary/department-summary.renderers';
import { summaryUk } from './fixtures/department-summary.fixtures';
import { profileUk } from './fixtures/institution-profile.fixtures';
import { monitoringBySeriesRu } from './fixtures/monitoring-table.fixtures';
import { renderInstitutionProfilePdf } from './institution-profile/institution-profile.renderers';
import { renderMonitoringTablePdf } from './monitoring-table/monitoring-table.renderers';
import { LibreOfficeNotInstalledError, PdfConversionError, convertDocxToPdf, findSoffice, renderPdf } from './pdf.renderer';

afterAll(() => stopChartRenderer());

describe('PDF without LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pdf-spec-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds soffice, or libreoffice, only where it is an executable on the PATH', async () => {
    expect(findSoffice('')).toBeNull();
    expect(findSoffice(dir)).toBeNull();
    await writeFile(join(dir, 'libreoffice'), '#!/bin/sh\n');
    expect(findSoffice(dir)).toBeNull(); // not executable
    await chmod(join(dir, 'libreoffice'), 0o755);
    expect(findSoffice(`/nowhere:${dir}`)).toBe(join(dir, 'libreoffice'));
  });

  it('is a typed error saying LibreOffice is not installed', async () => {
    await expect(renderPdf(murygino2020Ru, { charts: false })).rejects.toBeInstanceOf(LibreOfficeNotInstalledError);
    await expect(renderMonitoringTablePdf(monitoringBySeriesRu())).rejects.toBeInstanceOf(LibreOfficeNotInstalledError);
    await expect(renderDepartmentSummaryPdf(summaryUk(), { soffice: null })).rejects.toBeInstanceOf(LibreOfficeNotInstalledError);
    await expect(convertDocxToPdf(Buffer.from('PK'), { soffice: null })).rejects.toBeInstanceOf(LibreOfficeNotInstalledError);
    const error = await convertDocxToPdf(Buffer.from('PK'), { soffice: join(dir, 'no-soffice-here') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibreOfficeNotInstalledError);
    expect((error as LibreOfficeNotInstalledError).code).toBe('libreoffice-not-installed');
    expect((error as Error).message).toContain('LibreOffice is not installed');
  });

  it('is a conversion error when LibreOffice makes no PDF', async () => {
    const fake = join(dir, 'soffice');
    await writeFile(fake, '#!/bin/sh\necho "Error: source file could not be loaded" >&2\nexit 0\n');
    await chmod(fake, 0o755);
    const error = await renderPdf(murygino2020Ru, { soffice: fake, charts: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfConversionError);
    expect((error as Error).message).toContain('source file could not be loaded');
  });
});

const soffice = findSoffice(process.env.PATH);

describeWithServer('PDF through LibreOffice', soffice ?? undefined, 'LibreOffice (soffice) is not installed: no DOCX was opened in it', () => {
  jest.setTimeout(300_000);

  /*
   * Every case's DOCX opened by LibreOffice: all in one run of it (its start is most of a
   * conversion's time), with the flags convertDocxToPdf gives it, so each case has a PDF of its
   * own or none, and a document it cannot open fails its case.
   */
  const cases = docxCases();
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'okrug-docx-cases-'));
    const inputs = await Promise.all(cases.map(async (c, i) => {
      const file = join(dir, `case-${i}.docx`);
      await writeFile(file, await c.docx());
      return file;
    }));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await new Promise<void>((resolve, reject) =>
      execFile(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nologo', '--infilter=MS Word 2007 XML', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', dir, ...inputs], { timeout: 280_000, maxBuffer: 1 << 22 }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('opens the DOCX and makes a PDF of it: %s', async (_name, i) => {
    const pdf = await readFile(join(dir, `case-${i}.pdf`)).catch(() => Buffer.alloc(0));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });

  it('renders the annual analysis as PDF', async () => {
    const pdf = await renderPdf(murygino2020Ru, { soffice });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  /** Each page's size in points, as the PDF gives it. */
  const pageSizes = (pdf: Buffer): [number, number][] =>
    [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);

  it('renders the monitoring table and the department summary as PDF on landscape A4 pages, the annual analysis and the institution profile upright', async () => {
    const [table, summary, analysis, profile] = await Promise.all([
      renderMonitoringTablePdf(monitoringBySeriesRu(), { soffice }),
      renderDepartmentSummaryPdf(summaryUk(), { soffice }),
      renderPdf(murygino2020Ru, { soffice, charts: false }),
      renderInstitutionProfilePdf(profileUk(), { soffice }),
    ]);
    for (const pdf of [table, summary]) {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pageSizes(pdf).length).toBeGreaterThan(0);
      expect(new Set(pageSizes(pdf).map(([w, h]) => `${w}x${h}`))).toEqual(new Set(['842x595']));
    }
    for (const pdf of [analysis, profile]) expect(new Set(pageSizes(pdf).map(([w, h]) => `${w}x${h}`))).toEqual(new Set(['595x842']));
  });

  it('fails clearly on a document it cannot open', async () => {
    await expect(convertDocxToPdf(Buffer.from('not a document at all'), { soffice: soffice! })).rejects.toBeInstanceOf(PdfConversionError);
  });
});
