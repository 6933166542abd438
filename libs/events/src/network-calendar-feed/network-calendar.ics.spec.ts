import { BAKHMUT } from '../event/event.fixtures';
import { inMonth, onDays } from '../event/when';
import { EventCalendarView, evolveEventCalendar } from '../event-calendar/event-calendar.projection';
import { cancelledSeminarLife, consiliumLife } from '../event-calendar/recorded-events.fixtures';
import { escapeText, foldLine } from './ics';
import { networkCalendarIcs } from './network-calendar.ics';

const fold = (events: ReturnType<typeof consiliumLife>) => events.reduce<EventCalendarView | null>((doc, e) => evolveEventCalendar(doc, e), null)!;

/** The feed's lines unfolded (RFC 5545 §3.1), CRLF checked. */
const unfold = (text: string): string[] => {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').slice(0, -1);
};

describe('a network’s calendar as iCalendar', () => {
  const held = fold(consiliumLife());
  const cancelled = { ...fold(cancelledSeminarLife()), topic: 'Семинар; тема, с запятой\nи строкой' };
  const monthOnly = { ...held, id: 'ev-month', when: inMonth('2020-04'), status: 'planned' as const, held: null };
  const allDayRange = { ...held, id: 'ev-range', when: onDays('2020-03-30', '2020-04-02'), status: 'planned' as const, held: null };
  const hostNames = new Map([
    [BAKHMUT.school7, 'ЗОШ № 7'],
    [BAKHMUT.school1, 'ЗОШ № 1'],
  ]);
  const text = networkCalendarIcs({ network: { id: BAKHMUT.district11, name: 'Округ НВК № 11' }, events: [held, allDayRange, monthOnly, cancelled], hostNames, lang: 'uk' });
  const lines = unfold(text);
  const eventsOf = () => {
    const out: string[][] = [];
    for (const line of lines) {
      if (line === 'BEGIN:VEVENT') out.push([]);
      else if (out.length && !out[out.length - 1].includes('END:VEVENT')) out[out.length - 1].push(line);
    }
    return out;
  };

  it('is a VCALENDAR of version 2.0 with its PRODID, its name, and lines of at most 75 octets ended by CRLF', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
    expect(lines).toEqual(expect.arrayContaining(['VERSION:2.0', 'PRODID:-//okrug//network events//EN', 'X-WR-CALNAME:Заходи: Округ НВК № 11']));
    for (const physical of text.split('\r\n')) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('holds only the events known to the day, and says in its description how many it left out', () => {
    const events = eventsOf();
    expect(events.map((e) => e.find((l) => l.startsWith('UID:')))).toEqual([`UID:${held.id}@okrug`, 'UID:ev-range@okrug', `UID:${cancelled.id}@okrug`]);
    expect(lines).toContain(`DESCRIPTION:${escapeText('Заходи без точного дня (лише місяць, рік чи навчальний рік, або дату не визначено) у календар не внесено: 1. Їх видно в календарі заходів округу.')}`);
  });

  it('dates an event with times in local time, an all-day one with DATE values and an exclusive end; SUMMARY is kind and topic; LOCATION the hosts or the platform', () => {
    const [first, range, last] = eventsOf();
    expect(first).toEqual(
      expect.arrayContaining([
        'DTSTART:20200312T100000',
        'DTEND:20200312T120000',
        'DTSTAMP:20200401T080000Z',
        'SEQUENCE:5',
        'SUMMARY:Педагогічна рада (консиліум): Адаптація першокласників до навчання',
        'LOCATION:ЗОШ № 7\\, ЗОШ № 1',
        'STATUS:CONFIRMED',
      ]),
    );
    expect(range).toEqual(expect.arrayContaining(['DTSTART;VALUE=DATE:20200330', 'DTEND;VALUE=DATE:20200403']));
    expect(last).toEqual(expect.arrayContaining(['STATUS:CANCELLED', 'LOCATION:ZOOM', 'SUMMARY:Семінар: Семинар\\; тема\\, с запятой\\nи строкой', 'DTSTART;VALUE=DATE:20210315']));
  });

  it('is the same text on every request for the same events', () => {
    expect(networkCalendarIcs({ network: { id: BAKHMUT.district11, name: 'Округ НВК № 11' }, events: [held, allDayRange, monthOnly, cancelled], hostNames, lang: 'uk' })).toBe(text);
  });
});

describe('iCalendar lines', () => {
  it('escape backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('fold at 75 octets, never inside a two-octet letter, continuations begun with a space', () => {
    const line = `SUMMARY:${'Ж'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBe(3);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
});
