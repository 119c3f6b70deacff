// Long whole-post work in core is written as generators that yield between
// pieces of a few milliseconds: a browser caller spreads them over tasks,
// Node and other synchronous callers `drain` them.

/** Work that yields between pieces and returns `T` at the end. */
export type Steps<T> = Generator<void, T>;

/** Runs steps to their end and returns their value. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
