import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonSchema, validate } from '../annual-analysis/testing/json-schema-subset';
import { profileFacts } from '../render/fixtures/institution-profile.fixtures';
import { composeInstitutionProfile } from './institution-profile';
import type { InstitutionProfile } from './institution-profile.model';

const schema = JSON.parse(readFileSync(join(__dirname, 'institution-profile.schema.json'), 'utf8')) as JsonSchema;

/** A copy of the profile, changed by `edit`. */
const changed = (profile: InstitutionProfile, edit: (p: Record<string, any>) => void): unknown => {
  const copy = JSON.parse(JSON.stringify(profile));
  edit(copy);
  return copy;
};

describe('the institution profile’s JSON Schema', () => {
  it('is a draft 2020-12 schema of the model, with an id', () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'urn:okrug:schema:institution-profile:1', type: 'object', additionalProperties: false });
  });

  describe('given profiles of an institution with names, networks and events, of its events of some days, of a closed one, and of one with nothing recorded, in every language', () => {
    const open = profileFacts();
    const facts = [
      profileFacts(),
      profileFacts({ from: '2019-09-01', to: '2020-05-31' }),
      profileFacts({ institution: { ...open.institution, status: 'closed', closedOn: '2022-06-30' } }),
      profileFacts({ renames: [], memberships: [], events: [] }),
    ];
    const profiles = facts.flatMap((f) => (['uk', 'ru', 'en'] as const).map((language) => composeInstitutionProfile(f, language)));

    it('then they cover a closed institution, a period asked for, and a profile with nothing in it', () => {
      expect(profiles.some((p) => p.institution.closedOn !== null)).toBe(true);
      expect(profiles.some((p) => p.basis.periodText !== null)).toBe(true);
      expect(profiles.some((p) => p.names.length + p.networks.length + p.hosted.length + p.tookPart.length + p.eventsByKind.length === 0)).toBe(true);
    });

    it('then each validates against the schema', () => {
      for (const profile of profiles) expect({ title: profile.title, errors: validate(schema, profile) }).toEqual({ title: profile.title, errors: [] });
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
    expect(objects.length).toBeGreaterThan(7);
    for (const { at, schema: o } of objects) {
      expect({ at, required: [...(o.required as string[])].sort(), additionalProperties: o.additionalProperties }).toEqual({ at, required: Object.keys(o.properties as object).sort(), additionalProperties: false });
    }
  });

  describe('given a profile that breaks the schema', () => {
    const profile = composeInstitutionProfile(profileFacts(), 'uk');

    it('then a missing field, a field of the wrong type, a value not in its list and an unknown field are each refused where they are', () => {
      expect(validate(schema, changed(profile, (p) => delete p.networks[0].wasAnchor))).toEqual([{ path: '/networks/0/wasAnchor', message: 'is required' }]);
      expect(validate(schema, changed(profile, (p) => (p.tookPart[0].outside = 'no')))).toEqual([{ path: '/tookPart/0/outside', message: 'is string, not boolean' }]);
      expect(validate(schema, changed(profile, (p) => (p.institution.status = 'merged')))).toEqual([{ path: '/institution/status', message: '"merged" is not one of ["open","closed"]' }]);
      expect(validate(schema, changed(profile, (p) => (p.networks[0].from = '2019-9-1')))).toEqual([{ path: '/networks/0/from', message: expect.stringContaining('does not match') }]);
      expect(validate(schema, changed(profile, (p) => (p.institution.edrpou = '12345678')))).toEqual([{ path: '/institution/edrpou', message: 'is not a property of the schema' }]);
      expect(validate(schema, changed(profile, (p) => (p.names[0].until = 2016)))).toEqual([{ path: '/names/0/until', message: 'matches none of anyOf: is integer, not string | is integer, not null' }]);
      expect(validate(schema, changed(profile, (p) => (p.language = 'de')))).toEqual([{ path: '/language', message: '"de" is not one of ["uk","ru","en"]' }]);
    });
  });
});
