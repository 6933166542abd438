import PizZip from 'pizzip';
import { RuleViolated } from '@app/kernel';
import { profileUk } from '../render/fixtures/institution-profile.fixtures';
import { institutionProfileDocxTemplate } from '../render/renderers';
import { docxText } from '../render/testing/docx-text';
import { validateDocxTemplate } from '../report-template/template-validation';
import { documentFileName, generatedDocument, pdfUnavailable } from './generated-document';

/** The built-in profile template with words of the department's own before the title (`{title}` replaced by `replacement`). */
const ownProfileTemplate = (replacement: string): Buffer => {
  const zip = new PizZip(institutionProfileDocxTemplate('uk'));
  zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace('>{title}<', `>${replacement}<`));
  return zip.generate({ type: 'nodebuffer' });
};

describe('a generated document', () => {
  it('given a report’s title, when named, then its periods’ slashes are dashes, no character a file system refuses is left, and no dot stands before the extension', () => {
    expect(documentFileName('Отчет о работе школьного округа № 3 за 2020/2021 учебный год', 'docx')).toBe('Отчет о работе школьного округа № 3 за 2020-2021 учебный год.docx');
    expect(documentFileName('Мониторинг мероприятий: Центральный образовательный округ, 2021/2022–2022/2023 уч. г.', 'xlsx')).toBe(
      'Мониторинг мероприятий Центральный образовательный округ, 2021-2022–2022-2023 уч. г.xlsx',
    );
    expect(documentFileName('Профіль закладу: "ЗОШ" <№ 7>\u0001 | ?*', 'md')).toBe('Профіль закладу ЗОШ № 7.md');
    expect(documentFileName(' ... ', 'json')).toBe('report.json');
  });

  it('given no LibreOffice, when a PDF is asked for, then it says why it cannot be made; other formats, or with LibreOffice, nothing', () => {
    expect(pdfUnavailable('pdf', null)).toMatch(/LibreOffice is not installed/);
    expect(pdfUnavailable('docx', null)).toBeUndefined();
    expect(pdfUnavailable('pdf', '/usr/bin/soffice')).toBeUndefined();
  });

  it('given a department template, when a DOCX is made, then it is filled instead of the built-in one and its version named; HTML, Markdown and JSON ignore it', async () => {
    const template = { version: 3, bytes: ownProfileTemplate('Профіль за шаблоном управління: {title}') };
    expect(validateDocxTemplate(template.bytes, 'institution-profile').valid).toBe(true);
    const docx = await generatedDocument(profileUk(), 'docx', null, template);
    expect(docx.templateVersion).toBe('3');
    expect(docxText(Buffer.from(docx.bytes))).toContain(`Профіль за шаблоном управління: ${profileUk().title}`);
    const builtIn = await generatedDocument(profileUk(), 'docx', null);
    expect(builtIn.templateVersion).toBeNull();
    expect(docxText(Buffer.from(builtIn.bytes))).not.toContain('за шаблоном управління');
    for (const format of ['html', 'markdown', 'json'] as const) {
      const other = await generatedDocument(profileUk(), format, null, template);
      expect({ format, templateVersion: other.templateVersion }).toEqual({ format, templateVersion: null });
    }
  });

  it('given a department template that cannot be filled, when a DOCX is made, then the report fails at once (report-template-unfillable)', async () => {
    const broken = { version: 4, bytes: ownProfileTemplate('{#names}{title}') };
    await expect(generatedDocument(profileUk(), 'docx', null, broken)).rejects.toThrow(RuleViolated);
    await expect(generatedDocument(profileUk(), 'docx', null, broken)).rejects.toMatchObject({ code: 'report-template-unfillable', message: expect.stringContaining('template version 4') });
  });
});
