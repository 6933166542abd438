import { asciiFileName, contentDisposition } from './content-disposition';

describe('the download’s Content-Disposition', () => {
  it('names the file in UTF-8 (filename*) and, spelled in Latin letters, for clients that read only filename', () => {
    expect(contentDisposition('Аналіз роботи освітнього округу за 2019-2020 навчальний рік.docx')).toBe(
      `attachment; filename="Analiz roboty osvitnoho okruhu za 2019-2020 navchalnyi rik.docx"; filename*=UTF-8''${encodeURIComponent('Аналіз роботи освітнього округу за 2019-2020 навчальний рік.docx')}`,
    );
    expect(asciiFileName('Отчет о работе школьного округа № 3 за 2020-2021 учебный год.pdf')).toBe('Otchet o rabote shkolnogo okruga No 3 za 2020-2021 uchebnyi god.pdf');
    expect(asciiFileName('Звіт «Щоденник» — Ємільчине.md')).toBe('Zvit Shchodennyk - Iemilchyne.md');
  });

  it('keeps quotes, backslashes and other characters out of the quoted name, and encodes what RFC 5987 reserves', () => {
    expect(asciiFileName('a "b" \\ c.json')).toBe('a _b_ _ c.json');
    expect(asciiFileName('日本.json')).toBe('json');
    expect(asciiFileName('日本')).toBe('report');
    expect(contentDisposition("it's (a) *report*.md")).toBe(`attachment; filename="it's (a) *report*.md"; filename*=UTF-8''it%27s%20%28a%29%20%2Areport%2A.md`);
  });
});
