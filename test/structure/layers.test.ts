// The structure of src/ is checked like its behaviour: dependency-cruiser, with the rules of
// .dependency-cruiser.cjs (no file or folder cycles, type-only and dynamic imports included;
// no import against the layer order of docs/architecture.md; every import resolves; no orphans).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { projectRoot } from '../helpers/cli';

const run = promisify(execFile);

test('src/ keeps its layers: no cycles, no import against the layer order, none unresolved', async () => {
  const cli = 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs';
  const result = await run(process.execPath, [cli, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
    cwd: projectRoot,
  }).then(
    ({ stdout }) => ({ code: 0, report: stdout }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code, report: `${error.stdout}${error.stderr}` }),
  );
  // on failure the report names each offending import and the rule it breaks
  expect(result.report).toContain('no dependency violations found');
  expect(result.code).toBe(0);
}, 60_000);
