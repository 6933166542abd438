import { Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInput, isUuid } from '@app/kernel';

/** Path ids are UUIDs; anything else is a field error, not a lookup. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw new InvalidInput('the id in the path is invalid', [{ field: 'id', messages: ['id must be a UUID'] }]);
    return value.toLowerCase();
  }
}
