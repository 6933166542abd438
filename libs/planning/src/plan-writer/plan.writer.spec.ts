import { AppendOptions, AppendResult } from '@app/event-store';
import { CommandContext, DEFAULT_YEAR_START, Forbidden, NewEvent, StaleRevision, academicYearPeriod, metadataFor, newId } from '@app/kernel';
import { PersonRecord, PersonalDataVault } from '@app/personal-data';
import { InMemoryEventStore } from '@app/read-store/testing/in-memory-event-store';
import { AddPlanItemCommand } from '../add-plan-item/add-plan-item.command';
import { AddPlanItemHandler } from '../add-plan-item/add-plan-item.handler';
import { DraftPlanCommand } from '../draft-plan/draft-plan.command';
import { DraftPlanHandler } from '../draft-plan/draft-plan.handler';
import { EditPlanContentCommand } from '../edit-plan-content/edit-plan-content.command';
import { EditPlanContentHandler } from '../edit-plan-content/edit-plan-content.handler';
import { DEFAULT_ASSESSMENT_SCALE, PlanFacts } from '../plan/plan.decider';
import { PlanEvent, planIdOf, planStream } from '../plan/plan.events';
import { PlanFactsReader } from './plan-facts.reader';
import { PlanPeople } from './plan-people';
import { PlanWriter } from './plan.writer';

const DEPARTMENT = 'pochinok';
const NETWORK = '0190f7a1-0000-7000-8000-0000000000a1';
const OTHER = '0190f7a1-0000-7000-8000-0000000000a2';
const PERIOD = academicYearPeriod('2020/2021');
const PLAN = planIdOf(DEPARTMENT, NETWORK, PERIOD);

const context = (over: Partial<CommandContext> = {}): CommandContext => ({
  actor: { id: 'operator.koval', role: 'operator' },
  department: DEPARTMENT,
  commandId: newId(),
  correlationId: newId(),
  source: 'api',
  receivedAt: new Date('2021-04-20T08:00:00Z'),
  ...over,
});
const head = (networkIds: string[]) => context({ actor: { id: 'head', role: 'network-head' }, networkIds });

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

const facts: PlanFacts = {
  network: { networkId: NETWORK, dissolvedOn: null, reportingPeriod: 'academic-year' },
  registeredInstitutionIds: [],
  memberships: [],
  series: [],
  recordedEventIds: [],
  realisingEvents: [],
  previousPlan: null,
  yearStart: DEFAULT_YEAR_START,
  assessmentScale: DEFAULT_ASSESSMENT_SCALE,
};

describe('PlanWriter: prepare once, decide on every attempt; a head for its own networks', () => {
  const setUp = async () => {
    const store = new Store();
    const records: PersonRecord[] = [];
    const vault = { record: async (person: PersonRecord) => void records.push(person) } as unknown as PersonalDataVault;
    let gathered = 0;
    const reader = { gather: async () => (gathered++, facts) } as unknown as PlanFactsReader;
    const writer = new PlanWriter(store);
    const people = new PlanPeople(vault);
    await new DraftPlanHandler(writer, reader, people).execute(new DraftPlanCommand({ networkId: NETWORK, period: PERIOD }, context()));
    gathered = 0;
    const add = new AddPlanItemHandler(writer, reader, people);
    const addItem = (over: Partial<CommandContext> = {}) =>
      add.execute(new AddPlanItemCommand(PLAN, { kind: 'seminar', topic: 'Семинар руководителей', when: { precision: 'month', month: '2021-03' }, responsible: { fullName: 'Петрова Анна' } }, context(over)));
    const edit = new EditPlanContentHandler(writer, reader, people);
    return { store, records, addItem, edit, gathered: () => gathered };
  };
  const itemsOf = async (store: Store) => (await store.readStream(planStream(PLAN))).filter((e) => e.type === 'PlanItemAdded');

  it('decides again on what a concurrent writer appended, without gathering the facts or writing the name again', async () => {
    const { store, records, addItem, gathered } = await setUp();
    store.beforeNextAppend = async () => {
      const event: PlanEvent = { type: 'PlanContentEdited', data: { planId: PLAN, networkId: NETWORK, changes: { goal: 'Цель' }, previous: { goal: null } } };
      await store.append(planStream(PLAN), [{ ...event, id: newId(), metadata: metadataFor(context()) }], { expectedRevision: 0 });
    };
    const result = await addItem({ idempotencyKey: 'item-1' });
    expect(result.revision).toBe(2);
    expect(gathered()).toBe(1);
    expect(records).toHaveLength(1);
    expect(await itemsOf(store)).toHaveLength(1);
  });

  it('refuses a head of another network (403) and a stale If-Match (412) before the vault is written', async () => {
    const { store, records, addItem, edit } = await setUp();
    await expect(addItem(head([OTHER]))).rejects.toBeInstanceOf(Forbidden);
    await expect(addItem({ ifMatch: 5 })).rejects.toBeInstanceOf(StaleRevision);
    await expect(edit.execute(new EditPlanContentCommand(PLAN, { goal: 'Чужая цель' }, head([OTHER])))).rejects.toBeInstanceOf(Forbidden);
    expect(records).toEqual([]);
    expect(await itemsOf(store)).toEqual([]);
    await addItem(head([NETWORK]));
    expect(await itemsOf(store)).toHaveLength(1);
  });
});
