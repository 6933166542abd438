import { Injectable } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import { FieldError, InvalidInput, WriteResult } from '@app/kernel';
import { whenProblems } from '../event/when';
import { EventPeople } from './event-people';
import { EventWriter } from './event.writer';

/**
 * The handler of a command on an event or a series: the writer (facts, access, write path) and
 * the vault's names. A subclass declares no constructor and has only `execute`.
 */
@Injectable()
export abstract class EventHandler<C extends Command<WriteResult>> {
  constructor(
    protected readonly writer: EventWriter,
    protected readonly people: EventPeople,
  ) {}

  abstract execute(command: C): Promise<WriteResult>;
}

/**
 * The body as the deciders read it: plain data, without the fields a DTO left undefined (they
 * would read as given). JSON in, JSON out, so nothing else changes.
 */
export const plain = <T>(body: T): T => JSON.parse(JSON.stringify(body)) as T;

/**
 * Refuses a malformed when (400, field by field) before anything is written: the DTO checks each
 * field's form, this what the fields say together (a range's end before its start, a field of
 * another precision). The decider checks it again, as it checks every input.
 */
export const assertWhens = (...whens: Array<[unknown, string]>): void => {
  const problems: FieldError[] = whens.flatMap(([when, field]) => (when === undefined ? [] : whenProblems(plain(when), field)));
  if (problems.length) throw new InvalidInput('the request has invalid fields', problems);
};
