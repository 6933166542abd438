import { EVENT_STORE, EventStore } from '@app/event-store';
import { FixedClock } from '@app/kernel';
import { planStream } from '@app/planning';
import { ApiHarness } from './support/api-harness';

/**
 * Closing a plan with the `held` resolutions filled from the fulfilment (docs/planning.md,
 * "The closing"): an item the closing does not resolve, whose event was held, is recorded as
 * held by that event; an item neither resolved nor held still refuses the closing. After the
 * Murygino analysis of 2020/2021; "today" is 20 April 2021.
 */
describe('planning: a closing fills the held resolutions from the fulfilment', () => {
  const clock = new FixedClock(new Date('2021-04-20T08:00:00Z'));
  let api: ApiHarness;
  let store: EventStore;
  const ids: Record<string, string> = {};

  const send = async (url: string, body: object, expected = 200) => {
    const res = await api.as().post(url).send(body);
    if (res.status !== expected) throw new Error(`${url} → ${res.status} (expected ${expected}) ${JSON.stringify(res.body)}`);
    return res;
  };
  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;
  const refused = async (url: string, body: object, status: number, type: string) => {
    const before = await head();
    const res = await api.as().post(url).send(body);
    expect({ status: res.status, type: res.body.type }).toEqual({ status, type: `urn:okrug:problem:${type}` });
    expect(await head()).toBe(before);
    return res;
  };
  const event = async (topic: string, planItemIds: string[]) =>
    (
      await send(
        '/events',
        { kind: 'seminar', topic, networkIds: [ids.district], hostIds: [ids.murygino], when: { precision: 'date', from: '2021-03-15' }, format: { mode: 'in-person' }, level: 'network', planItemIds },
        201,
      )
    ).body.id as string;
  const hold = (eventId: string) => send(`/events/${eventId}/holding`, { when: { precision: 'date', from: '2021-03-15' }, participation: { counts: { teachers: 20 }, institutionIds: [ids.murygino] } });
  const closing = (itemResolutions: object[]) => ({ closedOn: '2021-04-19', assessment: { grade: 'satisfactory' }, itemResolutions });

  beforeAll(async () => {
    api = await ApiHarness.start({}, undefined, clock);
    store = api.app.get(EVENT_STORE);
    ids.murygino = (await send('/institutions', { fullName: 'МБОУ Мурыгинская СШ Юрьянского района', shortName: 'МБОУ Мурыгинская СШ', kind: 'general-school', settlement: 'Мурыгино' }, 201)).body.id;
    ids.district = (await send('/networks', { name: 'Мурыгинский образовательный округ', kind: 'educational-district' }, 201)).body.id;
    await send(`/networks/${ids.district}/members`, { institutionId: ids.murygino, role: 'member', from: '2019-09-01' });
    ids.plan = (await send('/plans', { networkId: ids.district, period: { kind: 'academic-year', academicYear: '2020/2021' } }, 201)).body.id;
    for (const topic of ['Гражданско-патриотическое воспитание на основе краеведческого материала', 'Организация индивидуальной проектной деятельности', 'Преемственность дошкольного и начального общего образования']) {
      await send(`/plans/${ids.plan}/items`, { kind: 'seminar', topic, when: { precision: 'academic-year', academicYear: '2020/2021' }, hostIds: [ids.murygino] });
    }
    [ids.held, ids.cancelled, ids.planned] = (await store.readStream(planStream(ids.plan))).filter((e) => e.type === 'PlanItemAdded').map((e) => (e.data as { item: { planItemId: string } }).item.planItemId);
    await send(`/plans/${ids.plan}/approval`, { approvedOn: '2020-08-28', approvedBy: { body: 'совет руководителей' }, decisionNumber: 'протокол № 1' });
    // The first seminar was held; the second's event cancelled; the third's only planned so far.
    ids.heldEvent = await event('Гражданско-патриотическое воспитание', [ids.held]);
    await hold(ids.heldEvent);
    ids.cancelledEvent = await event('Проектная деятельность', [ids.cancelled]);
    await send(`/events/${ids.cancelledEvent}/cancel`, { reason: 'Карантин' });
    ids.plannedEvent = await event('Преемственность', [ids.planned]);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('still refuses a closing that leaves out an item nothing held (422 items-unresolved), recording nothing', async () => {
    await refused(`/plans/${ids.plan}/closing`, closing([]), 422, 'items-unresolved');
    const res = await refused(`/plans/${ids.plan}/closing`, closing([{ planItemId: ids.cancelled, resolution: 'cancelled', reason: 'Карантин' }]), 422, 'items-unresolved');
    // Only the third seminar is said to be unresolved: the first was held.
    expect(res.body.detail).toContain('Преемственность дошкольного');
    expect(res.body.detail).not.toContain('Гражданско-патриотическое');
  });

  it('resolves the item whose event was held as held by it, when the closing names only the others (200)', async () => {
    const closed = await send(
      `/plans/${ids.plan}/closing`,
      closing([
        { planItemId: ids.cancelled, resolution: 'cancelled', reason: 'Карантин' },
        { planItemId: ids.planned, resolution: 'carried-over', reason: 'Перенесено на следующий год' },
      ]),
    );
    expect(closed.body).toEqual({ id: ids.plan, revision: expect.any(Number), position: expect.any(Number) });
    const plan = (await api.as().get(`/plans/${ids.plan}?consistentWith=${closed.body.position}`)).body;
    expect(plan.closing.itemResolutions).toEqual([
      { planItemId: ids.held, resolution: 'held', eventIds: [ids.heldEvent] },
      { planItemId: ids.cancelled, resolution: 'cancelled', reason: 'Карантин' },
      { planItemId: ids.planned, resolution: 'carried-over', reason: 'Перенесено на следующий год' },
    ]);
    expect((await store.readStream(planStream(ids.plan))).at(-1)).toMatchObject({ type: 'PlanClosed', data: { itemResolutions: plan.closing.itemResolutions } });
    const fulfilment = (await api.as().get(`/plans/${ids.plan}/fulfilment?consistentWith=${closed.body.position}`)).body;
    expect(fulfilment.items.map((i: { status: string; resolution: string }) => [i.status, i.resolution])).toEqual([
      ['held', 'held'],
      ['cancelled', 'cancelled'],
      ['carried-over', 'carried-over'],
    ]);
  });
});
