/**
 * A decider: the whole write-side behaviour of an aggregate as plain functions and data.
 * `decide` is pure and throws a DomainError to refuse; the current time travels in the command.
 */
export interface Decider<State, Command, Event> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}

/** A domain event as deciders see it: a type tag and its payload. */
export interface DomainEvent<Type extends string = string, Data = Record<string, unknown>> {
  type: Type;
  data: Data;
}

/** Fails to compile when a switch does not handle every case. */
export const assertNever = (value: never): never => {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
};

/** Folds events onto the initial state. */
export const fold = <S, C, E>(decider: Decider<S, C, E>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());
