// The global option table is the one source of the flags and of the type of the parsed options:
// the names the code uses and the keys the parser stores values under must be commander's.
import { describe, expect, test } from 'vitest';
import { Option } from 'commander';
import { globalDest, globalFlags, globalOptions, versionOption } from '../../src/model/globals';

describe('global option table', () => {
  test('each flag is stored under the key commander gives it (Globals is computed with the same rule)', () => {
    for (const { flag } of globalOptions) expect(globalDest(flag), flag).toBe(new Option(flag).attributeName());
  });

  test('each flag has a name: camel case without the dashes', () => {
    expect(globalFlags.cliAutoPrompt).toBe('--cli-auto-prompt');
    expect(globalFlags.noCliAutoPrompt).toBe('--no-cli-auto-prompt');
    expect(Object.values(globalFlags)).toEqual(globalOptions.map((o) => o.flag));
  });

  test('--version is listed after one of the table\'s options', () => {
    expect(globalOptions.map((o) => o.flag)).toContain(versionOption.listedAfter);
  });
});
