// Ctrl-C while another program owns the terminal (a pager): the program handles the key itself,
// and this process must neither die nor print underneath it. The CLI's own Ctrl-C handler
// (cli/main.ts) is set aside for that time and put back afterwards.

export interface IgnoredInterrupts {
  /** Whether Ctrl-C was pressed while ignored. */
  readonly pressed: boolean;
  /** Puts the previous SIGINT handlers back. */
  restore(): void;
}

export function ignoreInterrupts(): IgnoredInterrupts {
  const saved = process.rawListeners('SIGINT') as Array<(...args: unknown[]) => void>;
  process.removeAllListeners('SIGINT');
  let pressed = false;
  const swallow = () => {
    pressed = true;
  };
  process.on('SIGINT', swallow);
  return {
    get pressed() {
      return pressed;
    },
    restore() {
      process.off('SIGINT', swallow);
      for (const listener of saved) process.on('SIGINT', listener);
    },
  };
}
