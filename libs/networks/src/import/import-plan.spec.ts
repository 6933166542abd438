import { CommandContext, streamCategory } from '@app/kernel';
import { InstitutionRegistered, InstitutionState, evolveInstitution, initialInstitutionState, institutionStream } from '../institution/institution.decider';
import { NETWORK_KINDS, NetworkMapEvent, evolveNetworkMap, initialNetworkMapState, networkMapStream } from '../network-map/network-map.decider';
import { ImportInput, readCsvImport, readJsonImport } from './import-file';
import {
  ImportPlan,
  ImportRowOutcome,
  ImportWorld,
  RegisteredInstitution,
  codeClaimStream,
  hashInput,
  importedInstitutionId,
  importedNetworkId,
  planImport,
  toStreamAppends,
} from './import-plan';

/**
 * The Murygino district (Kirov region): «Школьный округ № 3» unites the schools and
 * kindergartens around МБОУ Мурыгинская СШ, its anchor, since 2020-09-01.
 */
const DEPARTMENT = 'murygino';

const school = (shortName: string, settlement: string, externalCode?: string) => ({
  fullName: `Муниципальное бюджетное общеобразовательное учреждение ${shortName.replace('МБОУ ', '')}`,
  shortName,
  kind: 'general-school',
  settlement,
  ...(externalCode ? { externalCode } : {}),
});
const MURYGINO = school('МБОУ Мурыгинская СШ', 'пгт Мурыгино', '4329005370');
const LOSNOE = school('МБОУ Лосненская СШ', 'с. Лосное');
const RYABTSY = school('МБОУ Рябцевская ОШ', 'д. Рябцы');
const DISTRICT = { name: 'Школьный округ № 3', kind: 'educational-district', number: '3' };
const member = (institution: string, from = '2020-09-01', role = 'member') => ({ institution, role, from });

const json = (body: object): ImportInput => readJsonImport(body);
const baseFileBody = {
  institutions: [MURYGINO, LOSNOE, RYABTSY],
  networks: [{ ...DISTRICT, anchor: '4329005370', members: [member('4329005370'), member('МБОУ Лосненская СШ'), member('МБОУ Рябцевская ОШ', '2020-09-01', 'partner')] }],
};
const baseFile = json(baseFileBody);

// ---- the world: what is recorded ----

const emptyWorld = (): ImportWorld => ({ department: DEPARTMENT, institutions: [], codes: {}, maps: {} });

/** The claims the service would read for every code the input names (none recorded). */
const withClaims = (world: ImportWorld, input: ImportInput): ImportWorld => {
  const codes = { ...world.codes };
  const names = [
    ...input.institutions.map((i) => i.externalCode),
    ...input.networks.flatMap((n) => [...n.members, ...n.anchors].map((m) => (m.institution && 'ref' in m.institution ? m.institution.ref : undefined))),
  ];
  for (const code of names) if (code && !codes[code]) codes[code] = { streamId: codeClaimStream(DEPARTMENT, code), revision: -1, claimant: null, holder: null };
  return { ...world, codes };
};

/** The world after the plan's appends were written. */
const afterWriting = (world: ImportWorld, plan: ImportPlan): ImportWorld => {
  const next: ImportWorld = { ...world, institutions: [...world.institutions], codes: { ...world.codes }, maps: { ...world.maps } };
  for (const append of plan.appends) {
    const revision = (append.expectedRevision === 'no_stream' ? -1 : (append.expectedRevision as number)) + append.events.length;
    if (streamCategory(append.streamId) === 'ExternalCode') {
      const code = Object.keys(next.codes).find((c) => next.codes[c].streamId === append.streamId)!;
      const claimant = (append.events[0].data as { institutionId: string }).institutionId;
      next.codes[code] = { streamId: append.streamId, revision, claimant, holder: claimant };
    } else if (streamCategory(append.streamId) === 'NetworkMap') {
      const kind = NETWORK_KINDS.find((k) => networkMapStream(DEPARTMENT, k) === append.streamId)!;
      const state = append.events.reduce((s, e) => evolveNetworkMap(s, e as NetworkMapEvent), next.maps[kind]?.state ?? initialNetworkMapState());
      next.maps[kind] = { revision, state };
    } else {
      const state = append.events.reduce((s, e) => evolveInstitution(s, e as InstitutionRegistered), initialInstitutionState()) as RegisteredInstitution;
      next.institutions.push({ id: state.institutionId, state });
    }
  }
  return next;
};

const registered = (id: string, details: object, extra: Partial<RegisteredInstitution> = {}): { id: string; state: RegisteredInstitution } => {
  const state: InstitutionState = evolveInstitution(initialInstitutionState(), {
    type: 'InstitutionRegistered',
    data: { institutionId: id, department: DEPARTMENT, externalCode: null, website: null, ...(details as object) } as InstitutionRegistered['data'],
  });
  return { id, state: { ...(state as RegisteredInstitution), ...extra } };
};

const mapOf = (events: NetworkMapEvent[]) => ({ revision: events.length - 1, state: events.reduce(evolveNetworkMap, initialNetworkMapState()) });

// ---- given / when / then ----

const given = (world: ImportWorld = emptyWorld()) => ({
  when: (input: ImportInput) => {
    const plan = planImport(withClaims(world, input), input);
    const outcomes = plan.rows.map((r) => [r.row, r.entity, r.outcome]);
    const then = {
      plan,
      rows: (expected: (string | number)[][]) => {
        expect(outcomes).toEqual(expected);
        return then;
      },
      rejects: (row: string | number, entity: ImportRowOutcome['entity'], expected: Partial<ImportRowOutcome>) => {
        expect(plan.rows.find((r) => r.row === row && r.entity === entity)).toMatchObject({ outcome: 'rejected', ...expected });
        expect(plan.appends).toEqual([]);
        return then;
      },
    };
    return then;
  },
});

describe('import planning', () => {
  describe('on an empty department', () => {
    it('creates the institutions, the network, its members and its anchor, in document order', () => {
      const { plan } = given()
        .when(baseFile)
        .rows([
          ['institutions[0]', 'institution', 'created'],
          ['institutions[1]', 'institution', 'created'],
          ['institutions[2]', 'institution', 'created'],
          ['networks[0]', 'network', 'created'],
          ['networks[0].members[0]', 'membership', 'created'],
          ['networks[0].members[1]', 'membership', 'created'],
          ['networks[0].members[2]', 'membership', 'created'],
          ['networks[0].anchor', 'anchor', 'created'],
        ]);
      expect(plan.counts).toEqual({
        created: { institutions: 3, networks: 1, memberships: 3, anchors: 1 },
        unchanged: { institutions: 0, networks: 0, memberships: 0, anchors: 0 },
        rejected: 0,
        rejectedByRule: {},
      });
      const murygino = importedInstitutionId(DEPARTMENT, { externalCode: '4329005370', shortName: '', settlement: '' });
      const losnoe = importedInstitutionId(DEPARTMENT, { shortName: 'МБОУ Лосненская СШ', settlement: 'с. Лосное' });
      const district = importedNetworkId(DEPARTMENT, { kind: 'educational-district', name: 'Школьный округ № 3', number: '3' });
      expect(plan.rows[0].id).toBe(murygino);
      expect(plan.rows[3].id).toBe(district);
      // The claim of the code, the three institutions (new streams), then the map at the revision read.
      expect(plan.appends.map((a) => [a.streamId, a.expectedRevision, a.events.map((e) => e.type)])).toEqual([
        [codeClaimStream(DEPARTMENT, '4329005370'), 'no_stream', ['ExternalCodeClaimed']],
        [institutionStream(murygino), 'no_stream', ['InstitutionRegistered']],
        [institutionStream(losnoe), 'no_stream', ['InstitutionRegistered']],
        [expect.stringMatching(/^Institution-/), 'no_stream', ['InstitutionRegistered']],
        [networkMapStream(DEPARTMENT, 'educational-district'), 'no_stream', ['NetworkRegistered', 'MemberAdmitted', 'MemberAdmitted', 'MemberAdmitted', 'AnchorSet']],
      ]);
      const map = plan.appends[4];
      expect(map.events[3]).toEqual({
        type: 'MemberAdmitted',
        data: { networkId: district, institutionId: expect.any(String), role: 'partner', from: '2020-09-01' },
        effectiveAt: '2020-09-01',
      });
      expect(map.events[0].effectiveAt).toBeUndefined();
      expect(map.events[4]).toMatchObject({ data: { institutionId: murygino, from: '2020-09-01' }, effectiveAt: '2020-09-01' });
    });

    it('reads the same institutions from CSV, an anchor row being a member and the anchor', () => {
      const csv = readCsvImport(
        [
          'fullName,shortName,kind,settlement,externalCode,website,network,networkKind,networkNumber,role,from',
          `"${MURYGINO.fullName}",МБОУ Мурыгинская СШ,general-school,пгт Мурыгино,4329005370,,Школьный округ № 3,educational-district,3,anchor,2020-09-01`,
          `"${LOSNOE.fullName}",МБОУ Лосненская СШ,general-school,с. Лосное,,,Школьный округ № 3,educational-district,3,member,2020-09-01`,
          `"МБ ДОУ детский сад № 21, пгт Мурыгино",МБ ДОУ детский сад № 21,kindergarten,пгт Мурыгино,,,Школьный округ № 3,educational-district,3,partner,2020-09-01`,
        ].join('\r\n'),
      );
      const { plan } = given()
        .when(csv)
        .rows([
          [1, 'institution', 'created'],
          [1, 'network', 'created'],
          [1, 'membership', 'created'],
          [1, 'anchor', 'created'],
          [2, 'institution', 'created'],
          [2, 'membership', 'created'],
          [3, 'institution', 'created'],
          [3, 'membership', 'created'],
        ]);
      expect(plan.appends.at(-1)!.events.map((e) => e.type)).toEqual(['NetworkRegistered', 'MemberAdmitted', 'MemberAdmitted', 'MemberAdmitted', 'AnchorSet']);
      expect(plan.rows[2].key).toBe('МБОУ Мурыгинская СШ, пгт Мурыгино [4329005370] in «Школьный округ № 3» № 3 (educational-district)');
    });

    it('lets a CSV row repeat an institution to add a membership of another kind', () => {
      const header = 'fullName,shortName,kind,settlement,network,networkKind,role,from';
      const row = `"${LOSNOE.fullName}",МБОУ Лосненская СШ,general-school,с. Лосное`;
      given()
        .when(readCsvImport([header, `${row},Школьный округ № 3,educational-district,member,2020-09-01`, `${row},Совет директоров,council-of-heads,member,2021-01-15`].join('\n')))
        .rows([
          [1, 'institution', 'created'],
          [1, 'network', 'created'],
          [1, 'membership', 'created'],
          [2, 'network', 'created'],
          [2, 'membership', 'created'],
        ]);
    });
  });

  describe('importing again', () => {
    it('finds everything the same file created: all unchanged, nothing to append', () => {
      const first = planImport(withClaims(emptyWorld(), baseFile), baseFile);
      const { plan } = given(afterWriting(withClaims(emptyWorld(), baseFile), first)).when(baseFile);
      expect(plan.rows.every((r) => r.outcome === 'unchanged')).toBe(true);
      expect(plan.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
      expect(plan.counts.unchanged).toEqual({ institutions: 3, networks: 1, memberships: 3, anchors: 1 });
      expect(plan.appends).toEqual([]);
    });

    it('matches institutions registered through the API by (shortName, settlement) and by code, and their memberships', () => {
      const losnoe = registered('api-losnoe', LOSNOE);
      const murygino = registered('api-murygino', { ...MURYGINO });
      const district = mapOf([
        { type: 'NetworkRegistered', data: { networkId: 'api-d3', department: DEPARTMENT, kind: 'educational-district', name: 'Школьный округ № 3', number: '3', description: null, website: null } },
        { type: 'MemberAdmitted', data: { networkId: 'api-d3', institutionId: 'api-losnoe', role: 'member', from: '2019-09-01' } },
      ]);
      const world: ImportWorld = {
        ...emptyWorld(),
        institutions: [losnoe, murygino],
        codes: { '4329005370': { streamId: codeClaimStream(DEPARTMENT, '4329005370'), revision: 0, claimant: 'api-murygino', holder: 'api-murygino' } },
        maps: { 'educational-district': district },
      };
      const { plan } = given(world)
        .when(baseFile)
        .rows([
          ['institutions[0]', 'institution', 'unchanged'],
          ['institutions[1]', 'institution', 'unchanged'],
          ['institutions[2]', 'institution', 'created'],
          ['networks[0]', 'network', 'unchanged'],
          ['networks[0].members[0]', 'membership', 'created'],
          // A member since 2019: the membership holds on 2020-09-01.
          ['networks[0].members[1]', 'membership', 'unchanged'],
          ['networks[0].members[2]', 'membership', 'created'],
          ['networks[0].anchor', 'anchor', 'created'],
        ]);
      expect(plan.rows.slice(0, 2).map((r) => r.id)).toEqual(['api-murygino', 'api-losnoe']);
      const map = plan.appends.find((a) => streamCategory(a.streamId) === 'NetworkMap')!;
      expect(map.expectedRevision).toBe(1);
      expect(map.events.map((e) => e.type)).toEqual(['MemberAdmitted', 'MemberAdmitted', 'AnchorSet']);
      // No claim: the code is already Мурыгинская's.
      expect(plan.appends.some((a) => streamCategory(a.streamId) === 'ExternalCode')).toBe(false);
    });

    it('reports as created what this import wrote in an earlier, partly written attempt', () => {
      const first = planImport(withClaims(emptyWorld(), baseFile), baseFile);
      const world = afterWriting(withClaims(emptyWorld(), baseFile), first);
      world.institutions = world.institutions.map((i) => ({ ...i, createdByThisImport: true }));
      const { plan } = given(world).when(baseFile);
      expect(plan.counts.created.institutions).toBe(3);
      expect(plan.counts.unchanged.networks).toBe(1);
    });
  });

  describe('rejections (and then nothing is appended)', () => {
    it('checks values row by row, naming the field', () => {
      given()
        .when(json({ institutions: [{ ...LOSNOE, kind: 'school' }, { ...RYABTSY, fullName: ' ', website: 'ftp://x' }] }))
        .rejects('institutions[0]', 'institution', { field: 'kind', rule: 'invalid-value', reason: expect.stringContaining('kind must be one of the following values: general-school') })
        .rejects('institutions[1]', 'institution', { field: 'fullName', reason: 'fullName is required; website must be a URL address starting with http:// or https://' });
      given()
        .when(json({ institutions: [LOSNOE], networks: [{ ...DISTRICT, kind: 'district', members: [member('МБОУ Лосненская СШ', '2020-02-30', 'anchor')] }] }))
        .rejects('networks[0]', 'network', { field: 'kind' })
        .rejects('networks[0].members[0]', 'membership', { rule: 'depends-on-rejected-row', reason: 'the network of row networks[0] is rejected' });
      given()
        .when(json({ institutions: [LOSNOE], networks: [{ ...DISTRICT, members: [member('МБОУ Лосненская СШ', '2020-02-30', 'anchor')] }] }))
        .rejects('networks[0].members[0]', 'membership', { field: 'role', reason: expect.stringMatching(/role must be one of .*; from must be a date written YYYY-MM-DD/) });
    });

    it('refuses duplicates inside the file', () => {
      given()
        .when(json({ institutions: [LOSNOE, RYABTSY, { ...LOSNOE, fullName: 'другое' }], networks: [{ ...DISTRICT, members: [member('МБОУ Рябцевская ОШ'), member('МБОУ Рябцевская ОШ', '2021-09-01')] }, DISTRICT] }))
        .rejects('institutions[2]', 'institution', { rule: 'duplicate-row', reason: 'the same institution as row institutions[0]' })
        .rejects('networks[0].members[1]', 'membership', { rule: 'duplicate-row', reason: 'the same membership as row networks[0].members[0]' })
        .rejects('networks[1]', 'network', { rule: 'duplicate-row' });
    });

    it('refuses references that resolve to nothing, or to several institutions', () => {
      const kindergarten = (n: number, settlement: string) => ({ fullName: `МБ ДОУ детский сад № ${n}`, shortName: `МБ ДОУ детский сад № ${n}`, kind: 'kindergarten', settlement });
      given()
        .when(json({ institutions: [kindergarten(3, 'пгт Мурыгино'), kindergarten(3, 'с. Лосное')], networks: [{ ...DISTRICT, members: [member('МБ ДОУ детский сад № 3'), member('МБОУ Переснянская СШ')] }] }))
        .rejects('networks[0].members[0]', 'membership', { rule: 'ambiguous-reference', field: 'institution' })
        .rejects('networks[0].members[1]', 'membership', { rule: 'unresolved-reference', reason: expect.stringContaining('«МБОУ Переснянская СШ»') });
    });

    it('runs the network rules across rows: one network of a kind at a time', () => {
      given()
        .when(json({ institutions: [LOSNOE], networks: [{ ...DISTRICT, members: [member('МБОУ Лосненская СШ')] }, { name: 'Школьный округ № 4', kind: 'educational-district', members: [member('МБОУ Лосненская СШ', '2021-09-01')] }] }))
        .rows([
          ['institutions[0]', 'institution', 'created'],
          ['networks[0]', 'network', 'created'],
          ['networks[0].members[0]', 'membership', 'created'],
          ['networks[1]', 'network', 'created'],
          ['networks[1].members[0]', 'membership', 'rejected'],
        ])
        .rejects('networks[1].members[0]', 'membership', { rule: 'one-network-per-kind' });
    });

    it('runs the network rules against what is recorded', () => {
      const losnoe = registered('api-losnoe', LOSNOE);
      const closed = registered('api-pesni', school('МБОУ Переснянская СШ', 'с. Песни'), { status: 'closed', closedOn: '2019-06-30' });
      const other = mapOf([
        { type: 'NetworkRegistered', data: { networkId: 'api-d1', department: DEPARTMENT, kind: 'educational-district', name: 'Школьный округ № 1', number: '1', description: null, website: null } },
        { type: 'MemberAdmitted', data: { networkId: 'api-d1', institutionId: 'api-losnoe', role: 'member', from: '2018-09-01' } },
      ]);
      given({ ...emptyWorld(), institutions: [losnoe, closed], maps: { 'educational-district': other } })
        .when(json({ networks: [{ ...DISTRICT, members: [member('МБОУ Лосненская СШ'), member('МБОУ Переснянская СШ')] }] }))
        .rejects('networks[0].members[0]', 'membership', { rule: 'one-network-per-kind', reason: expect.stringContaining('Школьный округ № 1') })
        .rejects('networks[0].members[1]', 'membership', { rule: 'institution-closed' });
    });

    it('never changes a registered institution silently', () => {
      given({ ...emptyWorld(), institutions: [registered('api-losnoe', { ...LOSNOE, kind: 'educational-complex' })] })
        .when(json({ institutions: [LOSNOE] }))
        .rejects('institutions[0]', 'institution', {
          rule: 'registered-with-different-details',
          field: 'kind',
          reason: 'registered with different details: kind is «educational-complex», the file says «general-school»; correct it through the API',
        });
    });

    it('refuses a code another institution holds, and rows that depend on a rejected one', () => {
      const world = { ...emptyWorld(), codes: { '4329005370': { streamId: codeClaimStream(DEPARTMENT, '4329005370'), revision: 0, claimant: 'in-flight', holder: 'in-flight' } } };
      given(world)
        .when(baseFile)
        .rejects('institutions[0]', 'institution', { rule: 'external-code-taken' })
        .rejects('networks[0].members[0]', 'membership', { rule: 'depends-on-rejected-row', reason: 'the institution of row institutions[0] is rejected' })
        .rejects('networks[0].anchor', 'anchor', { rule: 'depends-on-rejected-row' });
    });

    it('refuses another anchor than the recorded one, a different role, and an anchor that is no member', () => {
      const first = planImport(withClaims(emptyWorld(), baseFile), baseFile);
      const world = afterWriting(withClaims(emptyWorld(), baseFile), first);
      given(world)
        .when(json({ networks: [{ ...DISTRICT, anchor: 'МБОУ Лосненская СШ', members: [member('МБОУ Рябцевская ОШ')] }] }))
        .rejects('networks[0].members[0]', 'membership', { rule: 'registered-with-different-details', field: 'role', reason: expect.stringContaining('is a partner of') })
        .rejects('networks[0].anchor', 'anchor', { rule: 'anchor-taken' });
      given()
        .when(json({ institutions: [LOSNOE, RYABTSY], networks: [{ ...DISTRICT, anchor: 'МБОУ Рябцевская ОШ', members: [member('МБОУ Лосненская СШ')] }] }))
        .rejects('networks[0].anchor', 'anchor', { rule: 'anchor-must-be-member' });
    });

    it('reports CSV rows that could not be read, and a membership without a network', () => {
      const csv = readCsvImport(['fullName;shortName;kind;settlement;network;role;from', 'A;B;general-school', 'C;D;general-school;E;;member;2020-09-01'].join('\n'));
      given()
        .when(csv)
        .rows([
          [1, 'institution', 'rejected'],
          [2, 'institution', 'created'],
          [2, 'membership', 'rejected'],
        ])
        .rejects(1, 'institution', { rule: 'invalid-row', reason: expect.stringContaining('the row has 3 fields, the header 7') })
        .rejects(2, 'membership', { field: 'network', reason: 'network is required when role is given' });
    });
  });

  describe('the events to append', () => {
    const context: CommandContext = {
      actor: { id: 'operator.petrova', role: 'operator' },
      department: DEPARTMENT,
      commandId: 'cmd-1',
      correlationId: 'corr-1',
      source: 'api',
      receivedAt: new Date('2026-01-15T10:00:00Z'),
    };

    it('carry source import, the caller and the effective date; their ids derive from the input and the stream', () => {
      const plan = planImport(withClaims(emptyWorld(), baseFile), baseFile);
      const appends = toStreamAppends(plan, context, hashInput(baseFile));
      const admitted = appends.at(-1)!.events[1];
      expect(admitted.metadata).toMatchObject({ source: 'import', actor: context.actor, department: DEPARTMENT, correlationId: 'corr-1', effectiveAt: '2020-09-01' });
      const again = toStreamAppends(plan, { ...context, commandId: 'cmd-2' }, hashInput(readJsonImport(JSON.parse(JSON.stringify(baseFileBody)))));
      expect(again.flatMap((a) => a.events.map((e) => e.id))).toEqual(appends.flatMap((a) => a.events.map((e) => e.id)));
      const other = toStreamAppends(plan, context, hashInput(json({ institutions: [LOSNOE] })));
      expect(other[0].events[0].id).not.toBe(appends[0].events[0].id);
      expect(new Set(appends.flatMap((a) => a.events.map((e) => e.id))).size).toBe(plan.appends.reduce((n, a) => n + a.events.length, 0));
    });
  });
});
