import { describeWithMongo } from '@app/testing';
import { ApiHarness } from './support/api-harness';
import { TestInstallation, expectedProfile, readModelsInMongo } from './support/profile';

/**
 * Lists through HTTP: filters, name order, paging and word search over a small register, the
 * same answers the indexed plans must give (their plans are checked in list-indexes.spec.ts).
 */
const listSuite = (installation: () => TestInstallation) => () => {
  let api: ApiHarness;
  let position = 0;

  const names = [
    ['Бахмутський ліцей № 7', 'Ліцей № 7', 'lyceum', 'м. Бахмут'],
    ['Бахмутська гімназія «Світанок»', 'Гімназія «Світанок»', 'gymnasium', 'м. Бахмут'],
    ['Заклад дошкільної освіти «Сонечко»', 'ЗДО «Сонечко»', 'kindergarten', 'с. Зайцеве'],
    ['Зайцівська загальноосвітня школа', 'Зайцівська ЗОШ', 'general-school', 'с. Зайцеве'],
    ['Бахмутський ліцей № 17', 'Ліцей № 17', 'lyceum', 'м. Бахмут'],
    ['Опитненський ліцей', 'Опитненський ліцей', 'lyceum', 'с. Опитне'],
  ];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await ApiHarness.start({}, installation());
    for (const [fullName, shortName, kind, settlement] of names) {
      const res = await api.as().post('/institutions').send({ fullName, shortName, kind, settlement });
      expect(res.status).toBe(201);
      ids[shortName] = res.body.id;
      position = res.body.position;
    }
    const closed = await api.as().post(`/institutions/${ids['Ліцей № 17']}/close`).send({ closedOn: '2023-06-30', reason: 'Реорганізація' });
    expect(closed.status).toBe(200);
    position = closed.body.position;
  });
  afterAll(async () => {
    await api.stop();
  });

  const list = async (query: string) => {
    const res = await api.as().get(`/institutions?consistentWith=${position}&${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: Array<{ shortName: string }>; total: number; totalExact: boolean; offset: number; limit: number };
  };
  const shortNames = async (query: string) => (await list(query)).items.map((item) => item.shortName);

  it('lists by short name, with an exact total when there are few', async () => {
    const page = await list('');
    expect(page.items.map((item) => item.shortName)).toEqual([
      'Гімназія «Світанок»',
      'ЗДО «Сонечко»',
      'Зайцівська ЗОШ',
      'Ліцей № 17',
      'Ліцей № 7',
      'Опитненський ліцей',
    ]);
    expect(page).toMatchObject({ total: 6, totalExact: true, offset: 0, limit: 50 });
  });

  it('pages through the same order', async () => {
    const first = await list('limit=4');
    const second = await list('limit=4&offset=4');
    expect([...first.items, ...second.items].map((item) => item.shortName)).toEqual(await shortNames(''));
    expect(second).toMatchObject({ total: 6, totalExact: true, offset: 4, limit: 4 });
  });

  it('filters by kind, status and settlement, alone and together', async () => {
    expect(await shortNames('kind=lyceum')).toEqual(['Ліцей № 17', 'Ліцей № 7', 'Опитненський ліцей']);
    expect(await shortNames('status=closed')).toEqual(['Ліцей № 17']);
    expect(await shortNames('kind=lyceum&status=open')).toEqual(['Ліцей № 7', 'Опитненський ліцей']);
    expect(await shortNames(`settlement=${encodeURIComponent('с. Зайцеве')}`)).toEqual(['ЗДО «Сонечко»', 'Зайцівська ЗОШ']);
    expect(await list('kind=college')).toMatchObject({ items: [], total: 0, totalExact: true });
  });

  it('searches the words of the full and short names by their beginnings, in any case', async () => {
    const q = async (text: string, more = '') => shortNames(`q=${encodeURIComponent(text)}${more}`);
    expect(await q('ЛІЦ')).toEqual(['Ліцей № 17', 'Ліцей № 7', 'Опитненський ліцей']);
    expect(await q('ліцей 7')).toEqual(['Ліцей № 7']);
    expect(await q('№1')).toEqual(['Ліцей № 17']);
    expect(await q('бахм ліц', '&status=open')).toEqual(['Ліцей № 7']);
    expect(await q('світанок')).toEqual(['Гімназія «Світанок»']);
    expect(await q('анок')).toEqual([]);
    expect(await q('зайц', '&kind=general-school')).toEqual(['Зайцівська ЗОШ']);
    expect(await list(`q=${encodeURIComponent('ліц')}&limit=1`)).toMatchObject({ total: 3, totalExact: true });
  });

  it('follows a rename in search and order', async () => {
    const renamed = await api.as().post(`/institutions/${ids['Опитненський ліцей']}/rename`).send({
      fullName: 'Опитненська гімназія',
      shortName: 'Аа Опитненська гімназія',
      renamedOn: '2024-09-01',
    });
    expect(renamed.status).toBe(200);
    position = renamed.body.position;
    expect(await shortNames(`q=${encodeURIComponent('опит')}`)).toEqual(['Аа Опитненська гімназія']);
    expect(await shortNames(`q=${encodeURIComponent('ліцей')}`)).toEqual(['Ліцей № 17', 'Ліцей № 7']);
    expect((await shortNames(''))[0]).toBe('Аа Опитненська гімназія');
  });
};

describe(`institution list through the HTTP API (the test profile: ${expectedProfile.readStore} read store)`, listSuite(() => TestInstallation.create()));

// The embedded profile checks the MongoDB read store's answers too (a private FerretDB, or MONGODB_URL's server).
if (!readModelsInMongo) {
  describeWithMongo('institution list through the HTTP API (MongoDB read store)', (server) =>
    listSuite(() => TestInstallation.create({ mongodbUrl: server().url }))(),
  );
}
