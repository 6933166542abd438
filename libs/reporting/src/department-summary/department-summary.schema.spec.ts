import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonSchema, validate } from '../annual-analysis/testing/json-schema-subset';
import { summaryEmptyFacts, summaryFacts } from '../render/fixtures/department-summary.fixtures';
import { composeDepartmentSummary } from './department-summary';
import type { DepartmentSummary } from './department-summary.model';

const schema = JSON.parse(readFileSync(join(__dirname, 'department-summary.schema.json'), 'utf8')) as JsonSchema;

/** A copy of the summary, changed by `edit`. */
const changed = (summary: DepartmentSummary, edit: (s: Record<string, any>) => void): unknown => {
  const copy = JSON.parse(JSON.stringify(summary));
  edit(copy);
  return copy;
};

/** The same department with the two years swapped: the district did less than the year before. */
const declined = () => {
  const facts = summaryFacts();
  return summaryFacts({ overview: facts.previousOverview, previousOverview: facts.overview, participation: facts.previousParticipation, previousParticipation: facts.participation });
};

describe('the department summary’s JSON Schema', () => {
  it('is a draft 2020-12 schema of the model, with an id', () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'urn:okrug:schema:department-summary:1', type: 'object', additionalProperties: false });
  });

  describe('given summaries of networks with and without a plan, a year worse than the one before, and of no network at all, in every language', () => {
    const summaries = [summaryFacts(), declined(), summaryEmptyFacts()].flatMap((facts) => (['uk', 'ru', 'en'] as const).map((language) => composeDepartmentSummary(facts, language)));

    it('then they cover a network without a plan, a fall against the period before, and a summary of no network', () => {
      const networks = summaries.flatMap((s) => s.networks);
      expect(networks.some((n) => n.planStatus === 'none' && n.shareHeld === null && n.assessment === null)).toBe(true);
      expect(networks.some((n) => n.change !== null && n.change.eventsHeld < 0 && (n.change.shareHeld ?? 0) < 0)).toBe(true);
      expect(networks.some((n) => n.previous === null)).toBe(true);
      expect(summaries.some((s) => s.networks.length === 0)).toBe(true);
    });

    it('then each validates against the schema', () => {
      for (const summary of summaries) expect({ title: summary.title, errors: validate(schema, summary) }).toEqual({ title: summary.title, errors: [] });
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
    expect(objects.length).toBeGreaterThan(10);
    for (const { at, schema: o } of objects) {
      expect({ at, required: [...(o.required as string[])].sort(), additionalProperties: o.additionalProperties }).toEqual({ at, required: Object.keys(o.properties as object).sort(), additionalProperties: false });
    }
  });

  describe('given a summary that breaks the schema', () => {
    const summary = composeDepartmentSummary(summaryFacts(), 'uk');

    it('then a missing field, a field of the wrong type, a value not in its list and an unknown field are each refused where they are', () => {
      expect(validate(schema, changed(summary, (s) => delete s.networks[0].planStatusLabel))).toEqual([{ path: '/networks/0/planStatusLabel', message: 'is required' }]);
      expect(validate(schema, changed(summary, (s) => (s.totals.eventsHeld = '9')))).toEqual([{ path: '/totals/eventsHeld', message: 'is string, not integer' }]);
      expect(validate(schema, changed(summary, (s) => (s.networks[0].planStatus = 'cancelled')))).toEqual([
        { path: '/networks/0/planStatus', message: '"cancelled" is not one of ["draft","approved","closed","none"]' },
      ]);
      expect(validate(schema, changed(summary, (s) => (s.basis.reportDate = '2021-13-01')))).toEqual([{ path: '/basis/reportDate', message: expect.stringContaining('does not match') }]);
      expect(validate(schema, changed(summary, (s) => (s.previousTotals.networks = 1)))).toEqual([{ path: '/previousTotals/networks', message: 'is not a property of the schema' }]);
      expect(validate(schema, changed(summary, (s) => (s.networks[0].shareHeld = '75 %')))).toEqual([
        { path: '/networks/0/shareHeld', message: 'matches none of anyOf: is string, not number | is string, not null' },
      ]);
      expect(validate(schema, changed(summary, (s) => (s.schemaVersion = 2)))).toEqual([{ path: '/schemaVersion', message: 'is not 1' }]);
    });
  });
});
