import { InvalidInput } from '@app/kernel';
import { KnownInstitution, LISTED_REJECTIONS, LISTED_ROWS, listedRows, planImport } from './import-plan';
import { LISTED_FIELD_ERRORS, readCsvImport, readJsonImport } from './import-file';

/**
 * A big file of bad rows costs work in proportion to its rows, and the answer stays small.
 * Not a timing: the work is counted as the elements that array scans visit (find, filter,
 * includes, …: the way a check compares a row with all earlier ones), against a generous
 * budget per row. A check that compares each row with the earlier ones visits n²/2 elements,
 * some thousand times the budget at these sizes, and is stopped as soon as it overruns.
 */
const ROWS = 60_000;
const STEPS_PER_ROW = 200;

class OverBudget extends Error {}

const SCANS_WITH_CALLBACK = ['find', 'findIndex', 'filter', 'some', 'every', 'map', 'forEach', 'flatMap', 'reduce'] as const;
const SCANS_BY_VALUE = ['includes', 'indexOf', 'lastIndexOf'] as const;

/** Runs `work` counting the elements array scans visit; throws when they exceed `budget`. */
const countingScans = <T>(budget: number, work: () => T): { result: T; steps: number } => {
  const proto = Array.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  let steps = 0;
  const step = (n: number) => {
    steps += n;
    if (steps > budget) throw new OverBudget(`array scans visited more than ${budget} elements`);
  };
  for (const name of SCANS_WITH_CALLBACK) {
    const original = proto[name];
    originals.set(name, original);
    proto[name] = function (this: unknown[], ...args: unknown[]) {
      const [callback, ...rest] = args as [(...a: unknown[]) => unknown, ...unknown[]];
      const counted = (...a: unknown[]) => {
        step(1);
        return callback(...a);
      };
      return original.call(this, counted, ...rest);
    };
  }
  for (const name of SCANS_BY_VALUE) {
    const original = proto[name];
    originals.set(name, original);
    proto[name] = function (this: unknown[], ...args: unknown[]) {
      step(this.length);
      return original.apply(this, args);
    };
  }
  try {
    return { result: work(), steps };
  } finally {
    for (const [name, original] of originals) proto[name] = original;
  }
};

const emptyWorld = (institutions: KnownInstitution[] = []) => ({ department: 'murygino', institutions, codes: {}, maps: {} });

describe('a big import of bad rows', () => {
  it(`refuses ${ROWS} items of the wrong shape in linear work, listing the first ${LISTED_FIELD_ERRORS} fields and counting the rest`, () => {
    const body = { institutions: Array.from({ length: ROWS }, (_, i) => ({ fullName: 'Школа', extra: i })) };
    let thrown: unknown;
    const { steps } = countingScans(STEPS_PER_ROW * ROWS, () => {
      try {
        readJsonImport(body);
      } catch (error) {
        thrown = error;
      }
    });
    expect(thrown).toBeInstanceOf(InvalidInput);
    const errors = (thrown as InvalidInput).errors;
    expect(errors).toHaveLength(LISTED_FIELD_ERRORS + 1);
    expect(errors[0]).toEqual({ field: 'institutions[0].extra', messages: ['property extra should not exist'] });
    expect(errors.at(-1)).toEqual({ field: 'body', messages: [`${ROWS - LISTED_FIELD_ERRORS} more fields are invalid; the first ${LISTED_FIELD_ERRORS} are listed`] });
    expect(steps).toBeLessThan(STEPS_PER_ROW * ROWS);
  });

  it(`plans ${ROWS} invalid, duplicate and unresolvable rows in linear work; the summary lists a bounded number and counts all`, () => {
    const third = ROWS / 3;
    const known: KnownInstitution[] = Array.from({ length: third }, (_, i) => ({
      id: `registered-${i}`,
      state: {
        status: 'open',
        institutionId: `registered-${i}`,
        department: 'murygino',
        closedOn: null,
        fullName: `Школа № ${i}`,
        shortName: `Школа № ${i}`,
        kind: 'general-school',
        settlement: 'с. Мурыгино',
        externalCode: null,
        website: null,
      },
    }));
    const body = {
      institutions: [
        // Missing kind: invalid.
        ...Array.from({ length: third }, (_, i) => ({ fullName: `Новая школа № ${i}`, shortName: `Новая школа № ${i}`, settlement: 'с. Лосное' })),
        // The same institution again and again: one would be created, the others are duplicates.
        ...Array.from({ length: third }, () => ({ fullName: 'Одна школа', shortName: 'Одна школа', kind: 'general-school', settlement: 'с. Лосное' })),
      ],
      networks: [
        {
          name: 'Школьный округ № 3',
          kind: 'educational-district',
          // Invalid institutions of the file, and names nobody has.
          members: Array.from({ length: third }, (_, i) => ({ institution: i % 2 ? `Новая школа № ${i}` : `Никто № ${i}`, role: 'member', from: '2020-09-01' })),
        },
      ],
    };
    const { result: plan, steps } = countingScans(STEPS_PER_ROW * ROWS, () => planImport(emptyWorld(known), readJsonImport(body)));
    expect(steps).toBeLessThan(STEPS_PER_ROW * ROWS);
    expect(plan.counts.rejected).toBe(third + (third - 1) + third);
    expect(plan.counts.rejectedByRule).toEqual({
      'invalid-value': third,
      'duplicate-row': third - 1,
      'depends-on-rejected-row': third / 2,
      'unresolved-reference': third / 2,
    });
    expect(plan.appends).toEqual([]);

    const { rows, omittedRows } = listedRows(plan.rows);
    expect(rows.length).toBeLessThanOrEqual(LISTED_ROWS);
    expect(rows.filter((r) => r.outcome === 'rejected')).toHaveLength(LISTED_REJECTIONS);
    expect(rows.length + omittedRows).toBe(plan.rows.length);
    expect(JSON.stringify({ counts: plan.counts, rows, omittedRows }).length).toBeLessThan(300_000);
  });

  it(`reads and plans a CSV file of ${ROWS} bad rows in linear work`, () => {
    const csv = ['fullName,shortName,kind,settlement,network,networkKind,role,from', ...Array.from({ length: ROWS }, (_, i) => `Школа ${i},Школа ${i},no-such-kind,с. Лосное,Округ,educational-district,member,2020-09-01`)].join('\n');
    const { result: plan, steps } = countingScans(STEPS_PER_ROW * ROWS, () => planImport(emptyWorld(), readCsvImport(csv)));
    expect(steps).toBeLessThan(STEPS_PER_ROW * ROWS);
    expect(plan.counts.rejectedByRule).toEqual({ 'invalid-value': ROWS, 'depends-on-rejected-row': ROWS });
  });
});

describe('the rows a summary lists', () => {
  const row = (i: number, outcome: 'created' | 'rejected') => ({ row: i, entity: 'institution' as const, key: `${i}`, outcome });

  it('lists every row of a small file', () => {
    const rows = [row(1, 'created'), row(2, 'rejected'), row(3, 'created')];
    expect(listedRows(rows)).toEqual({ rows, omittedRows: 0 });
  });

  it('always lists the first rejected rows, even after many good ones, in file order', () => {
    const rows = [...Array.from({ length: 5000 }, (_, i) => row(i, 'created')), ...Array.from({ length: 500 }, (_, i) => row(5000 + i, 'rejected'))];
    const listed = listedRows(rows);
    expect(listed.rows).toHaveLength(LISTED_ROWS);
    expect(listed.rows.filter((r) => r.outcome === 'rejected').map((r) => r.row)).toEqual(Array.from({ length: LISTED_REJECTIONS }, (_, i) => 5000 + i));
    expect(listed.rows.slice(0, LISTED_ROWS - LISTED_REJECTIONS).every((r, i) => r.row === i)).toBe(true);
    expect(listed.omittedRows).toBe(5500 - LISTED_ROWS);
  });
});
