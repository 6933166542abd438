import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { academicYearPeriod, calendarYearPeriod } from '@app/kernel';
import { PERSONAL_DATA_VAULT } from '@app/personal-data';
import { CLOCK } from '@app/platform';
import type { AnnualAnalysis } from '@app/reporting';
import { AnnualAnalysisFactsReader } from '@app/reporting/annual-analysis/annual-analysis-facts.reader';
import { JsonSchema, validate } from '@app/reporting/annual-analysis/testing/json-schema-subset';
import { stopChartRenderer } from '@app/reporting/render/renderers';
import { docxParagraphs } from '@app/reporting/render/testing/docx-text';
import ExcelJS from 'exceljs';
import { LoadDemoResult, loadDemo } from '../demo/load-demo';
import { ADMIN_KEY, ApiHarness } from './support/api-harness';
import { expectOpensInLibreOffice } from './support/libre-office';

/** Every fact of each seed that the records hold, in the seed's words: what each report, in every format, must say. */
const MURYGINO_FACTS = [
  // the composition
  'Состав округа: ',
  'МБОУ Лосненская СШ',
  'МБОУ Мурыгинская СШ',
  'МБОУ Рябцевская ОШ',
  'МБОУ Переснянская СШ',
  'МБ ДОУ детский сад № 21',
  'МБ ДОУ детский сад № 3',
  'МБ ДОУ детский сад № 5',
  // theme, goal, tasks, kinds of activity
  'Качество образования и воспитания в условиях очного, дистанционного и электронного обучения',
  'создание и поддержка единой системы учебной, воспитательной и методической работы',
  'создание единого образовательного пространства для реализации федеральных государственных образовательных стандартов с учетом возможностей образовательных организаций округа',
  'создание единой информационно-образовательной среды для обеспечения образовательной деятельности входящих в округ школ',
  'организация сетевого взаимодействия образовательных учреждений, позволяющего усилить возможности педагогических коллективов',
  'создание организационно-педагогических и методических условий преемственности содержания образования',
  'поддержка одаренных детей через проведение интеллектуальных марафонов, конкурсов, олимпиад',
  'обмен опытом образовательных учреждений округа в условиях реализации ФГОС',
  'проведение совместных мероприятий',
  'проведение методических мероприятий в целях повышения квалификации педагогов',
  // the events: topics, platform, hosts
  'Организация индивидуальной проектной деятельности обучающихся на уровнях основного общего образования и среднего общего образовании',
  'Гражданско-патриотическое воспитание на основе краеведческого материала',
  'Развитие навыков самостоятельной работы обучающихся в условиях очного и дистанционного обучения на уроках естественно-математического цикла',
  'Практико-ориентированный семинар',
  'образовательного округа № 1',
  'ZOOM',
  'Предметные недели межшкольных методических объединений',
  'школьный этап Всероссийской олимпиады школьников',
  'http://murigino-poch.gov67.ru/leftmenu/setevoe-vzaimodejstvie-1-obrazovatelnyj-okrug-oo-mo-pochinko/',
  // the head
  'Руководитель округа',
  'О. И. Лахина',
];
const BAKHMUT_FACTS = [
  // the redistribution: ZOSH No. 7 moved in, at the department's initiative; the kindergartens
  'ЗОШ № 7',
  'НВК № 11',
  'ДНЗ № 25',
  'ДНЗ № 36',
  'за ініціативою Управління освіти Бахмутської міської ради',
  'змінено розподіл учасників освітніх округів',
  // the goal
  'створення єдиного освітнього простору, системи взаємодії закладів щодо підвищення якості освітніх послуг, збереження учнівського контингенту',
  // the events
  'Організаційна нарада оновленого складу округу',
  'спільні засідання методичних об’єднань, експертної групи з атестації педагогічних кадрів',
  'ЗОШ № 1',
  'педконсиліум з адаптації першокласників',
  'екскурсії для батьків та дітей – майбутніх першокласників',
  'взаємовідвідування методичних заходів з наступності',
  'підготовчі курси',
  'відкриті уроки',
  // cooperation outside the district
  'Артемівське педагогічне училище',
  'Горлівський університет іноземних мов',
  'На базі ЗОШ № 7 проходять практику студенти Артемівського педагогічного училища, Горлівського університету іноземних мов',
  // the conclusion, the assessment, the problem, next year's tasks
  'робота закладів освіти на спільному освітньому середовищі відповідає достатньому рівню, потребує удосконалення',
  'достатній рівень',
  'Проблеми',
  'конкурування учасників освітнього округу за контингент учнів та педагогічних працівників',
  'Завдання на 2020/2021 навчальний рік',
  'Продовжити співпрацю щодо наступності дошкільної освіти та школи, базової та профільної школи',
  'інноваційних форм роботи на освітньому окрузі, спрямованих на підвищення якості освітніх послуг та кадрове забезпечення закладів',
];
const REMONTNOYE_FACTS = [
  'МБОУ Ремонтненская гимназия № 1',
  'Киевская СОШ',
  'Валуевская СОШ',
  // goal and tasks
  'содействие развитию инновационного потенциала образовательных организаций округа, создание эффективных механизмов и условий для развития профессиональной компетентности педагогических кадров',
  'ориентация педагогических кадров на принятие новых смыслов деятельности в современных условиях, изменение стиля традиционного педагогического мышления',
  'оказание поддержки педагогическим работникам и руководителям образовательных учреждений в инновационной деятельности, в подготовке работников образования к аттестации',
  'внедрение сетевой организации методической работы за счет целенаправленного привлечения образовательных, информационных, методических, инновационных, кадровых, консультационных ресурсов',
  'обобщение и распространение в рамках округа передового педагогического и управленческого опыта',
  // the projects and the agreements
  '«Преемственность дошкольного и начального общего образования»',
  '«Система организации научной деятельности учащихся в рамках реализации ФГОС»',
  'договоры о взаимодействии',
  // the events
  'форум молодых педагогов',
  'в ноябре',
  'Научно-практическая конференция в рамках округа',
  'отобраны работы для участия в конференции на муниципальном уровне',
  'руководителей предметных МО по составлению рабочих программ',
  'консультации по формированию учебных планов, образовательных программ',
  'заместителей директоров',
  // the assessment and the perspective goal with its tasks
  'удовлетворительно',
  'разработать и апробировать эффективную модель сетевого взаимодействия, обеспечивающую высокое качество образования и развитие ключевых компетенций обучающихся',
  'Апробировать механизмы, методы и формы сетевого взаимодействия между субъектами образовательных отношений',
  'Расширить возможности для обобщения и тиражирования педагогического опыта в условиях сетевого взаимодействия с образовательными организациями',
];

/**
 * Golden data from the seeds (docs/reporting.md, "Building the annual analysis"): the demo is
 * loaded into the real API over HTTP (as `npm run demo` does), then the facts reader, on the
 * app's QueryBus, vault and clock, reads each seed's network and year through the other modules'
 * public queries, and the composer writes the report. Every fact of the seed that the records
 * hold must be in the report's texts: names, topics, hosts, platform, theme, goal, tasks,
 * assessment, problems, next year's tasks, the head. The seeds' words are copied here as literals.
 */
describe('annual analyses from the demo data', () => {
  let api: ApiHarness;
  let demo: LoadDemoResult;
  let position: number;
  const schema = JSON.parse(readFileSync(join(__dirname, '../libs/reporting/src/annual-analysis/annual-analysis.schema.json'), 'utf8')) as JsonSchema;

  const readerOf = (app: INestApplicationContext): AnnualAnalysisFactsReader => new AnnualAnalysisFactsReader(app.get(QueryBus), app.get(PERSONAL_DATA_VAULT), app.get(CLOCK));
  const build = (network: string, academicYear: string, language: 'uk' | 'ru' | 'en'): Promise<AnnualAnalysis> =>
    readerOf(api.app).build('bakhmut', demo.networks[network], academicYearPeriod(academicYear), language, { position });

  /** Every text of the report, in one string, lower case and with single spaces: what a reader of any format reads. */
  const textOf = (report: AnnualAnalysis): string => {
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(report);
    return normal(texts.join('\n'));
  };
  const normal = (text: string) => text.toLocaleLowerCase().replace(/\s+/g, ' ');
  const missingIn = (report: AnnualAnalysis, facts: string[]) => facts.filter((f) => !textOf(report).includes(normal(f)));

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    demo = await loadDemo({ url: `http://127.0.0.1:${port}`, apiKey: ADMIN_KEY });
    position = demo.headAfter!;
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await stopChartRenderer();
  });

  describe('Murygino, school district No. 3, 2020/2021 (ru)', () => {
    let report: AnnualAnalysis;
    beforeAll(async () => {
      report = await build('murygino-district-3', '2020/2021', 'ru');
    });

    it('is titled as the seed, with its base school', () => {
      expect(report.title).toBe('Отчет о работе школьного округа № 3 за 2020/2021 учебный год');
      expect(report.anchor?.text).toBe('базовая школа – МБОУ Мурыгинская СШ');
    });

    it('holds every fact of the seed the records hold', () => {
      expect(
        missingIn(report, MURYGINO_FACTS),
      ).toEqual([]);
    });

    it('lists the three seminars first, in the plan’s order, each with its platform and host, "during the year" and never a day', () => {
      const [heads, district1, practice] = report.eventsHeld;
      expect(heads.text).toBe(
        'Семинар «Организация индивидуальной проектной деятельности обучающихся на уровнях основного общего образования и среднего общего образовании» для руководителей образовательных организаций, дистанционно, платформа ZOOM, база проведения – МБОУ Мурыгинская СШ, в течение года.',
      );
      expect(district1.text).toBe(
        'Семинар «Гражданско-патриотическое воспитание на основе краеведческого материала» для образовательного округа № 1, дистанционно, платформа ZOOM, база проведения – МБОУ Рябцевская ОШ, в течение года.',
      );
      expect(practice.text).toMatch(/^Практико-ориентированный семинар «Развитие навыков .*», очно, база проведения – МБОУ Переснянская СШ, в течение года\.$/);
      expect(report.eventsHeld.map((e) => e.number)).toEqual([1, 2, 3, 4, 5]);
      expect(report.eventsHeld.every((e) => e.precision === 'academic-year' && e.when === 'в течение года')).toBe(true);
      expect(report.eventsByKind.map((c) => c.text)).toEqual(['2 семинара', '1 практико-ориентированный семинар', '1 этап олимпиады', '1 предметная неделя']);
    });

    it('is signed by the head, with the name from the vault; the plan is approved, not closed, so there is no assessment', () => {
      expect(report.signature).toMatchObject({ position: 'Руководитель округа', name: 'О. И. Лахина' });
      expect(report.plan).toMatchObject({ status: 'approved' });
      expect(report.closing).toBeNull();
      expect(report.notHeld).toEqual([]);
    });

    it('validates against the schema', () => {
      expect(validate(schema, report)).toEqual([]);
    });
  });

  describe('Bakhmut, the district of NVK No. 11, 2019/2020 (uk)', () => {
    let report: AnnualAnalysis;
    beforeAll(async () => {
      report = await build('bakhmut-district-nvk-11', '2019/2020', 'uk');
    });

    it('is titled in Ukrainian, with its anchor', () => {
      expect(report.title).toBe('Аналіз роботи освітнього округу НВК № 11 за 2019/2020 навчальний рік');
      expect(report.anchor?.text).toBe('опорний заклад освіти – НВК № 11');
    });

    it('holds every fact of the seed the records hold', () => {
      expect(
        missingIn(report, BAKHMUT_FACTS),
      ).toEqual([]);
    });

    it('tells in words how ZOSH No. 7 came into the district, from when and why', () => {
      const transfer = report.changes.find((c) => c.change === 'transferred-in')!;
      expect(transfer).toMatchObject({ on: '2019-09-01', institutionIds: [demo.institutions['bakhmut-zosh-7']] });
      expect(transfer.text).toBe(
        'З 1 вересня 2019 р. до складу округу входить ЗОШ № 7 (перехід з Попереднього освітнього округу ЗОШ № 7). За ініціативою Управління освіти Бахмутської міської ради у 2019/2020 н. р. змінено розподіл учасників освітніх округів: ЗОШ № 7 входить до округу з опорним закладом НВК № 11.',
      );
      expect(report.changes.find((c) => c.institutionIds.includes(demo.institutions['bakhmut-dnz-25']))?.text).toBe('З 1 вересня 2019 р. до складу округу входять ДНЗ № 25, ДНЗ № 36 на правах партнерів.');
    });

    it('names the institutions outside the district and what they took part in; the closing with its assessment; no head, so the signature has no name', () => {
      expect(report.outside.map((o) => o.name)).toEqual(['Артемівське педагогічне училище', 'Горлівський університет іноземних мов', 'ЗОШ № 1']);
      expect(report.closing).toMatchObject({
        assessment: { grade: 'sufficient', label: 'достатній рівень', comment: 'потребує удосконалення', text: 'Оцінка роботи округу: достатній рівень, потребує удосконалення.' },
        problems: ['конкурування учасників освітнього округу за контингент учнів та педагогічних працівників'],
      });
      expect(report.sections.map((s) => s.title)).toEqual(['Співпраця із закладами освіти, які не є членами освітнього округу']);
      expect(report.signature).toMatchObject({ position: null, name: null, date: '2020-06-30', dateText: '30 червня 2020 р.' });
      expect(report.eventsByKind.find((c) => c.key === 'other')?.text).toBe('2 інші заходи');
    });

    it('validates against the schema', () => {
      expect(validate(schema, report)).toEqual([]);
    });
  });

  describe('Remontnoye, the Central district, 2022/2023 (ru)', () => {
    let report: AnnualAnalysis;
    beforeAll(async () => {
      report = await build('remontnoye-central-district', '2022/2023', 'ru');
    });

    it('is titled with the district’s name inflected', () => {
      expect(report.title).toBe('Отчет о работе Центрального образовательного округа за 2022/2023 учебный год');
      expect(report.anchor?.name).toBe('МБОУ Ремонтненская гимназия № 1');
    });

    it('holds every fact of the seed the records hold', () => {
      expect(
        missingIn(report, REMONTNOYE_FACTS),
      ).toEqual([]);
    });

    it('prints the seminar known only to the month without a day, first, before what is known only to the year', () => {
      const [november, ...rest] = report.eventsHeld;
      expect(november).toMatchObject({ kind: 'seminar', when: 'в ноябре 2022 г.', precision: 'month' });
      expect(november.text).toBe('Семинар для педагогических работников, очно, в ноябре 2022 г. Участники – МБОУ Ремонтненская гимназия № 1, Киевская СОШ, Валуевская СОШ.');
      expect(november.text).not.toMatch(/\d+ ноября/);
      expect(rest.every((e) => e.precision === 'academic-year')).toBe(true);
      expect(report.eventsByKind.find((c) => c.key === 'consultation')?.text).toBe('2 консультации');
    });

    it('has the closing: assessed "удовлетворительно", next year’s goal and tasks, dated the closing', () => {
      expect(report.closing).toMatchObject({ closedOn: '2023-06-30', assessment: { label: 'удовлетворительно', text: 'Оценка работы округа: удовлетворительно.' } });
      expect(report.closing!.nextYear).toMatchObject({ title: 'Задачи на 2023/2024 учебный год', goal: expect.stringMatching(/^разработать и апробировать/) });
      expect(report.closing!.nextYear!.tasks).toHaveLength(2);
      expect(report.plan!.agreements.map((a) => a.text)).toEqual([
        'Договор № 1 от 1 сентября 2022 г. «О сетевом взаимодействии»; стороны – МБОУ Ремонтненская гимназия № 1, Киевская СОШ; срок действия – до 31 августа 2023 г.',
        'Договор № 2 от 1 сентября 2022 г. «О сетевом взаимодействии»; стороны – МБОУ Ремонтненская гимназия № 1, Валуевская СОШ; срок действия – до 31 августа 2023 г.',
      ]);
    });

    it('validates against the schema', () => {
      expect(validate(schema, report)).toEqual([]);
    });
  });

  describe('the same records, read again', () => {
    it('at the same position give the same report', async () => {
      const a = await build('remontnoye-central-district', '2022/2023', 'ru');
      const b = await build('remontnoye-central-district', '2022/2023', 'ru');
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(a.basis.position).toBe(position);
    });

    it('in English, from the same facts: the English words around the records’ own', async () => {
      const report = await build('remontnoye-central-district', '2022/2023', 'en');
      expect(report.title).toBe('Report on the work of Центральный образовательный округ for the 2022/2023 academic year');
      expect(report.eventsHeld[0]).toMatchObject({ when: 'in November 2022', precision: 'month' });
      expect(report.eventsByKind.find((c) => c.key === 'consultation')?.text).toBe('2 consultations');
      expect(validate(schema, report)).toEqual([]);
    });

    it('for a year with nothing recorded: empty sections, and no error', async () => {
      const report = await build('murygino-district-3', '2023/2024', 'ru');
      expect(report).toMatchObject({ plan: null, closing: null, eventsHeld: [], changes: [], notHeld: [], charts: [] });
      expect(report.composition.members).toHaveLength(7);
    });

    it('for a network of another department or none: not found, as the networks module answers', async () => {
      await expect(readerOf(api.app).build('another', demo.networks['murygino-district-3'], calendarYearPeriod(2021), 'ru', { position })).rejects.toMatchObject({ name: 'NotFound' });
    });
  });

  /**
   * The same reports as a department gets them: asked for with `POST /reports` as DOCX (the
   * default), generated by the built-in generator at the head of the log, downloaded, and their
   * text taken out of the DOCX. Every fact the model-level checks find in the report's texts must
   * be in the document too; and the monitoring table's cells in its XLSX.
   */
  describe('as documents through POST /reports', () => {
    const download = async (body: object): Promise<{ report: { status: string; artifact: { contentType: string; fileName: string } }; bytes: Buffer }> => {
      const res = await api.as().post('/reports').send(body);
      if (res.status !== 202) throw new Error(`POST /reports → ${res.status} ${JSON.stringify(res.body)}`);
      let report = (await api.as().get(`/reports/${res.body.id}`)).body;
      for (let i = 0; i < 800 && report.status !== 'generated' && report.status !== 'failed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        report = (await api.as().get(`/reports/${res.body.id}`)).body;
      }
      expect(report).toMatchObject({ status: 'generated' });
      const content = await api
        .as()
        .get(`/reports/${res.body.id}/content`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(content.status).toBe(200);
      return { report, bytes: content.body as Buffer };
    };
    const analysisDocx = async (network: string, academicYear: string, language: 'uk' | 'ru') => {
      const { report, bytes } = await download({ report: 'annual-analysis', parameters: { networkId: demo.networks[network], period: { kind: 'academic-year', academicYear }, language } });
      expect(report.artifact.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      await expectOpensInLibreOffice(bytes);
      return { fileName: report.artifact.fileName, paragraphs: docxParagraphs(bytes) };
    };
    const missingInDocx = (paragraphs: string[], facts: string[]) => facts.filter((f) => !normal(paragraphs.join('\n')).includes(normal(f)));

    it('Murygino district No. 3’s 2020/2021 (ru): the seed’s facts in the DOCX, the seminars "during the year"', async () => {
      const { fileName, paragraphs } = await analysisDocx('murygino-district-3', '2020/2021', 'ru');
      expect(fileName).toBe('Отчет о работе школьного округа № 3 за 2020-2021 учебный год.docx');
      expect(paragraphs.slice(0, 2)).toEqual(['Отчет о работе школьного округа № 3 за 2020/2021 учебный год', 'базовая школа – МБОУ Мурыгинская СШ']);
      expect(missingInDocx(paragraphs, MURYGINO_FACTS)).toEqual([]);
      expect(paragraphs).toContain(
        '1.\tСеминар «Организация индивидуальной проектной деятельности обучающихся на уровнях основного общего образования и среднего общего образовании» для руководителей образовательных организаций, дистанционно, платформа ZOOM, база проведения – МБОУ Мурыгинская СШ, в течение года.',
      );
    });

    it('Bakhmut’s NVK No. 11 district 2019/2020 (uk): the seed’s facts in the DOCX, the move of ZOSh No. 7 in words', async () => {
      const { fileName, paragraphs } = await analysisDocx('bakhmut-district-nvk-11', '2019/2020', 'uk');
      expect(fileName).toBe('Аналіз роботи освітнього округу НВК № 11 за 2019-2020 навчальний рік.docx');
      expect(paragraphs[0]).toBe('Аналіз роботи освітнього округу НВК № 11 за 2019/2020 навчальний рік');
      expect(missingInDocx(paragraphs, BAKHMUT_FACTS)).toEqual([]);
      expect(paragraphs.some((p) => p.startsWith('З 1 вересня 2019 р. до складу округу входить ЗОШ № 7 (перехід з Попереднього освітнього округу ЗОШ № 7).'))).toBe(true);
    });

    it('Remontnoye’s Central district 2022/2023 (ru): the seed’s facts in the DOCX, the November seminar without a day', async () => {
      const { paragraphs } = await analysisDocx('remontnoye-central-district', '2022/2023', 'ru');
      expect(paragraphs[0]).toBe('Отчет о работе Центрального образовательного округа за 2022/2023 учебный год');
      expect(missingInDocx(paragraphs, REMONTNOYE_FACTS)).toEqual([]);
      const november = paragraphs.find((p) => p.includes('в ноябре 2022 г.'))!;
      expect(november).toBe('1.\tСеминар для педагогических работников, очно, в ноябре 2022 г. Участники – МБОУ Ремонтненская гимназия № 1, Киевская СОШ, Валуевская СОШ.');
      expect(paragraphs.join('\n')).not.toMatch(/\d+ ноября 2022/);
      expect(paragraphs).toContain('Оценка работы округа: удовлетворительно.');
    });

    it('Remontnoye’s monitoring table of 2021/2022–2022/2023 as XLSX: each cell the year’s topics, the year without an event empty, the counts as numbers', async () => {
      const sheetsOf = async (rowsBy: 'series' | 'kinds') => {
        const { report, bytes } = await download({
          report: 'monitoring-table',
          format: 'xlsx',
          parameters: { networkId: demo.networks['remontnoye-central-district'], periods: { kind: 'academic-year', from: '2021/2022', to: '2022/2023' }, rowsBy, language: 'ru' },
        });
        expect(report.artifact.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
        // Each sheet's rows from its header on, each cell as text (an empty cell '').
        return workbook.worksheets.map((sheet) => {
          const rows = (sheet.getSheetValues().filter((row) => Array.isArray(row)) as unknown[][]).map((row) => Array.from({ length: row.length - 1 }, (_, i) => row[i + 1] ?? ''));
          return rows.slice(rows.findIndex((row) => row[0] === 'Серия мероприятий' || row[0] === 'Вид мероприятия'));
        });
      };
      const [topics, counts] = await sheetsOf('series');
      expect(topics).toEqual([
        ['Серия мероприятий', '2021/2022', '2022/2023'],
        ['Консультации по составлению рабочих программ', '', 'Консультации руководителей предметных МО по составлению рабочих программ'],
      ]);
      expect(counts).toEqual([
        ['Серия мероприятий', '2021/2022', '2022/2023', 'Всего'],
        ['Консультации по составлению рабочих программ', 0, 1, 1],
        ['Всего', 0, 1, 1],
      ]);
      const [byKind, kindCounts] = await sheetsOf('kinds');
      expect(byKind).toEqual([
        ['Вид мероприятия', '2021/2022', '2022/2023'],
        ['семинар', '', 'Семинар'],
        ['научно-практическая конференция', '', 'Научно-практическая конференция в рамках округа'],
        ['форум', '', 'Форум молодых педагогов'],
        ['консультация', '', 'Консультации по формированию учебных планов, образовательных программ\nКонсультации руководителей предметных МО по составлению рабочих программ'],
      ]);
      expect(kindCounts.map((row) => row.slice(1))).toEqual([['2021/2022', '2022/2023', 'Всего'], [0, 1, 1], [0, 1, 1], [0, 1, 1], [0, 2, 2], [0, 5, 5]]);
    });
  });
});
