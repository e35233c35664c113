// The reference scenarios (cases/*.ts) with the outputs AWS CLI v2 2.33.31 printed for them
// (fixtures/*.json), for every suite that replays them: the checkout's binary
// (reference.test.ts), the installed package on each Node and the standalone executable
// (test/package/).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../helpers/cli';
import type { Scenario } from '../helpers/scenario';

/** What 2.33.31 did; `requests`: how many reached the fake endpoint (recorded for scenarios with replies). */
export type Recorded = { stdout: string; stderr: string; code: number | null; requests?: number };

export interface CaseFile {
  /** The case file's name: `config` for cases/config.ts. */
  readonly file: string;
  readonly scenarios: readonly Scenario[];
  readonly fixturePath: string;
  /** Recorded 2.33.31 results by scenario name (filled in while recording). */
  readonly fixtures: Record<string, Recorded>;
}

const modules = import.meta.glob<{ scenarios: Scenario[] }>('./cases/*.ts', { eager: true });

export const caseFiles: readonly CaseFile[] = Object.entries(modules).map(([path, module]) => {
  const file = path.replace(/^\.\/cases\//, '').replace(/\.ts$/, '');
  const fixturePath = join(projectRoot, 'test', 'reference', 'fixtures', `${file}.json`);
  const fixtures: Record<string, Recorded> = existsSync(fixturePath) ? JSON.parse(readFileSync(fixturePath, 'utf8')) : {};
  return { file, scenarios: module.scenarios, fixturePath, fixtures };
});
