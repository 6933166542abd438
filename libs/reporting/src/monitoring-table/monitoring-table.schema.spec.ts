import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarYearPeriod } from '@app/kernel';
import { JsonSchema, validate } from '../annual-analysis/testing/json-schema-subset';
import { monitoringFacts } from '../render/fixtures/monitoring-table.fixtures';
import { composeMonitoringTable } from './monitoring-table';
import type { MonitoringTable } from './monitoring-table.model';

const schema = JSON.parse(readFileSync(join(__dirname, 'monitoring-table.schema.json'), 'utf8')) as JsonSchema;

/** A copy of the table, changed by `edit`. */
const changed = (table: MonitoringTable, edit: (t: Record<string, any>) => void): unknown => {
  const copy = JSON.parse(JSON.stringify(table));
  edit(copy);
  return copy;
};

describe('the monitoring table’s JSON Schema', () => {
  it('is a draft 2020-12 schema of the model, with an id', () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'urn:okrug:schema:monitoring-table:1', type: 'object', additionalProperties: false });
  });

  describe('given tables by series and by kind, by academic and calendar year, of a network and of the whole department, and with nothing in them, in every language', () => {
    const byCalendarYear = { periods: [calendarYearPeriod(2020), calendarYearPeriod(2021), calendarYearPeriod(2022)] };
    const cases = [
      { facts: monitoringFacts(), rowsBy: 'series' as const },
      { facts: monitoringFacts(byCalendarYear), rowsBy: 'kinds' as const },
      { facts: monitoringFacts({ ...byCalendarYear, network: null }), rowsBy: 'series' as const },
      { facts: monitoringFacts({ series: [], events: [] }), rowsBy: 'series' as const },
      { facts: monitoringFacts({ series: [], events: [] }), rowsBy: 'kinds' as const },
    ];
    const tables = cases.flatMap(({ facts, rowsBy }) => (['uk', 'ru', 'en'] as const).map((language) => composeMonitoringTable(facts, language, { rowsBy })));

    it('then they cover a table with unplaced events, one of the whole department and one of no rows', () => {
      expect(tables.some((t) => t.unplaced.length > 0)).toBe(true);
      expect(tables.some((t) => t.network === null)).toBe(true);
      expect(tables.some((t) => t.rows.length === 0)).toBe(true);
    });

    it('then each validates against the schema', () => {
      for (const table of tables) expect({ title: table.title, errors: validate(schema, table) }).toEqual({ title: table.title, errors: [] });
    });
  });

  it('requires every property it names and refuses any other, at every level', () => {
    const objects: { at: string; schema: JsonSchema }[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as JsonSchema;
      if (n.properties) objects.push({ at, schema: n });
      for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
    };
    walk(schema, '');
    expect(objects.length).toBeGreaterThan(6);
    for (const { at, schema: o } of objects) {
      expect({ at, required: [...(o.required as string[])].sort(), additionalProperties: o.additionalProperties }).toEqual({ at, required: Object.keys(o.properties as object).sort(), additionalProperties: false });
    }
  });

  describe('given a table that breaks the schema', () => {
    const table = composeMonitoringTable(monitoringFacts(), 'uk');

    it('then a missing field, a field of the wrong type, a value not in its list and an unknown field are each refused where they are', () => {
      expect(validate(schema, changed(table, (t) => delete t.rows[0].cells[0].text))).toEqual([{ path: '/rows/0/cells/0/text', message: 'is required' }]);
      expect(validate(schema, changed(table, (t) => (t.rows[0].total = '3')))).toEqual([{ path: '/rows/0/total', message: 'is string, not integer' }]);
      expect(validate(schema, changed(table, (t) => (t.totals[1] = 1.5)))).toEqual([{ path: '/totals/1', message: 'is number, not integer' }]);
      expect(validate(schema, changed(table, (t) => (t.rowsBy = 'hosts')))).toEqual([{ path: '/rowsBy', message: '"hosts" is not one of ["series","kinds"]' }]);
      expect(validate(schema, changed(table, (t) => (t.periods[0].from = '01.09.2020')))).toEqual([{ path: '/periods/0/from', message: expect.stringContaining('does not match') }]);
      expect(validate(schema, changed(table, (t) => (t.rows[0].cells[0].events[0].hostIds = [])))).toEqual([{ path: '/rows/0/cells/0/events/0/hostIds', message: 'is not a property of the schema' }]);
      expect(validate(schema, changed(table, (t) => (t.network = 'Центральний округ')))).toEqual([{ path: '/network', message: 'matches none of anyOf: is string, not object | is string, not null' }]);
      expect(validate(schema, changed(table, (t) => (t.report = 'annual-analysis')))).toEqual([{ path: '/report', message: 'is not "monitoring-table"' }]);
    });
  });
});
