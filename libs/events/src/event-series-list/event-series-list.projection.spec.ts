import { ProjectionSpecification } from '@app/testing/projection-specification';
import { BAKHMUT } from '../event/event.fixtures';
import { openDoorSeriesLife } from '../event-calendar/recorded-events.fixtures';
import { eventSeriesListProjection } from './event-series-list.projection';

const spec = ProjectionSpecification.for(eventSeriesListProjection);

describe('event series list projection', () => {
  const life = openDoorSeriesLife();

  it('keeps the current name, the names it had and its networks (the same events twice change nothing)', () => {
    spec.given(life).then((docs) => {
      expect(docs.get('series-odd')).toEqual({
        id: 'series-odd',
        department: 'bakhmut',
        name: 'Єдиний день відкритих дверей',
        kind: 'open-door-day',
        networkIds: [BAKHMUT.district11],
        names: [
          { name: 'День відкритих дверей', recordedAt: '2019-09-01T08:00:00.000Z' },
          { name: 'Єдиний день відкритих дверей', recordedAt: '2020-09-01T08:00:00.000Z' },
        ],
        establishedAt: '2019-09-01T08:00:00.000Z',
        updatedAt: '2020-09-01T08:00:00.000Z',
        revision: 1,
        refs: 'nd11',
      });
    });
  });

  it('keeps nothing of a series it never saw established', () => {
    spec.given(life.slice(1)).then((docs) => expect(docs.all()).toEqual([]));
  });
});
