// One command-line scenario, runnable against any `aws` binary: a fresh HOME with the given
// files, an optional fake EC2 endpoint with scripted replies, and placeholders so that outputs
// recorded on one machine compare on another ({{ENDPOINT}}, {{HOME}}).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emptyHome, runCommand, type RunResult } from './cli';
import { FakeEc2, type RecordedRequest, type Reply } from './fake-ec2';

export interface Scenario {
  readonly name: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Files to create, paths relative to HOME ({{HOME}} in text is replaced; bytes are written as they are). */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** Start a fake EC2 endpoint answering these replies in order (then successes). */
  readonly replies?: readonly Reply[];
  readonly stdin?: string;
  /**
   * Why 2.9.19 cannot stand in for 2.33.31 on this scenario (a difference no VersionDifference
   * can rewrite, e.g. 2.9.19 lists every choice where 2.33.31 suggests close matches). Such
   * scenarios are checked against the recorded 2.33.31 output only.
   */
  readonly differsIn2919?: string;
}

export interface ScenarioRun extends RunResult {
  requests: RecordedRequest[];
}

/** Credentials and region most scenarios use; the secret is a test value that must never be printed. */
export const testKeys = {
  AWS_ACCESS_KEY_ID: 'AKIDTESTKEY00000000',
  AWS_SECRET_ACCESS_KEY: 'test/Secret+Key/ThatMustNeverBePrinted00',
} as const;

/**
 * Runs the scenario with `binary` (the command words before the arguments); `env` adds to the
 * environment every scenario starts from (a PATH with another Node first, say).
 */
export async function runScenario(binary: readonly string[], scenario: Scenario, env: Record<string, string> = {}): Promise<ScenarioRun> {
  const home = emptyHome();
  for (const [path, content] of Object.entries(scenario.files ?? {})) {
    const full = join(home, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content.replaceAll('{{HOME}}', home) : content);
  }
  const server = scenario.replies ? await new FakeEc2().reply(...scenario.replies).start() : undefined;
  const endpoint = server?.url ?? 'http://127.0.0.1:9';
  const fill = (s: string) => s.replaceAll('{{ENDPOINT}}', endpoint).replaceAll('{{HOME}}', home);
  try {
    const result = await runCommand([...binary, ...scenario.args.map(fill)], {
      env: { ...env, HOME: home, ...Object.fromEntries(Object.entries(scenario.env ?? {}).map(([k, v]) => [k, fill(v)])) },
      input: scenario.stdin,
    });
    const unfill = (s: string) => s.replaceAll(endpoint, '{{ENDPOINT}}').replaceAll(home, '{{HOME}}');
    return { ...result, stdout: unfill(result.stdout), stderr: unfill(result.stderr), requests: server?.requests ?? [] };
  } finally {
    await server?.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
