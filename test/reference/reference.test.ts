// Every scenario under cases/ is run with our binary and compared byte for byte with:
//  1. the output AWS CLI v2 2.33.31 (the reference) printed for it, recorded in fixtures/, and
//  2. the live real CLI at /usr/bin/aws (2.9.19), through the named version differences.
// Record or refresh fixtures with the 2.33.31 runner (not in CI):
//   RECORD_REFERENCE=1 AWS_CLI_GIT=<aws-cli git dir> npx vitest run test/reference
// The live comparison costs ~1.5 s of CPU per scenario (Python start-up of the real CLI), so by
// default it runs on a fixed third of the scenarios, spread over every case file; set
// LIVE_DIFFERENTIAL=all for every scenario (or none to skip it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { haveRealAws, ourBinary, projectRoot, realAws } from '../helpers/cli';
import { asReference, expectSameResult } from '../helpers/differential';
import { runScenario, type Scenario } from '../helpers/scenario';

const recording = process.env.RECORD_REFERENCE === '1';
const oracle = ['/usr/bin/env', `AWS_CLI_GIT=${process.env.AWS_CLI_GIT ?? ''}`, join(projectRoot, '..', 'shared', 'reference', 'oracle', 'aws233')];
const modules = import.meta.glob<{ scenarios: Scenario[] }>('./cases/*.ts', { eager: true });

/** What 2.33.31 did: its output, and how many requests each server got (recorded for scenarios that start servers). */
type Recorded = { stdout: string; stderr: string; code: number | null; requests?: Record<string, number> };

const liveMode = process.env.LIVE_DIFFERENTIAL ?? 'sample';
/** A stable third of the scenarios, chosen by name so that adding one does not reshuffle the rest. */
function inLiveSample(name: string): boolean {
  if (liveMode === 'all') return true;
  if (liveMode === 'none') return false;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return hash % 3 === 0;
}

/** Requests per server as 2.33.31 made them; a server the scenario says varies may get any of its listed counts. */
function expectSameCounts(ours: Record<string, number>, recorded: Record<string, number>, scenario: Scenario): void {
  const expected = { ...recorded };
  const actual = { ...ours };
  for (const [name, { counts }] of Object.entries(scenario.countsVary ?? {})) {
    if (actual[name] !== undefined && counts.includes(actual[name]!)) actual[name] = expected[name]!;
  }
  expect({ label: scenario.name, requests: actual }).toEqual({ label: scenario.name, requests: expected });
}

for (const [path, module] of Object.entries(modules)) {
  const file = path.replace(/^\.\/cases\//, '').replace(/\.ts$/, '');
  const fixturePath = join(projectRoot, 'test', 'reference', 'fixtures', `${file}.json`);
  const fixtures: Record<string, Recorded> = existsSync(fixturePath) ? JSON.parse(readFileSync(fixturePath, 'utf8')) : {};

  describe(`reference: ${file}`, () => {
    test('every scenario has its own name (fixtures are keyed by it)', () => {
      const names = module.scenarios.map((s) => s.name);
      expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    });
    if (recording) {
      afterAll(() => {
        const ordered = Object.fromEntries(module.scenarios.filter((s) => fixtures[s.name]).map((s) => [s.name, fixtures[s.name]]));
        writeFileSync(fixturePath, JSON.stringify(ordered, null, 2) + '\n');
      });
    }
    for (const scenario of module.scenarios) {
      test.concurrent(`matches 2.33.31: ${scenario.name}`, async () => {
        if (recording) {
          const ref = await runScenario(oracle, scenario);
          fixtures[scenario.name] = {
            stdout: ref.stdout,
            stderr: ref.stderr,
            code: ref.code,
            ...(Object.keys(ref.requestCounts).length ? { requests: ref.requestCounts } : {}),
          };
        }
        const recorded = fixtures[scenario.name];
        expect(recorded, `no recorded 2.33.31 output for "${scenario.name}"; record it (see top of file)`).toBeDefined();
        const ours = await runScenario([process.execPath, ourBinary], scenario);
        expectSameResult(ours, { ...recorded!, signal: null }, scenario.name);
        if (recorded!.requests) expectSameCounts(ours.requestCounts, recorded!.requests, scenario);
      });
      if (haveRealAws && !scenario.differsIn2919 && (recording || inLiveSample(`${file}/${scenario.name}`))) {
        test.concurrent(`matches live aws 2.9.19 (with version differences): ${scenario.name}`, async () => {
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
