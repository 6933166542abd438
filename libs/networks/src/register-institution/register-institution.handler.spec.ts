import { CommandContext, RuleViolated, newId, metadataFor } from '@app/kernel';
import { StreamAppend } from '@app/event-store';
import { InMemoryEventStore } from '@app/read-store/testing/in-memory-event-store';
import { institutionStream } from '../institution/institution.decider';
import { externalCodeClaimStream } from '../institution/external-code-claim';
import { ExternalCodeRegistry } from '../institution/external-code-registry';
import { RegisterInstitutionDto } from './register-institution.dto';
import { RegisterInstitutionCommand } from './register-institution.command';
import { RegisterInstitutionHandler } from './register-institution.handler';

const DEPARTMENT = 'bakhmut';
const CLAIMS = externalCodeClaimStream(DEPARTMENT, 'UA-7');

const context = (): CommandContext => ({
  actor: { id: 'operator.koval', role: 'operator' },
  department: DEPARTMENT,
  commandId: newId(),
  correlationId: newId(),
  source: 'api',
  receivedAt: new Date(),
});
let serial = 0;
const school = (externalCode?: string): RegisterInstitutionDto => {
  serial++;
  return { fullName: `Загальноосвітня школа № ${serial}`, shortName: `ЗОШ № ${serial}`, kind: 'general-school', settlement: 'Бахмут', ...(externalCode ? { externalCode } : {}) };
};

/** The in-memory store, with another writer that gets in just before the next multi-stream append. */
class Store extends InMemoryEventStore {
  beforeNextAppendMany?: () => Promise<void>;
  override async appendMany(appends: StreamAppend[]) {
    const hook = this.beforeNextAppendMany;
    this.beforeNextAppendMany = undefined;
    if (hook) await hook();
    return super.appendMany(appends);
  }
}

describe('RegisterInstitutionHandler: the claim of an external code', () => {
  const setUp = () => {
    const store = new Store();
    const handler = new RegisterInstitutionHandler(store, new ExternalCodeRegistry(store));
    const register = (details: RegisterInstitutionDto) => handler.execute(new RegisterInstitutionCommand(details, context()));
    const claims = async () => (await store.readStream(CLAIMS)).map((e) => [e.type, (e.data as { institutionId: string }).institutionId]);
    return { store, register, claims };
  };

  it('claims the code in the same append as the registration, once', async () => {
    const { store, register, claims } = setUp();
    const appendMany = jest.spyOn(store, 'appendMany');
    const { id } = await register(school('UA-7'));
    expect(appendMany).toHaveBeenCalledTimes(1);
    expect(appendMany.mock.calls[0][0].map((a) => a.streamId)).toEqual([CLAIMS, institutionStream(id)]);
    expect(await claims()).toEqual([['ExternalCodeClaimed', id]]);
  });

  it('gives the code to one of ten registrations racing for it; the others are refused and append nothing', async () => {
    const { store, register, claims } = setUp();
    const answers = await Promise.allSettled(Array.from({ length: 10 }, () => register(school('UA-7'))));
    const registered = answers.filter((a): a is PromiseFulfilledResult<{ id: string; revision: number; position: number }> => a.status === 'fulfilled');
    expect(registered).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status === 'rejected')) {
      expect((answer as PromiseRejectedResult).reason).toMatchObject({ code: 'external-code-taken' });
    }
    expect(await claims()).toEqual([['ExternalCodeClaimed', registered[0].value.id]]);
    expect(await store.headPosition()).toBe(2);
  });

  it('reads the claim again when another claimant got in between, and is refused on it', async () => {
    const { store, register, claims } = setUp();
    const other = newId();
    store.beforeNextAppendMany = async () => {
      // The other claimant's registration lands first, claim and institution together.
      await store.appendMany([
        { streamId: CLAIMS, expectedRevision: 'no_stream', events: [{ id: newId(), type: 'ExternalCodeClaimed', data: { department: DEPARTMENT, code: 'UA-7', institutionId: other }, metadata: metadataFor(context()) }] },
        {
          streamId: institutionStream(other),
          expectedRevision: 'no_stream',
          events: [{ id: newId(), type: 'InstitutionRegistered', data: { institutionId: other, department: DEPARTMENT, ...school(), externalCode: 'UA-7', website: null }, metadata: metadataFor(context()) }],
        },
      ]);
    };
    const read = jest.spyOn(ExternalCodeRegistry.prototype, 'readFor');
    await expect(register(school('UA-7'))).rejects.toEqual(expect.any(RuleViolated));
    expect(read).toHaveBeenCalledTimes(2);
    expect(await claims()).toEqual([['ExternalCodeClaimed', other]]);
    read.mockRestore();
  });
});
