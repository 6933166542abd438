import { ApiHarness } from './support/api-harness';

/**
 * External codes are unique in a department under any interleaving of registrations,
 * corrections and imports: requests that race for one code are fired at once, several rounds
 * each, and exactly one of them may get it.
 */
describe('external codes under concurrency (HTTP API, embedded profile)', () => {
  const ROUNDS = 5;
  let api: ApiHarness;
  let position = 0;
  let serial = 0;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  const school = (externalCode?: string) => {
    serial++;
    return {
      fullName: `Бахмутська загальноосвітня школа № ${serial}`,
      shortName: `ЗОШ № ${serial}`,
      kind: 'general-school',
      settlement: 'Бахмут',
      ...(externalCode ? { externalCode } : {}),
    };
  };
  const seen = <R extends { body: { position?: number } }>(res: R): R => {
    position = Math.max(position, res.body.position ?? 0);
    return res;
  };
  const register = async (externalCode?: string): Promise<string> => {
    const res = seen(await api.as().post('/institutions').send(school(externalCode)));
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const correct = (id: string, externalCode: string | null) =>
    api.as().post(`/institutions/${id}/corrections`).send({ externalCode, reason: 'Код з реєстру ЄДЕБО' });
  /** The institutions of the department that carry the code, as the read model lists them. */
  const holders = async (code: string): Promise<string[]> => {
    const list = await api.as().get(`/institutions?limit=500&consistentWith=${position}`);
    expect(list.status).toBe(200);
    return list.body.items.filter((i: { externalCode: string | null }) => i.externalCode === code).map((i: { id: string }) => i.id);
  };
  const statuses = (answers: { status: number }[]) => answers.map((a) => a.status).sort();

  it('gives a code to exactly one of concurrent registrations', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const code = `REG-${round}`;
      const answers = await Promise.all(Array.from({ length: 10 }, () => api.as().post('/institutions').send(school(code))));
      answers.forEach(seen);
      expect(statuses(answers)).toEqual([201, ...Array(9).fill(422)]);
      expect(answers.filter((a) => a.status === 422).every((a) => a.body.type === 'urn:okrug:problem:external-code-taken')).toBe(true);
      expect(await holders(code)).toEqual([answers.find((a) => a.status === 201)!.body.id]);
    }
  });

  it('gives a code to exactly one of concurrent corrections', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const code = `COR-${round}`;
      const ids = await Promise.all(Array.from({ length: 6 }, () => register()));
      const answers = await Promise.all(ids.map((id) => correct(id, code)));
      answers.forEach(seen);
      expect(statuses(answers)).toEqual([200, ...Array(5).fill(422)]);
      expect(await holders(code)).toEqual([ids[answers.findIndex((a) => a.status === 200)]]);
    }
  });

  it('gives a code to exactly one of a correction and a registration racing for it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const code = `MIX-${round}`;
      const existing = await register();
      const [correction, registration] = await Promise.all([correct(existing, code), api.as().post('/institutions').send(school(code))]);
      seen(correction);
      seen(registration);
      expect([correction.status, registration.status].filter((s) => s === 200 || s === 201)).toHaveLength(1);
      expect([correction.status, registration.status].filter((s) => s === 422)).toHaveLength(1);
      expect(await holders(code)).toEqual([correction.status === 200 ? existing : registration.body.id]);
    }
  });

  it('frees the old code when a correction changes it, in the same write', async () => {
    const first = await register('OLD-1');
    expect(seen(await correct(first, 'NEW-1')).status).toBe(200);
    const second = await register('OLD-1');
    expect(await holders('OLD-1')).toEqual([second]);
    expect((await correct(first, 'OLD-1')).status).toBe(422);
    expect(seen(await correct(first, null)).status).toBe(200);
    expect(await register('NEW-1')).toEqual(expect.any(String));
    expect(await holders('NEW-1')).toHaveLength(1);
  });

  it('refuses an import naming a code another institution holds (422, the row named), also when racing a registration', async () => {
    const holder = await register('IMP-0');
    const taken = await api.as().post('/imports').send({ institutions: [school('IMP-0')] });
    expect(taken.status).toBe(422);
    expect(taken.body.summary.rows).toEqual([
      expect.objectContaining({ row: 'institutions[0]', entity: 'institution', outcome: 'rejected', rule: expect.any(String) }),
    ]);
    expect(await holders('IMP-0')).toEqual([holder]);

    for (let round = 1; round <= ROUNDS; round++) {
      const code = `IMP-${round}`;
      const [imported, registered] = await Promise.all([
        api.as().post('/imports').send({ institutions: [school(code)] }),
        api.as().post('/institutions').send(school(code)),
      ]);
      seen(registered);
      position = Math.max(position, imported.body.position ?? 0);
      const won = [imported.status === 201, registered.status === 201].filter(Boolean);
      expect(won).toHaveLength(1);
      if (imported.status !== 201) {
        expect(imported.status).toBe(422);
        expect(imported.body.summary.rows[0]).toMatchObject({ row: 'institutions[0]', outcome: 'rejected' });
      } else {
        expect(registered.status).toBe(422);
      }
      expect(await holders(code)).toHaveLength(1);
    }
  });
});
