import { ApiHarness } from './support/api-harness';

describe('API keys and roles', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('issues a key for an operator of the admin’s department, shown once', async () => {
    const res = await api.as().post('/api-keys').send({ actorId: 'operator.ivanova', role: 'operator', label: 'Operator of the department' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ actorId: 'operator.ivanova', role: 'operator', department: 'bakhmut', secret: expect.stringMatching(/^okrug_/) });

    // The operator's key works once the key read model has it, and its writes carry the operator.
    const operator = res.body.secret as string;
    const registered = await api.as(operator).post('/institutions').send({
      fullName: 'Бахмутський навчально-виховний комплекс № 11',
      shortName: 'НВК № 11',
      kind: 'educational-complex',
      settlement: 'Бахмут',
    });
    expect(registered.status).toBe(201);
    const history = await api.as(operator).get(`/institutions/${registered.body.id}/history?consistentWith=${registered.body.position}`);
    expect(history.body.entries[0].actor).toEqual({ id: 'operator.ivanova', role: 'operator' });

    // Operators may not issue keys nor rebuild read models.
    const forbidden = await api.as(operator).post('/api-keys').send({ actorId: 'x', role: 'admin', label: 'escalation' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.type).toBe('urn:okrug:problem:forbidden');
    expect((await api.as(operator).post('/projections/institution-list/rebuild')).status).toBe(403);
  });

  it('refuses an unknown role and missing fields field by field', async () => {
    const res = await api.as().post('/api-keys').send({ role: 'superuser' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['actorId', 'label', 'role']);
  });

  it('refuses without a key', async () => {
    expect((await api.http.post('/api-keys').send({ actorId: 'a', role: 'operator', label: 'l' })).status).toBe(401);
  });
});
