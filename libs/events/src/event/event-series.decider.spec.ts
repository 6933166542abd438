import { InvalidInput, RuleViolated } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { REMONTNOYE } from './event.fixtures';
import { EstablishEventSeries, EventSeriesEstablished, eventSeriesDecider, eventSeriesStream, evolveEventSeries, initialEventSeriesState, seriesFactsOf } from './event-series.decider';

const spec = DeciderSpecification.for(eventSeriesDecider);
const code = (expected: string) => (error: Error) => expect((error as RuleViolated).code).toBe(expected);

const establish = (data: Partial<EstablishEventSeries['data']> = {}): EstablishEventSeries => ({
  type: 'EstablishEventSeries',
  data: {
    seriesId: 'open-day',
    department: REMONTNOYE.department,
    name: ' Единый день открытых дверей ',
    kind: 'open-door-day',
    networkIds: [REMONTNOYE.central, REMONTNOYE.central],
    today: '2022-09-05',
    facts: { networks: [{ networkId: REMONTNOYE.central, dissolvedOn: null }] },
    ...data,
  },
});
const established: EventSeriesEstablished = {
  type: 'EventSeriesEstablished',
  data: { seriesId: 'open-day', department: REMONTNOYE.department, name: 'Единый день открытых дверей', kind: 'open-door-day', networkIds: [REMONTNOYE.central] },
};

describe('event series decider', () => {
  it('names its stream after the series', () => {
    expect(eventSeriesStream('open-day')).toBe('EventSeries-open-day');
  });

  describe('establishing a series', () => {
    it('establishes a named recurring event of a network, of one kind', () => {
      spec.given([]).when(establish()).then([established]);
    });
    it('refuses a network the department does not have', () => {
      spec.given([]).when(establish({ facts: { networks: [] } })).thenThrows(RuleViolated, code('network-not-registered'));
    });
    it('refuses a network dissolved by today', () => {
      spec
        .given([])
        .when(establish({ facts: { networks: [{ networkId: REMONTNOYE.central, dissolvedOn: '2022-09-01' }] } }))
        .thenThrows(RuleViolated, code('network-dissolved'));
    });
    it('refuses a series without a name, a kind of the list or a network', () => {
      spec.given([]).when(establish({ name: ' ' })).thenThrows(InvalidInput, /needs a name/);
      spec.given([]).when(establish({ kind: 'party' as never })).thenThrows(InvalidInput, (e) => expect((e as InvalidInput).errors[0].field).toBe('kind'));
      spec.given([]).when(establish({ networkIds: [] })).thenThrows(InvalidInput, (e) => expect((e as InvalidInput).errors[0].field).toBe('networkIds'));
    });
    it('refuses to establish it twice', () => {
      spec.given([established]).when(establish()).thenThrows(RuleViolated, code('series-already-established'));
    });
  });

  describe('an established series', () => {
    it('is renamed', () => {
      spec
        .given([established])
        .when({ type: 'RenameEventSeries', data: { seriesId: 'open-day', name: 'День открытых дверей округа' } })
        .then([{ type: 'EventSeriesRenamed', data: { seriesId: 'open-day', name: 'День открытых дверей округа', networkIds: [REMONTNOYE.central] } }]);
    });
    it('refuses a renaming to the name it has, and one of a series not established', () => {
      spec.given([established]).when({ type: 'RenameEventSeries', data: { seriesId: 'open-day', name: 'Единый день открытых дверей' } }).thenThrows(RuleViolated, code('nothing-to-change'));
      spec.given([]).when({ type: 'RenameEventSeries', data: { seriesId: 'open-day', name: 'x' } }).thenThrows(RuleViolated, code('series-not-established'));
    });
    it('gives an event’s decision the facts of it', () => {
      expect(seriesFactsOf(evolveEventSeries(initialEventSeriesState(), established))).toEqual({ seriesId: 'open-day', kind: 'open-door-day', networkIds: [REMONTNOYE.central] });
      expect(seriesFactsOf(initialEventSeriesState())).toBeNull();
    });
  });
});
