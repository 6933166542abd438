import { ApiHarness } from './support/api-harness';

describe('a department’s academic year', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('starts on 1 September by default and can be set per department; periods follow it', async () => {
    const initial = await api.as().get('/department/academic-year');
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ department: 'bakhmut', academicYearStart: { month: 9, day: 1 } });

    const registered = (await api.as().post('/networks').send({ name: 'Округ', kind: 'educational-district' })).body;
    const network = registered.id;
    const before = await api.as().get(`/networks/${network}/changes?period=2020/2021&consistentWith=${registered.position}`);
    expect(before.body.period).toEqual({ label: '2020/2021', from: '2020-09-01', to: '2021-08-31' });

    const set = await api.as().put('/department/academic-year').send({ month: 8, day: 15 });
    expect(set.status).toBe(200);
    const after = await api.as().get(`/networks/${network}/changes?period=2020/2021`);
    expect(after.body.period).toEqual({ label: '2020/2021', from: '2020-08-15', to: '2021-08-14' });
    expect((await api.as().get('/department/academic-year')).body.academicYearStart).toEqual({ month: 8, day: 15 });
  });

  it('refuses an impossible day (400 field by field, 422 for 29 February)', async () => {
    const bad = await api.as().put('/department/academic-year').send({ month: 13, day: '1' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['day', 'month']);
    const leap = await api.as().put('/department/academic-year').send({ month: 2, day: 29 });
    expect(leap.status).toBe(422);
    expect(leap.body.type).toBe('urn:okrug:problem:invalid-year-start');
  });

  it('lets only admins change it', async () => {
    const operator = (await api.as().post('/api-keys').send({ actorId: 'op', role: 'operator', label: 'operator' })).body.secret;
    expect((await api.as(operator).put('/department/academic-year').send({ month: 9, day: 1 })).status).toBe(403);
    expect((await api.as(operator).get('/department/academic-year')).status).toBe(200);
  });
});
