// The reference scenarios — the outputs AWS CLI v2 2.33.31 printed, recorded in
// test/reference/fixtures/ — replayed through something users install. One test file per target
// (reference-*.test.ts), so that the targets run side by side.
import { describe, expect, test } from 'vitest';
import { registerOurBinary } from '../helpers/cli';
import { expectSameResult } from '../helpers/differential';
import { runScenario } from '../helpers/scenario';
import { caseFiles } from '../reference/load';

export function replayReferenceScenarios(label: string, binary: string, env: Record<string, string> = {}): void {
  registerOurBinary(binary);
  describe(label, () => {
    for (const { file, scenarios, fixtures } of caseFiles) {
      for (const scenario of scenarios) {
        test.concurrent(`matches 2.33.31: ${file}: ${scenario.name}`, async () => {
          const recorded = fixtures[scenario.name];
          expect(recorded, `no recorded 2.33.31 output for "${scenario.name}"`).toBeDefined();
          const ours = await runScenario([binary], scenario, env);
          expectSameResult(ours, { ...recorded!, signal: null }, scenario.name);
          if (recorded!.requests !== undefined) expect(ours.requests.length, `${scenario.name}: requests`).toBe(recorded!.requests);
        });
      }
    }
  });
}
