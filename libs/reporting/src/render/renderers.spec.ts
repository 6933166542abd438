import ExcelJS from 'exceljs';
import { stopChartRenderer } from './charts/chart-renderer';
import { summaryUk } from './fixtures/department-summary.fixtures';
import { profileUk } from './fixtures/institution-profile.fixtures';
import { monitoringBySeriesRu } from './fixtures/monitoring-table.fixtures';
import { murygino2020Ru } from './fixtures/murygino-2020-2021.ru.fixtures';
import { LibreOfficeNotInstalledError, REPORT_FORMATS, RenderableReport, formatsOf, renderMonitoringTableMarkdown, renderReport, rendererOf } from './renderers';

afterAll(() => stopChartRenderer());

describe('the renderers by report kind and format', () => {
  it('given each kind of report, when asked what it is made in, then the annual analysis and the profile are texts without XLSX, and the tables are made in all six formats', () => {
    expect(formatsOf('annual-analysis')).toEqual(['docx', 'pdf', 'html', 'markdown', 'json']);
    expect(formatsOf('institution-profile')).toEqual(['docx', 'pdf', 'html', 'markdown', 'json']);
    expect(formatsOf('monitoring-table')).toEqual(['docx', 'pdf', 'html', 'markdown', 'json', 'xlsx']);
    expect(formatsOf('department-summary')).toEqual(['docx', 'pdf', 'html', 'markdown', 'json', 'xlsx']);
    expect(rendererOf('annual-analysis', 'xlsx')).toBeUndefined();
    expect(rendererOf('institution-profile', 'xlsx')).toBeUndefined();
    expect(REPORT_FORMATS.markdown).toEqual({ contentType: 'text/markdown; charset=utf-8', extension: 'md' });
  });

  it('given a model, when rendered in a format, then the renderer of its kind makes it, with the format’s content type and extension', async () => {
    const table = monitoringBySeriesRu();
    const markdown = await renderReport(table, 'markdown');
    expect(markdown).toEqual({ bytes: Buffer.from(renderMonitoringTableMarkdown(table), 'utf8'), contentType: 'text/markdown; charset=utf-8', extension: 'md' });
    const json = await renderReport(summaryUk(), 'json');
    expect(JSON.parse(json.bytes.toString('utf8'))).toEqual(summaryUk());
    expect(json.contentType).toBe('application/json; charset=utf-8');
  });

  it('given each kind, when rendered in each of its formats but PDF, then each gives a document of its type', async () => {
    const models: RenderableReport[] = [murygino2020Ru, monitoringBySeriesRu(), summaryUk(), profileUk()];
    for (const model of models) {
      for (const format of formatsOf(model.report).filter((f) => f !== 'pdf')) {
        const { bytes, contentType, extension } = await renderReport(model, format, { charts: false });
        expect([contentType, extension]).toEqual([REPORT_FORMATS[format].contentType, REPORT_FORMATS[format].extension]);
        if (format === 'docx' || format === 'xlsx') expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
        if (format === 'html') expect(bytes.toString('utf8')).toContain(`<h1>${model.title}</h1>`);
      }
    }
  });

  it('given a table, when rendered as XLSX through the list, then it is the workbook its own renderer writes', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReport(monitoringBySeriesRu(), 'xlsx')).bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Темы и учреждения', 'Количество']);
  });

  it('given a format the kind is not made in, when rendered, then it is refused; PDF without LibreOffice says so, for every kind', async () => {
    await expect(renderReport(murygino2020Ru, 'xlsx')).rejects.toThrow(RangeError);
    await expect(renderReport(profileUk(), 'xlsx')).rejects.toThrow(RangeError);
    for (const model of [murygino2020Ru, monitoringBySeriesRu(), summaryUk(), profileUk()] as RenderableReport[]) {
      await expect(renderReport(model, 'pdf', { soffice: null })).rejects.toBeInstanceOf(LibreOfficeNotInstalledError);
    }
  });
});
