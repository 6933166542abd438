import { IsString, MaxLength, getMetadataStorage, validate } from 'class-validator';
import { IsNotBlank, IsText } from './dto-support';

class Spelled {
  @IsString() @IsNotBlank() @MaxLength(5) name: string;
}

class Composed {
  @IsText(5) name: string;
}

const rulesOf = (target: Function) =>
  getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .map((rule) => [rule.propertyName, rule.name, rule.constraints]);

describe('IsText', () => {
  it('is @IsString() @IsNotBlank() @MaxLength(max): the same rules, in the same order', () => {
    expect(rulesOf(Composed)).toEqual(rulesOf(Spelled));
    expect(rulesOf(Composed).map(([, name]) => name)).toEqual(['maxLength', 'isNotBlank', 'isString']);
  });

  it('refuses with the same messages in the same order', async () => {
    for (const value of [42, '   ', 'far too long', '']) {
      const [spelled] = await validate(Object.assign(new Spelled(), { name: value }));
      const [composed] = await validate(Object.assign(new Composed(), { name: value }));
      expect(Object.entries(composed.constraints ?? {})).toEqual(Object.entries(spelled.constraints ?? {}));
    }
  });
});
