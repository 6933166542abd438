import type { EventCalendarView } from '../event-calendar/event-calendar.projection';
import { heldUpTo, participationTotals } from './participation-totals';

/** A held event as the calendar keeps it: its counts, and where and when its holding was recorded. */
const held = (id: string, teachers: number, recordedAt: string, position?: number): EventCalendarView =>
  ({
    id,
    kind: 'seminar',
    held: { participation: { counts: { teachers }, institutionIds: [`i-${id}`] }, participantTotal: teachers, outsideInstitutionIds: [], outcome: null, materials: [], publications: [], recordedAt, position },
  }) as unknown as EventCalendarView;

describe('participation totals of the holdings recorded by then', () => {
  const events = [held('early', 5, '2021-03-11T08:00:00Z', 40), held('no-position', 7, '2021-03-20T08:00:00Z'), held('late', 1000, '2021-03-12T08:00:00Z', 81), held('next-month', 11, '2021-04-02T08:00:00Z', 60)];

  it('given a position, then the holdings recorded after it are left out, and those the calendar kept no position of are counted', () => {
    const counted = events.filter((e) => heldUpTo(e, { position: 80 }));
    expect(counted.map((e) => e.id)).toEqual(['early', 'no-position', 'next-month']);
    expect(participationTotals(counted).total).toMatchObject({ events: 3, participants: 23 });
  });

  it('given a day too, then only the holdings recorded by its end', () => {
    expect(events.filter((e) => heldUpTo(e, { position: 80, recordedBy: '2021-03-31' })).map((e) => e.id)).toEqual(['early', 'no-position']);
  });

  it('given an event not held, then it is not counted', () => {
    expect(heldUpTo({ id: 'planned', held: null } as unknown as EventCalendarView, { position: 100 })).toBe(false);
  });
});
