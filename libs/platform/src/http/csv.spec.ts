import { CsvSyntaxError, detectDelimiter, parseCsv, parseCsvRecords } from './csv';

const fields = (text: string) => parseCsvRecords(text).records.map((r) => r.fields);

describe('CSV reader', () => {
  it('reads comma-separated records with LF or CRLF line ends', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(fields('a,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reads quoted fields with the delimiter, doubled quotes and line breaks inside', () => {
    const text = 'name,note\r\n"МБОУ ""Лосненская"" СШ","с. Лосное, ул. Школьная\r\nкорпус 2"\r\n';
    expect(fields(text)).toEqual([
      ['name', 'note'],
      ['МБОУ "Лосненская" СШ', 'с. Лосное, ул. Школьная\r\nкорпус 2'],
    ]);
  });

  it('keeps empty fields, quoted or not, and a record that is one empty quoted field', () => {
    expect(fields('a,,""\n,,\n""')).toEqual([['a', '', ''], ['', '', ''], ['']]);
  });

  it('detects the semicolon from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('single\n')).toBe(',');
    expect(parseCsv('fullName;shortName\n"Школа, № 1";Школа\n')).toMatchObject({
      delimiter: ';',
      header: ['fullName', 'shortName'],
      records: [{ row: 1, line: 2, fields: ['Школа, № 1', 'Школа'] }],
    });
  });

  it('drops a UTF-8 byte order mark and skips blank lines; rows count data records only', () => {
    const table = parseCsv('\uFEFFa,b\n\n1,2\n,\n3,4\n\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.records).toEqual([
      { row: 1, line: 3, fields: ['1', '2'] },
      { row: 2, line: 5, fields: ['3', '4'] },
    ]);
  });

  it('numbers lines by where the record starts, across line breaks inside quotes', () => {
    const table = parseCsv('a,b\n"x\ny",1\nz,2\n');
    expect(table.records.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 4],
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(/line 2: a quoted field is not closed/);
    expect(() => parseCsv('a,b\n"x"y,1\n')).toThrow(/line 2: unexpected "y" after a closing quote/);
  });

  it('refuses an empty file', () => {
    expect(() => parseCsv('')).toThrow(/empty/);
    expect(() => parseCsv('\uFEFF\r\n')).toThrow(/empty/);
  });
});
