import { heldBy, recordedBy } from './as-of';

describe('what a report built at a position, as of a day, reads', () => {
  it('given a day, then what was recorded by its end (UTC), and everything without one', () => {
    expect(recordedBy('2021-03-31T23:59:59.999Z', '2021-03-31')).toBe(true);
    expect(recordedBy('2021-04-01T00:00:00.000Z', '2021-03-31')).toBe(false);
    expect(recordedBy('2030-01-01T00:00:00.000Z', null)).toBe(true);
  });

  it('given a holding recorded after the report’s position, then it is left out, whenever the report is generated', () => {
    expect(heldBy({ recordedAt: '2021-03-01T08:00:00Z', position: 80 }, 80, null)).toBe(true);
    expect(heldBy({ recordedAt: '2021-03-01T08:00:00Z', position: 81 }, 80, null)).toBe(false);
    expect(heldBy({ recordedAt: '2021-03-01T08:00:00Z', position: 81 }, 80, '2021-03-31')).toBe(false);
  });

  it('given a holding the calendar kept no position of (built before it kept them), then only the day decides', () => {
    expect(heldBy({ recordedAt: '2021-03-01T08:00:00Z' }, 80, null)).toBe(true);
    expect(heldBy({ recordedAt: '2021-04-02T08:00:00Z' }, 80, '2021-03-31')).toBe(false);
  });
});
