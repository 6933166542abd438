import { InvalidInput } from '@app/kernel';
import { readCsvImport, readImport, readJsonImport } from './import-file';

const fieldsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    return (error as InvalidInput).errors.map((e) => e.field);
  }
  throw new Error('expected InvalidInput');
};

describe('import files', () => {
  describe('JSON', () => {
    it('reads institutions and networks, trimming values and dropping empty ones', () => {
      const input = readJsonImport({
        institutions: [{ fullName: ' МБОУ Лосненская СШ ', shortName: 'Лосненская СШ', kind: 'general-school', settlement: 'с. Лосное', website: '', externalCode: null }],
        networks: [{ name: 'Школьный округ № 3', kind: 'educational-district', anchor: 'Лосненская СШ', members: [{ institution: 'Лосненская СШ', role: 'member', from: '2020-09-01' }] }],
      });
      expect(input.institutions).toEqual([{ row: 'institutions[0]', fullName: 'МБОУ Лосненская СШ', shortName: 'Лосненская СШ', kind: 'general-school', settlement: 'с. Лосное' }]);
      expect(input.networks[0]).toEqual({
        row: 'networks[0]',
        name: 'Школьный округ № 3',
        kind: 'educational-district',
        members: [{ row: 'networks[0].members[0]', institution: { ref: 'Лосненская СШ' }, role: 'member', from: '2020-09-01' }],
        anchors: [{ row: 'networks[0].anchor', institution: { ref: 'Лосненская СШ' } }],
      });
    });

    it('refuses a wrong shape field by field (400), leaving values to the rows', () => {
      expect(
        fieldsOf(() =>
          readJsonImport({
            institutions: [{ fullName: 1, extra: 'x' }, 'text'],
            networks: { name: 'x' },
            more: true,
          }),
        ).sort(),
      ).toEqual(['institutions[0].extra', 'institutions[0].fullName', 'institutions[1]', 'more', 'networks']);
      expect(fieldsOf(() => readJsonImport({ networks: [{ members: [{ institution: 'x', since: '2020' }] }] }))).toEqual(['networks[0].members[0].since']);
      expect(fieldsOf(() => readJsonImport([]))).toEqual(['body']);
      expect(fieldsOf(() => readJsonImport({}))).toEqual(['body']);
    });
  });

  describe('CSV', () => {
    const header = 'fullName,shortName,kind,settlement,externalCode,website,network,networkKind,networkNumber,role,from';

    it('groups networks by (network, networkKind, networkNumber) and turns an anchor row into a member and the anchor', () => {
      const input = readCsvImport(
        [
          header,
          'A,a,general-school,X,,,Округ,educational-district,3,anchor,2020-09-01',
          'B,b,general-school,X,,,Округ,educational-district,3,member,2020-09-01',
          'C,c,general-school,X,,,Округ,educational-district,4,member,2020-09-01',
          'D,d,general-school,X,,,,,,,',
        ].join('\n'),
      );
      expect(input.institutions.map((i) => i.shortName)).toEqual(['a', 'b', 'c', 'd']);
      expect(input.networks.map((n) => [n.row, n.name, n.number, n.members.map((m) => [m.row, m.institution, m.role]), n.anchors])).toEqual([
        ['1', 'Округ', '3', [[1, { local: 0 }, 'member'], [2, { local: 1 }, 'member']], [{ row: 1, institution: { local: 0 } }]],
        ['3', 'Округ', '4', [[3, { local: 2 }, 'member']], []],
      ].map(([row, ...rest]) => [Number(row), ...rest]));
    });

    it('refuses an unknown, repeated or missing column and a malformed file (400)', () => {
      expect(fieldsOf(() => readCsvImport('fullName,shortName,kind,settlement,town,kind\n'))).toEqual(['town', 'kind']);
      expect(fieldsOf(() => readCsvImport('fullName,shortName\nA,B\n'))).toEqual(['kind', 'settlement']);
      expect(fieldsOf(() => readCsvImport(`${header}\n"A,B\n`))).toEqual(['line 2']);
      expect(fieldsOf(() => readCsvImport(`${header}\n`))).toEqual(['body']);
    });

    it('is chosen by the content type', () => {
      expect(readImport('fullName;shortName;kind;settlement\nA;B;kindergarten;C\n', 'text/csv; charset=utf-8').format).toBe('csv');
      expect(readImport({ institutions: [{ fullName: 'A' }] }, 'application/json').format).toBe('json');
    });
  });
});
