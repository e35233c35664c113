// One run of the CLI as its phases see it: the run's Io, and what the run works out once and
// reuses (the config files it parsed). It is handed down from run() instead of being kept in
// module variables, so that two runs in one process (tests, a program embedding run()) never
// share or overwrite each other's state.
import type { Globals } from '../model/globals';
import type { Io } from './io';

export interface RunContext {
  readonly io: Io;
  readonly memo: RunMemo;
}

/** A run whose global options have been parsed. */
export interface CommandContext extends RunContext {
  readonly globals: Globals;
}

export function newRunContext(io: Io): RunContext {
  return { io, memo: new RunMemo() };
}

export function withGlobals(ctx: RunContext, globals: Globals): CommandContext {
  return { ...ctx, globals };
}

/** One kind of value a layer keeps for the length of a run; the layer that defines it owns it. */
export class MemoSlot<T> {
  constructor(readonly make: () => T) {}
}

/** The values a run has made, each on first use. */
export class RunMemo {
  private readonly values = new Map<MemoSlot<unknown>, unknown>();

  get<T>(slot: MemoSlot<T>): T {
    if (!this.values.has(slot)) this.values.set(slot, slot.make());
    return this.values.get(slot) as T;
  }
}
