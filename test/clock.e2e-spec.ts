import { FixedClock } from '@app/kernel';
import { ApiHarness } from './support/api-harness';
import { TestInstallation } from './support/profile';

/**
 * Domain time comes from the injected clock: what "today" is for the network's current
 * members, its composition and the running academic year, and when a request was received
 * (the events' recordedAt). A fixed clock moved across a membership's first day changes the answers.
 */
describe('the injected clock decides "today"', () => {
  const clock = new FixedClock(new Date('2029-12-15T10:00:00Z'));
  let api: ApiHarness;
  let network = '';
  let school = '';
  let position = 0;
  /** A read that waits for the last write. */
  const get = (url: string) => api.as().get(`${url}?consistentWith=${position}`);

  beforeAll(async () => {
    api = await ApiHarness.start({}, TestInstallation.create(), clock);
    school = (await api.as().post('/institutions').send({ fullName: 'ЗОШ № 7 м. Бахмут', shortName: 'ЗОШ № 7', kind: 'general-school', settlement: 'Бахмут' })).body.id;
    network = (await api.as().post('/networks').send({ name: 'Округ майбутнього', kind: 'educational-district' })).body.id;
    const admitted = await api.as().post(`/networks/${network}/members`).send({ institutionId: school, role: 'member', from: '2030-01-01' });
    expect(admitted.status).toBe(200);
    position = admitted.body.position;
  }, 60_000);

  afterAll(() => api?.stop());

  it('before the membership starts, the network has no current members', async () => {
    clock.set(new Date('2029-12-31T23:00:00Z'));
    expect((await get(`/networks/${network}`)).body.currentMembers).toBe(0);
    expect((await get('/networks')).body.items.find((n: { id: string }) => n.id === network).currentMembers).toBe(0);
    expect((await get(`/networks/${network}/composition`)).body).toMatchObject({ on: '2029-12-31', members: [] });
    expect((await get('/department/academic-year')).body.currentAcademicYear).toBe('2029/2030');
  });

  it('from its first day on, the member counts', async () => {
    clock.set(new Date('2030-01-01T08:00:00Z'));
    expect((await get(`/networks/${network}`)).body.currentMembers).toBe(1);
    expect((await get('/networks')).body.items.find((n: { id: string }) => n.id === network).currentMembers).toBe(1);
    const composition = (await get(`/networks/${network}/composition`)).body;
    expect(composition.on).toBe('2030-01-01');
    expect(composition.members.map((m: { institutionId: string }) => m.institutionId)).toEqual([school]);
    clock.set(new Date('2030-09-02T08:00:00Z'));
    expect((await get('/department/academic-year')).body.currentAcademicYear).toBe('2030/2031');
  });

  it('records when the request was received by the clock', async () => {
    clock.set(new Date('2030-03-04T05:06:07Z'));
    position = (await api.as().post(`/networks/${network}/rename`).send({ name: 'Округ теперішнього', renamedOn: '2030-03-04' }).expect(200)).body.position;
    const entries = (await get(`/networks/${network}/timeline`)).body.entries;
    expect(entries[entries.length - 1]).toMatchObject({ type: 'NetworkRenamed', recordedAt: '2030-03-04T05:06:07.000Z' });
    expect(entries[0].recordedAt).toBe('2029-12-15T10:00:00.000Z');
  });
});
