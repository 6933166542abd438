import { documentFileName, pdfUnavailable } from './generated-document';

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
});
