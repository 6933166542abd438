import { InvalidInput } from '@app/kernel';
import { MAX_EVENT_ROWS, parseLinkText, readCsvEventsImport, readEventsImport, readJsonEventsImport } from './event-import-file';

const refusal = (read: () => unknown): InvalidInput => {
  try {
    read();
  } catch (error) {
    if (error instanceof InvalidInput) return error;
    throw error;
  }
  throw new Error('the file was not refused');
};
const fields = (error: InvalidInput) => error.errors.map((e) => e.field);

describe('reading an events import file', () => {
  describe('JSON', () => {
    it('reads a row: texts trimmed, lists without empty items, links as objects or "title url", counts as numbers', () => {
      const input = readJsonEventsImport({
        events: [
          {
            kind: 'seminar',
            topic: '  Гражданско-патриотическое воспитание  ',
            networks: ['Школьный округ № 3', ' '],
            hosts: ['МБОУ Рябцевская ОШ'],
            when: '2020/2021',
            format: 'online',
            platform: 'ZOOM',
            counts: { teachers: 12, pupils: null },
            publications: ['Сайт базовой школы http://murigino-poch.gov67.ru/', { url: 'https://example.org/a' }],
          },
        ],
      });
      expect(input.format).toBe('json');
      expect(input.rows[0]).toEqual({
        row: 'events[0]',
        kind: 'seminar',
        topic: 'Гражданско-патриотическое воспитание',
        networks: ['Школьный округ № 3'],
        audienceNetworks: [],
        hosts: ['МБОУ Рябцевская ОШ'],
        audience: [],
        participants: [],
        when: '2020/2021',
        format: 'online',
        platform: 'ZOOM',
        counts: { teachers: 12 },
        materials: [],
        publications: [{ url: 'http://murigino-poch.gov67.ru/', title: 'Сайт базовой школы' }, { url: 'https://example.org/a' }],
      });
    });

    it('takes a when object as the API writes it', () => {
      const when = { precision: 'month', month: '2022-11' };
      expect(readJsonEventsImport({ events: [{ kind: 'seminar', topic: 'Семинар', networks: ['n'], when }] }).rows[0].when).toEqual(when);
    });

    it('refuses the whole file, field by field, when its shape is wrong', () => {
      const error = refusal(() =>
        readJsonEventsImport({ events: [{ kind: 1, networks: 'n', counts: { teachers: '12' }, extra: true, materials: [{ url: 'x', size: 1 }] }, 'row'], more: [] }),
      );
      expect(fields(error)).toEqual(
        expect.arrayContaining(['more', 'events[0].extra', 'events[0].networks', 'events[0].counts.teachers', 'events[0].kind', 'events[0].materials[0].size', 'events[1]']),
      );
    });

    it('refuses a body that is not an object, an empty list, and more rows than it takes', () => {
      expect(fields(refusal(() => readJsonEventsImport([])))).toEqual(['body']);
      expect(refusal(() => readJsonEventsImport({ events: [] })).message).toBe('the import is empty');
      const many = { events: Array.from({ length: MAX_EVENT_ROWS + 1 }, () => ({})) };
      expect(fields(refusal(() => readJsonEventsImport(many)))).toEqual(['events']);
    });
  });

  describe('CSV', () => {
    const header = 'kind,topic,networks,hosts,when,teachers,participants,publications';

    it('reads one event a row: lists split at |, a count column per category, "," or ";" as the header uses', () => {
      const input = readCsvEventsImport(
        `${header}\npedagogical-council,Педконсиліум з адаптації першокласників,Освітній округ НВК № 11,,2019/2020,9,ЗОШ № 7 | ДНЗ № 25|ДНЗ № 36,Сайт школи https://school7.example/news\n`,
      );
      expect(input.rows).toEqual([
        {
          row: 1,
          kind: 'pedagogical-council',
          topic: 'Педконсиліум з адаптації першокласників',
          networks: ['Освітній округ НВК № 11'],
          audienceNetworks: [],
          hosts: [],
          audience: [],
          when: '2019/2020',
          counts: { teachers: 9 },
          participants: ['ЗОШ № 7', 'ДНЗ № 25', 'ДНЗ № 36'],
          materials: [],
          publications: [{ url: 'https://school7.example/news', title: 'Сайт школи' }],
        },
      ]);
      expect(readCsvEventsImport('kind;topic;networks;when\nforum;Форум молодых педагогов;Центральный округ;2022/2023\n').rows[0].topic).toBe('Форум молодых педагогов');
    });

    it('keeps a count that is not a number as its text, for the row to be rejected field by field', () => {
      expect(readCsvEventsImport(`${header}\nseminar,S,N,,2021,many,,\n`).rows[0].counts).toEqual({ teachers: 'many' });
    });

    it('refuses unknown, repeated and missing columns, a row of another width and a malformed file', () => {
      expect(fields(refusal(() => readCsvEventsImport('kind,topic,topic,colour\nseminar,a,b,c\n')))).toEqual(['topic', 'colour', 'networks', 'when']);
      expect(fields(refusal(() => readCsvEventsImport('kind,topic,networks,when\nseminar,a,b\n')))).toEqual(['line 2']);
      expect(fields(refusal(() => readCsvEventsImport('kind,topic,networks,when\n"seminar,a,b,c\n')))).toEqual(['line 2']);
      expect(refusal(() => readCsvEventsImport('kind,topic,networks,when\n')).message).toBe('the import is empty');
    });
  });

  it('reads by content type: text/csv as CSV, anything else as JSON', () => {
    expect(readEventsImport('kind,topic,networks,when\nseminar,a,b,2021\n', 'text/csv; charset=utf-8').format).toBe('csv');
    expect(readEventsImport({ events: [{ topic: 'a' }] }, 'application/json').format).toBe('json');
    expect(fields(refusal(() => readEventsImport({ events: [] }, 'text/csv')))).toEqual(['body']);
  });

  it('reads a link as "title url", or as the whole text when it ends in no address', () => {
    expect(parseLinkText('https://a.example/x')).toEqual({ url: 'https://a.example/x' });
    expect(parseLinkText('Сайт ЦРО https://a.example/x')).toEqual({ url: 'https://a.example/x', title: 'Сайт ЦРО' });
    expect(parseLinkText('на сайте школы')).toEqual({ url: 'на сайте школы' });
  });
});
