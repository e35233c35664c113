// Tests that need something this machine may lack (tmux, zsh, a Python module) skip and say why,
// rather than vanish from the report.
import type { TestContext } from 'vitest';

/** A hook or test body that skips the running test, saying why, unless `condition` holds. */
export function skipUnless(condition: boolean, why: string): (context: TestContext) => void {
  return (context) => {
    if (!condition) context.skip(why);
  };
}
