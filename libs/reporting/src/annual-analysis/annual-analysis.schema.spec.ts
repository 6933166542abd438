import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnualAnalysis } from './annual-analysis.model';
import { councilFacts, districtFacts, emptyFacts } from './annual-analysis.fixtures';
import { composeAnnualAnalysis } from './compose-annual-analysis';
import { JsonSchema, validate } from './testing/json-schema-subset';

const schema = JSON.parse(readFileSync(join(__dirname, 'annual-analysis.schema.json'), 'utf8')) as JsonSchema;

/** A copy of the report, changed by `edit`. */
const changed = (report: AnnualAnalysis, edit: (r: Record<string, any>) => void): unknown => {
  const copy = JSON.parse(JSON.stringify(report));
  edit(copy);
  return copy;
};

describe('the annual analysis’s JSON Schema', () => {
  it('is a draft 2020-12 schema of the model, with an id', () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'urn:okrug:schema:annual-analysis:1', type: 'object', additionalProperties: false });
  });

  describe('given reports composed from every kind of facts, in every language', () => {
    const reports = [districtFacts(), councilFacts(), emptyFacts()].flatMap((facts) => (['uk', 'ru', 'en'] as const).map((language) => composeAnnualAnalysis(facts, language)));

    it('then each validates against the schema', () => {
      for (const report of reports) expect({ title: report.title, errors: validate(schema, report) }).toEqual({ title: report.title, errors: [] });
    });

  });

  it('requires every property it names and refuses any other, at every level: a field added to the model fails the reports above until the schema has it', () => {
    const objects: { at: string; schema: JsonSchema }[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as JsonSchema;
      if (n.properties) objects.push({ at, schema: n });
      for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
    };
    walk(schema, '');
    expect(objects.length).toBeGreaterThan(25);
    for (const { at, schema: o } of objects) {
      expect({ at, required: [...(o.required as string[])].sort(), additionalProperties: o.additionalProperties }).toEqual({ at, required: Object.keys(o.properties as object).sort(), additionalProperties: false });
    }
  });

  describe('given a report that breaks the schema', () => {
    const report = composeAnnualAnalysis(districtFacts(), 'uk');

    it('then a missing field, a field of the wrong type, a value not in its list and an unknown field are each refused where they are', () => {
      expect(validate(schema, changed(report, (r) => delete r.title))).toEqual([{ path: '/title', message: 'is required' }]);
      expect(validate(schema, changed(report, (r) => (r.eventsHeld[0].number = '1')))).toEqual([{ path: '/eventsHeld/0/number', message: 'is string, not integer' }]);
      expect(validate(schema, changed(report, (r) => (r.eventsHeld[2].precision = 'week')))).toEqual([
        { path: '/eventsHeld/2/precision', message: '"week" is not one of ["day","range","month","year","academic-year","unknown"]' },
      ]);
      expect(validate(schema, changed(report, (r) => (r.signature.date = '30.06.2021')))).toEqual([
        { path: '/signature/date', message: expect.stringContaining('does not match') },
      ]);
      expect(validate(schema, changed(report, (r) => (r.footnote = 'x')))).toEqual([{ path: '/footnote', message: 'is not a property of the schema' }]);
      expect(validate(schema, changed(report, (r) => (r.anchor = 'Ліцей № 4')))).toEqual([{ path: '/anchor', message: 'matches none of anyOf: is string, not object | is string, not null' }]);
      expect(validate(schema, changed(report, (r) => (r.schemaVersion = 2)))).toEqual([{ path: '/schemaVersion', message: 'is not 1' }]);
    });
  });
});
