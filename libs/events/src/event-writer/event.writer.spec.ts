import { AppendOptions, AppendResult } from '@app/event-store';
import { CommandContext, ConcurrencyConflict, NewEvent, StaleRevision, metadataFor, newId } from '@app/kernel';
import { PersonRecord, PersonalDataVault } from '@app/personal-data';
import { InMemoryEventStore } from '@app/read-store/testing/in-memory-event-store';
import { CorrectEventDetailsCommand } from '../correct-event-details/correct-event-details.command';
import { CorrectEventDetailsHandler } from '../correct-event-details/correct-event-details.handler';
import { EventFacts } from '../event/event-facts';
import { EventEvent, eventStream } from '../event/event.events';
import { PlanEventCommand } from '../plan-event/plan-event.command';
import { PlanEventHandler } from '../plan-event/plan-event.handler';
import { EventFactsReader } from './event-facts.reader';
import { EventPeople } from './event-people';
import { EventWriter } from './event.writer';

const DEPARTMENT = 'pochinok';
const NETWORK = '0190f7a1-0000-7000-8000-0000000000a1';

const context = (over: Partial<CommandContext> = {}): CommandContext => ({
  actor: { id: 'operator.koval', role: 'operator' },
  department: DEPARTMENT,
  commandId: newId(),
  correlationId: newId(),
  source: 'api',
  receivedAt: new Date('2021-04-20T08:00:00Z'),
  ...over,
});

/** The in-memory store, with another writer that gets in just before the next append. */
class Store extends InMemoryEventStore {
  beforeNextAppend?: () => Promise<void>;
  override async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const hook = this.beforeNextAppend;
    this.beforeNextAppend = undefined;
    if (hook) await hook();
    return super.append(streamId, events, options);
  }
}

const facts: EventFacts = { networks: [{ networkId: NETWORK, dissolvedOn: null }], registeredInstitutionIds: [], memberships: [], series: null, yearStart: { month: 9, day: 1 } };

describe('EventWriter: prepare once, decide on every attempt', () => {
  const setUp = () => {
    const store = new Store();
    const records: PersonRecord[] = [];
    const vault = { record: async (person: PersonRecord) => void records.push(person) } as unknown as PersonalDataVault;
    let gathered = 0;
    const reader = { gather: async () => (gathered++, facts) } as unknown as EventFactsReader;
    const writer = new EventWriter(store, reader);
    const people = new EventPeople(vault);
    const plan = new PlanEventHandler(writer, people);
    const correct = new CorrectEventDetailsHandler(writer, people);
    const planned = (over: Partial<CommandContext> = {}) =>
      plan.execute(
        new PlanEventCommand(
          { kind: 'seminar', topic: 'Семинар руководителей', networkIds: [NETWORK], when: { precision: 'month', month: '2021-03' }, format: { mode: 'in-person' }, level: 'network', people: [{ fullName: 'Петрова Анна', role: 'speaker' }] },
          context(over),
        ),
      );
    return { store, records, plan: planned, correct, gathered: () => gathered };
  };

  it('records a correction’s new names and gathers its facts once when another writer got in first', async () => {
    const { store, records, plan, correct, gathered } = setUp();
    const { id } = await plan();
    const before = gathered();
    const other: EventEvent = { type: 'EventLinkedToPlanItem', data: { eventId: id, networkIds: [NETWORK], planItemId: newId(), reason: null } };
    store.beforeNextAppend = () => store.append(eventStream(id), [{ id: newId(), ...other, metadata: metadataFor(context()) }], { expectedRevision: 0 }).then(() => undefined);
    const result = await correct.execute(new CorrectEventDetailsCommand(id, { topic: 'Семинар директоров', people: [{ fullName: 'Кузнецова Ирина', role: 'moderator' }] }, context()));
    expect(result.revision).toBe(2);
    expect(records.map((r) => r.fullName)).toEqual(['Петрова Анна', 'Кузнецова Ирина']);
    expect(gathered() - before).toBe(1);
    const stream = await store.readStream(eventStream(id));
    expect(stream.map((e) => e.type)).toEqual(['EventPlanned', 'EventLinkedToPlanItem', 'EventDetailsCorrected']);
    expect((stream[2].data as { corrections: { people: { personId: string }[] } }).corrections.people).toEqual([{ personId: records[1].personId, role: 'moderator' }]);
  });

  it('answers 409 when other writers keep getting in, and when one gave the event an institution its facts do not cover', async () => {
    const { store, plan, correct } = setUp();
    const { id } = await plan();
    let revision = 0;
    const linkAgain = async (): Promise<void> => {
      const link: EventEvent = { type: 'EventLinkedToPlanItem', data: { eventId: id, networkIds: [NETWORK], planItemId: newId(), reason: null } };
      await store.append(eventStream(id), [{ id: newId(), ...link, metadata: metadataFor(context()) }], { expectedRevision: revision++ });
      store.beforeNextAppend = linkAgain;
    };
    store.beforeNextAppend = linkAgain;
    await expect(correct.execute(new CorrectEventDetailsCommand(id, { topic: 'Семинар директоров' }, context()))).rejects.toBeInstanceOf(ConcurrencyConflict);
    store.beforeNextAppend = undefined;
    // Another writer gives the event a host the facts (gathered once, before) do not know.
    const host = newId();
    const corrected: EventEvent = {
      type: 'EventDetailsCorrected',
      data: { eventId: id, networkIds: [NETWORK], corrections: { hostIds: [host], outsideHostIds: [host] }, previous: { hostIds: [], outsideHostIds: [] }, reason: null },
    };
    store.beforeNextAppend = () => store.append(eventStream(id), [{ id: newId(), ...corrected, metadata: metadataFor(context()) }], { expectedRevision: revision }).then(() => undefined);
    await expect(correct.execute(new CorrectEventDetailsCommand(id, { topic: 'Семинар директоров' }, context()))).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect((await store.readStream(eventStream(id))).map((e) => e.type).filter((t) => t === 'EventDetailsCorrected')).toHaveLength(1);
  });

  it('writes no name for a stale If-Match, another department’s event or a network head of other networks; once for a repeated Idempotency-Key', async () => {
    const { records, plan, correct } = setUp();
    const { id } = await plan({ idempotencyKey: 'plan-once' });
    expect(await plan({ idempotencyKey: 'plan-once' })).toMatchObject({ id, revision: 0 });
    expect(records).toHaveLength(1);
    const correction = { people: [{ fullName: 'Не записана', role: 'speaker' as const }] };
    await expect(correct.execute(new CorrectEventDetailsCommand(id, correction, context({ ifMatch: 3 })))).rejects.toBeInstanceOf(StaleRevision);
    await expect(correct.execute(new CorrectEventDetailsCommand(id, correction, context({ department: 'bakhmut' })))).rejects.toMatchObject({ code: 'not-found' });
    const head = { actor: { id: 'head', role: 'network-head' }, networkIds: [newId()] };
    await expect(correct.execute(new CorrectEventDetailsCommand(id, correction, context(head)))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(plan(head)).rejects.toMatchObject({ code: 'forbidden' });
    expect(records).toHaveLength(1);
  });
});
