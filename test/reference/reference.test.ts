// Every scenario under cases/ is run with our binary and compared byte for byte with:
//  1. the output AWS CLI v2 2.33.31 (the reference) printed for it, recorded in fixtures/, and
//  2. the live real CLI at /usr/bin/aws (2.9.19), through the named version differences.
// Scenarios with a fake endpoint also record how many requests 2.33.31 made (fixtures recorded
// since that field exists), and ours must make as many.
// Record or refresh fixtures with the 2.33.31 runner (not in CI):
//   RECORD_REFERENCE=1 AWS_CLI_GIT=<aws-cli git dir> npx vitest run test/reference
// The live comparison costs ~1.5 s of CPU per scenario (Python start-up of the real CLI), so by
// default it runs on a fixed third of the scenarios, spread over every case file; set
// LIVE_DIFFERENTIAL=all for every scenario (or none to skip it).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ourBinary, projectRoot, realAws, skipWithoutRealAws } from '../helpers/cli';
import { asReference, expectSameResult } from '../helpers/differential';
import { runScenario } from '../helpers/scenario';
import { caseFiles } from './load';

const recording = process.env.RECORD_REFERENCE === '1';
const oracle = ['/usr/bin/env', `AWS_CLI_GIT=${process.env.AWS_CLI_GIT ?? ''}`, join(projectRoot, '..', 'shared', 'reference', 'oracle', 'aws233')];

const liveMode = process.env.LIVE_DIFFERENTIAL ?? 'sample';
/** A stable third of the scenarios, chosen by name so that adding one does not reshuffle the rest. */
function inLiveSample(name: string): boolean {
  if (liveMode === 'all') return true;
  if (liveMode === 'none') return false;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return hash % 3 === 0;
}

for (const { file, scenarios, fixturePath, fixtures } of caseFiles) {
  describe(`reference: ${file}`, () => {
    test('every scenario has its own name (fixtures are keyed by it)', () => {
      const names = scenarios.map((s) => s.name);
      expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    });
    if (recording) {
      afterAll(() => {
        const ordered = Object.fromEntries(scenarios.filter((s) => fixtures[s.name]).map((s) => [s.name, fixtures[s.name]]));
        writeFileSync(fixturePath, JSON.stringify(ordered, null, 2) + '\n');
      });
    }
    for (const scenario of scenarios) {
      test.concurrent(`matches 2.33.31: ${scenario.name}`, async () => {
        if (recording) {
          const ref = await runScenario(oracle, scenario);
          fixtures[scenario.name] = { stdout: ref.stdout, stderr: ref.stderr, code: ref.code, ...(scenario.replies ? { requests: ref.requests.length } : {}) };
        }
        const recorded = fixtures[scenario.name];
        expect(recorded, `no recorded 2.33.31 output for "${scenario.name}"; record it (see top of file)`).toBeDefined();
        const ours = await runScenario([process.execPath, ourBinary], scenario);
        expectSameResult(ours, { ...recorded!, signal: null }, scenario.name);
        // as many attempts as 2.33.31 made: retries are behaviour too
        if (recorded!.requests !== undefined) expect(ours.requests.length, `${scenario.name}: requests`).toBe(recorded!.requests);
      });
      if (!scenario.differsIn2919 && (recording || inLiveSample(`${file}/${scenario.name}`))) {
        test.concurrent(`matches live aws 2.9.19 (with version differences): ${scenario.name}`, async (context) => {
          skipWithoutRealAws(context);
          const [ours, real] = await Promise.all([
            runScenario([process.execPath, ourBinary], scenario),
            runScenario([realAws], scenario),
          ]);
          expectSameResult(ours, asReference(real), scenario.name);
        });
      }
    }
  });
}
