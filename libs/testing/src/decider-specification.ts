import { Decider } from '@app/kernel';

/**
 * Given/when/then for deciders:
 * `spec.given([...events]).when(command).then([...events])` or `.thenThrows(ErrorClass, /message/)`.
 */
export const DeciderSpecification = {
  for<S, C, E>(decider: Decider<S, C, E>) {
    return {
      given(events: E[]) {
        return {
          when(command: C) {
            const run = (): E[] => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
            return {
              then(expected: E[]): void {
                expect(run()).toEqual(expected);
              },
              thenThrows(errorType: new (...args: never[]) => Error, check?: RegExp | ((error: Error) => void)): void {
                let thrown: unknown;
                try {
                  run();
                } catch (error) {
                  thrown = error;
                }
                expect(thrown).toBeInstanceOf(errorType);
                if (check instanceof RegExp) expect((thrown as Error).message).toMatch(check);
                else if (check) check(thrown as Error);
              },
            };
          },
        };
      },
    };
  },
};
