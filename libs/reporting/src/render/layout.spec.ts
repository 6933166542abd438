import { bakhmut2019Uk } from './fixtures/bakhmut-2019-2020.uk.fixtures';
import { nothingToReport } from './fixtures/docx-cases.fixtures';
import { murygino2020Ru } from './fixtures/murygino-2020-2021.ru.fixtures';
import { layoutOf } from './layout';

describe('the built-in layout', () => {
  it('puts the parts in the seeds’ order and leaves out those with nothing to say (ru: no changes, nothing outside, not closed)', () => {
    expect(layoutOf(murygino2020Ru).parts.map((p) => p.key)).toEqual([
      'theme', 'composition', 'goal', 'tasks', 'activityKinds', 'eventsHeld', 'fulfilment', 'participation', 'eventsByKind', 'publications', 'section-1',
    ]);
  });

  it('has the changes, items not held, cooperation outside and the closing when the report has them (uk)', () => {
    expect(layoutOf(bakhmut2019Uk).parts.map((p) => p.key)).toEqual([
      'composition', 'changes', 'goal', 'tasks', 'eventsHeld', 'notHeld', 'fulfilment', 'participation', 'eventsByKind', 'outside', 'section-1',
      'taskResults', 'conclusions', 'assessment', 'problems', 'nextYear',
    ]);
  });

  it('heads each part with the model’s label, a department’s section with its title, next year with its own title', () => {
    const parts = new Map(layoutOf(bakhmut2019Uk).parts.map((p) => [p.key, p]));
    expect(parts.get('changes')!.heading).toBe(bakhmut2019Uk.labels.changes);
    expect(parts.get('section-1')!.heading).toBe('Висвітлення роботи округу');
    expect(parts.get('nextYear')!.heading).toBe('Завдання на 2020/2021 навчальний рік');
    expect(parts.get('composition')!.heading).toBeNull();
    expect(parts.get('nextYear')!.content).toEqual([{ type: 'numbered', items: bakhmut2019Uk.closing!.nextYear!.tasks.map((text, i) => ({ number: i + 1, text })) }]);
  });

  it('places each chart after its list, the fulfilment after the items not held', () => {
    const parts = new Map(layoutOf(bakhmut2019Uk).parts.map((p) => [p.key, p]));
    expect(parts.get('participation')!.content.map((c) => c.type)).toEqual(['bullets', 'chart']);
    expect(parts.get('eventsByKind')!.content[1]).toEqual({ type: 'chart', chart: bakhmut2019Uk.charts[0] });
    expect(parts.get('fulfilment')!.content).toEqual([{ type: 'chart', chart: bakhmut2019Uk.charts[2] }]);
  });

  it('a report with nothing to say has no part at all, and signs with the label', () => {
    const layout = layoutOf(nothingToReport());
    expect(layout.parts).toEqual([]);
    expect(layout.subtitle).toBeNull();
    expect(layout.signature).toEqual({ position: bakhmut2019Uk.labels.signature, name: null, date: '25 жовтня 2020 р.' });
  });
});
