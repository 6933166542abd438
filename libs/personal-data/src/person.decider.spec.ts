import { DeciderSpecification } from '@app/testing/decider-specification';
import { PersonalDataErased, personDecider } from './person.decider';

const spec = DeciderSpecification.for(personDecider);
const personId = '0190f7a1-0000-7000-8000-000000000001';
const erased: PersonalDataErased = { type: 'PersonalDataErased', data: { personId, erasedAt: '2025-03-12T10:30:00.000Z' } };

describe('person decider', () => {
  describe('a person not erased', () => {
    it('records the erasure with the instant of the vault’s tombstone', () => {
      spec.given([]).when({ type: 'ErasePerson', data: erased.data }).then([erased]);
    });
  });
  describe('an erased person', () => {
    it('records nothing more, whenever and however often the erasure is asked again', () => {
      spec.given([erased]).when({ type: 'ErasePerson', data: erased.data }).then([]);
      spec.given([erased]).when({ type: 'ErasePerson', data: { personId, erasedAt: '2026-01-01T00:00:00.000Z' } }).then([]);
    });
  });
});
