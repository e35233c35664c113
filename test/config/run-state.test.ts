// The configuration a run reads belongs to that run (its context), not to the process: two runs
// in one process, one started after a config file changed, each keep the file as they read it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createSession, loadConfigFiles } from '../../src/config/session';
import { newRunContext } from '../../src/runtime/context';
import { Io } from '../../src/runtime/io';

class QuietIo extends Io {
  readonly stdout = () => {};
  readonly stderr = () => {};
  readonly stdoutIsTty = false;
  readonly stdinIsTty = false;
  readonly cwd = tmpdir();
  constructor(readonly env: NodeJS.ProcessEnv) {
    super();
  }
  flush = () => Promise.resolve();
  input = () => process.stdin;
  screen = () => process.stdout;
  protected stdoutColumns = () => undefined;
}

test('two runs keep their own reading of the config file', () => {
  const home = mkdtempSync(join(tmpdir(), 'aws-run-state-'));
  const config = join(home, 'config');
  const env = { HOME: home, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials') };

  writeFileSync(config, '[default]\nregion = eu-west-1\n');
  const first = newRunContext(new QuietIo(env));
  loadConfigFiles(first);

  writeFileSync(config, '[default]\nregion = us-east-2\n');
  const second = newRunContext(new QuietIo(env));
  loadConfigFiles(second);

  expect(createSession(first, undefined).region(undefined)).toBe('eu-west-1');
  expect(createSession(second, undefined).region(undefined)).toBe('us-east-2');
});
