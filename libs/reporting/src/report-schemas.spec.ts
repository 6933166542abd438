import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeAnnualAnalysis } from './annual-analysis/compose-annual-analysis';
import { districtFacts } from './annual-analysis/annual-analysis.fixtures';
import type { JsonSchema } from './annual-analysis/testing/json-schema-subset';
import { monitoringBySeriesRu } from './render/fixtures/monitoring-table.fixtures';
import { summaryUk } from './render/fixtures/department-summary.fixtures';
import { profileUk } from './render/fixtures/institution-profile.fixtures';
import { FieldNode, RAW_XML_ROOTS, fieldsOf } from './report-template/template-fields';
import type { ReportKind } from './report/report.events';

/*
 * Each kind's schema against its model: its top-level `required` is the keys of a composed report,
 * and its shape at every level is the kind's field catalogue, which the type checker holds to the
 * model. A field added to a model, or taken from it, fails here until its schema says so.
 */

const composed: Record<ReportKind, () => object> = {
  'annual-analysis': () => composeAnnualAnalysis(districtFacts(), 'uk'),
  'monitoring-table': monitoringBySeriesRu,
  'department-summary': summaryUk,
  'institution-profile': profileUk,
};

const schemaOf = (kind: ReportKind): JsonSchema => JSON.parse(readFileSync(join(__dirname, kind, `${kind}.schema.json`), 'utf8')) as JsonSchema;

/** The schema's fields, as a catalogue: an object's properties, a list's item, else a value (`$ref` followed, a nullable section's shape). */
const shapeOf = (root: JsonSchema, node: JsonSchema): FieldNode => {
  if (node.$ref) return shapeOf(root, (root.$defs as Record<string, JsonSchema>)[(node.$ref as string).replace('#/$defs/', '')]);
  if (node.anyOf) {
    const shapes = (node.anyOf as JsonSchema[]).filter((branch) => branch.type !== 'null');
    expect(shapes).toHaveLength(1);
    return shapeOf(root, shapes[0]);
  }
  if (node.type === 'array') return [shapeOf(root, node.items as JsonSchema)];
  if (node.properties) return Object.fromEntries(Object.entries(node.properties as Record<string, JsonSchema>).map(([k, v]) => [k, shapeOf(root, v)]));
  return true;
};

describe.each(Object.keys(composed) as ReportKind[])('the %s’s JSON Schema', (kind) => {
  const schema = schemaOf(kind);

  it('is named by its kind, and requires at its top exactly the keys of a composed report', () => {
    expect(schema.$id).toBe(`urn:okrug:schema:${kind}:1`);
    expect([...(schema.required as string[])].sort()).toEqual(Object.keys(composed[kind]()).sort());
  });

  it('has, at every level, the fields of the kind’s catalogue (the model’s fields) and no other', () => {
    const catalogue = Object.fromEntries(Object.entries(fieldsOf(kind)).filter(([k]) => !(RAW_XML_ROOTS as readonly string[]).includes(k)));
    expect(shapeOf(schema, schema)).toEqual(catalogue);
  });
});
