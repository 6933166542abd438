import { randomUUID } from 'node:crypto';
import { InvalidInput, NotFound, RuleViolated } from '@app/kernel';
import { PersonRecord, PersonalDataVault } from './personal-data-vault.port';

export interface PersonalDataVaultUnderTest {
  vault: PersonalDataVault;
  /** Closes the vault and opens it again on the same data. */
  reopen: () => Promise<PersonalDataVault>;
  /**
   * Whether `text` is still anywhere in what the adapter stores (the raw bytes of a file, every
   * raw document): how the suite checks that an erasure is real, not a hidden row.
   */
  storageContains?: (text: string) => Promise<boolean>;
  cleanup: () => Promise<void>;
}

/**
 * The behaviour every PersonalDataVault adapter must have. Each test uses fresh person ids and
 * department names, so the suite also runs against a shared server.
 */
export const personalDataVaultContract = (name: string, open: () => Promise<PersonalDataVaultUnderTest>): void => {
  describe(`PersonalDataVault contract: ${name}`, () => {
    let subject: PersonalDataVaultUnderTest;
    let vault: PersonalDataVault;

    beforeEach(async () => {
      subject = await open();
      vault = subject.vault;
    });

    afterEach(async () => {
      await subject.cleanup();
    });

    const department = (): string => `dept-${randomUUID().slice(0, 8)}`;
    const person = (dept: string, fullName: string, overrides: Partial<PersonRecord> = {}): PersonRecord => ({
      personId: randomUUID(),
      department: dept,
      fullName,
      recordedAt: '2024-09-02T08:00:00.000Z',
      recordedBy: 'actor-registrar',
      ...overrides,
    });
    const by = { actorId: 'actor-dpo', reason: 'request of the data subject, letter 17/2025', at: '2025-03-14T10:30:00.000Z' };
    const one = async (dept: string, personId: string) => (await vault.lookup(dept, [personId])).get(personId);

    it('records a name and looks it up, many ids in one call, unknown ids as unknown', async () => {
      const dept = department();
      const head = person(dept, 'Олена Петрівна Коваленко');
      const deputy = person(dept, 'Ірина Василівна Бондар');
      await vault.record(head);
      await vault.record(deputy);
      const stranger = randomUUID();

      const found = await vault.lookup(dept, [head.personId, stranger, deputy.personId, head.personId, 'not-a-uuid']);
      expect([...found.keys()]).toEqual([head.personId, stranger, deputy.personId, 'not-a-uuid']);
      expect(found.get(head.personId)).toEqual({ personId: head.personId, status: 'present', fullName: 'Олена Петрівна Коваленко' });
      expect(found.get(deputy.personId)).toEqual({ personId: deputy.personId, status: 'present', fullName: 'Ірина Василівна Бондар' });
      expect(found.get(stranger)).toEqual({ personId: stranger, status: 'unknown' });
      expect(found.get('not-a-uuid')).toEqual({ personId: 'not-a-uuid', status: 'unknown' });
      expect((await vault.lookup(dept, [])).size).toBe(0);
    });

    it('keeps a recorded name across a reopen, trimmed', async () => {
      const dept = department();
      const head = person(dept, '  Марія Іванівна Шевчук ');
      await vault.record(head);
      vault = await subject.reopen();
      expect(await one(dept, head.personId)).toEqual({ personId: head.personId, status: 'present', fullName: 'Марія Іванівна Шевчук' });
    });

    it('replaces a name: only the newest is current; recording the same name again changes nothing', async () => {
      const dept = department();
      const head = person(dept, 'Наталія Олегівна Ткаченко');
      await vault.record(head);
      await vault.record({ ...head, fullName: 'Наталія Олегівна Мельник', recordedAt: '2025-01-10T09:00:00.000Z' });
      await vault.record({ ...head, fullName: 'Наталія Олегівна Мельник', recordedAt: '2025-01-11T09:00:00.000Z' });
      expect(await one(dept, head.personId)).toEqual({ personId: head.personId, status: 'present', fullName: 'Наталія Олегівна Мельник' });
      await vault.record({ ...head, fullName: 'Наталія Олегівна Ткаченко', recordedAt: '2025-02-01T09:00:00.000Z' });
      expect(await one(dept, head.personId)).toMatchObject({ status: 'present', fullName: 'Наталія Олегівна Ткаченко' });
    });

    it('keeps departments apart', async () => {
      const mine = department();
      const theirs = department();
      const head = person(mine, 'Оксана Миколаївна Лисенко');
      await vault.record(head);

      expect(await one(theirs, head.personId)).toEqual({ personId: head.personId, status: 'unknown' });
      await expect(vault.record({ ...head, department: theirs, fullName: 'Хтось Інший' })).rejects.toMatchObject({
        code: 'person-of-another-department',
      });
      await expect(vault.erase(theirs, head.personId, by)).rejects.toBeInstanceOf(NotFound);
      expect(await one(mine, head.personId)).toMatchObject({ status: 'present', fullName: 'Оксана Миколаївна Лисенко' });

      await vault.erase(mine, head.personId, by);
      expect(await one(theirs, head.personId)).toEqual({ personId: head.personId, status: 'unknown' });
      await expect(vault.erase(theirs, head.personId, by)).rejects.toBeInstanceOf(NotFound);
    });

    it('erases: the name is gone, the person reads as erased, the tombstone says when, why and by whom', async () => {
      const dept = department();
      const head = person(dept, 'Галина Степанівна Романенко');
      const other = person(dept, 'Тетяна Юріївна Савченко');
      await vault.record(head);
      await vault.record({ ...head, fullName: 'Галина Степанівна Кравець', recordedAt: '2024-12-01T08:00:00.000Z' });
      await vault.record(other);

      const erased = await vault.erase(dept, head.personId, by);
      expect(erased).toEqual({ personId: head.personId, department: dept, erasedAt: by.at, erasedBy: by.actorId, reason: by.reason });
      expect(await one(dept, head.personId)).toEqual({ personId: head.personId, status: 'erased', erasedAt: by.at });
      expect(await one(dept, other.personId)).toMatchObject({ status: 'present', fullName: 'Тетяна Юріївна Савченко' });
    });

    it('erases idempotently: erasing again returns the first tombstone', async () => {
      const dept = department();
      const head = person(dept, 'Людмила Андріївна Гончаренко');
      await vault.record(head);
      const first = await vault.erase(dept, head.personId, by);
      const again = await vault.erase(dept, head.personId, { actorId: 'actor-other', reason: 'repeated request', at: '2025-04-01T00:00:00.000Z' });
      expect(again).toEqual(first);
      expect(await one(dept, head.personId)).toEqual({ personId: head.personId, status: 'erased', erasedAt: by.at });
    });

    it('settles concurrent erasures of one person on one tombstone', async () => {
      const dept = department();
      const head = person(dept, 'Зоряна Богданівна Остапчук');
      await vault.record(head);
      const erasures = await Promise.all(
        ['actor-dpo', 'actor-dpo-2', 'actor-dpo-3', 'actor-dpo-4'].map((actorId, i) =>
          vault.erase(dept, head.personId, { actorId, reason: `request ${i}`, at: `2025-03-1${i}T10:30:00.000Z` }),
        ),
      );
      expect(new Set(erasures.map((erased) => JSON.stringify(erased))).size).toBe(1);
      expect(await one(dept, head.personId)).toEqual({ personId: head.personId, status: 'erased', erasedAt: erasures[0].erasedAt });
    });

    it('keeps an erasure across a reopen', async () => {
      const dept = department();
      const head = person(dept, 'Валентина Петрівна Кузьменко');
      await vault.record(head);
      await vault.erase(dept, head.personId, by);
      vault = await subject.reopen();
      expect(await one(dept, head.personId)).toEqual({ personId: head.personId, status: 'erased', erasedAt: by.at });
      expect(await vault.erase(dept, head.personId, by)).toMatchObject({ erasedAt: by.at });
    });

    it('refuses a name for an erased person, who stays erased', async () => {
      const dept = department();
      const head = person(dept, 'Світлана Іванівна Павленко');
      await vault.record(head);
      await vault.erase(dept, head.personId, by);
      const refusal = await vault.record({ ...head, recordedAt: '2025-05-01T00:00:00.000Z' }).catch((error) => error);
      expect(refusal).toBeInstanceOf(RuleViolated);
      expect(refusal).toMatchObject({ code: 'person-erased' });
      expect(await one(dept, head.personId)).toEqual({ personId: head.personId, status: 'erased', erasedAt: by.at });
    });

    it('refuses to erase an unknown person', async () => {
      const failure = await vault.erase(department(), randomUUID(), by).catch((error) => error);
      expect(failure).toBeInstanceOf(NotFound);
      expect(failure).toMatchObject({ code: 'not-found', what: 'person' });
    });

    it('refuses malformed input field by field', async () => {
      const dept = department();
      await expect(vault.record(person(dept, 'Ім’я', { personId: 'head-1' }))).rejects.toMatchObject({
        errors: [{ field: 'personId', messages: ['personId must be a UUID'] }],
      });
      await expect(vault.record(person(dept, '   '))).rejects.toBeInstanceOf(InvalidInput);
      await expect(vault.record(person(dept, 'Ім’я', { recordedAt: 'yesterday' }))).rejects.toBeInstanceOf(InvalidInput);
      await expect(vault.record(person('', 'Ім’я'))).rejects.toBeInstanceOf(InvalidInput);
      const head = person(dept, 'Ім’я');
      await vault.record(head);
      await expect(vault.erase(dept, head.personId, { ...by, reason: ' ' })).rejects.toBeInstanceOf(InvalidInput);
      await expect(vault.erase(dept, head.personId, { ...by, actorId: '' })).rejects.toBeInstanceOf(InvalidInput);
      await expect(vault.lookup(dept, [42 as unknown as string])).rejects.toBeInstanceOf(InvalidInput);
      expect(await one(dept, head.personId)).toMatchObject({ status: 'present' });
    });

    it('settles concurrent recordings of one person on one of their names', async () => {
      const dept = department();
      const head = person(dept, 'Ім’я 0');
      await vault.record(head);
      const names = ['Ім’я 1', 'Ім’я 2', 'Ім’я 3', 'Ім’я 4', 'Ім’я 5'];
      await Promise.all(names.map((fullName, i) => vault.record({ ...head, fullName, recordedAt: `2025-01-0${i + 1}T00:00:00.000Z` })));
      const found = await one(dept, head.personId);
      expect(found?.status).toBe('present');
      expect(names).toContain((found as { fullName: string }).fullName);
    });

    it('answers a ping', async () => {
      expect(typeof (await vault.ping()).kind).toBe('string');
    });

    it('leaves no trace of an erased name, current or earlier, in its storage', async () => {
      if (!subject.storageContains) return;
      const dept = department();
      const current = 'Єфросинія Харитонівна Ґудзь-Щербатюк';
      const earlier = 'Єфросинія Харитонівна Жовтоголова';
      const kept = 'Феодосія Панкратівна Їжакевич';
      const head = person(dept, earlier);
      await vault.record(head);
      await vault.record({ ...head, fullName: current, recordedAt: '2025-01-10T09:00:00.000Z' });
      await vault.record(person(dept, kept));
      // The search finds what is there.
      expect(await subject.storageContains(current)).toBe(true);
      expect(await subject.storageContains(earlier)).toBe(true);

      await vault.erase(dept, head.personId, by);
      expect(await subject.storageContains(current)).toBe(false);
      expect(await subject.storageContains(earlier)).toBe(false);
      expect(await subject.storageContains(kept)).toBe(true);
      expect(await subject.storageContains(head.personId)).toBe(true);
    });
  });
};
