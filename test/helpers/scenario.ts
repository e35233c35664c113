// One command-line scenario, runnable against any `aws` binary: a fresh HOME with the given
// files, an optional fake EC2 endpoint with scripted replies, optional scripted credential
// servers, and placeholders so that outputs recorded on one machine compare on another
// ({{ENDPOINT}}, {{HOME}}, and {{NAME}} for a server called `name`).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emptyHome, runCommand, type RunResult } from './cli';
import { ScriptedServer, type Answer, type Seen } from './fake-aws';
import { FakeEc2, type RecordedRequest, type Reply } from './fake-ec2';

/** How a scripted server answers its n-th request (0-based). */
export type ServerScript = (request: Seen, index: number) => Answer;

export interface Scenario {
  readonly name: string;
  readonly args: readonly string[];
  /** Extra environment; `undefined` removes a variable of the clean base (e.g. AWS_EC2_METADATA_DISABLED). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Files to create, paths relative to HOME ({{HOME}} and server placeholders in text are replaced;
   * bytes are written as they are). A function is called when the scenario runs (content that
   * depends on the clock).
   */
  readonly files?: Readonly<Record<string, string | Uint8Array | (() => string)>>;
  /** Start a fake EC2 endpoint answering these replies in order (then successes). */
  readonly replies?: readonly Reply[];
  /**
   * Scripted servers to start (credential endpoints: container, IMDS, STS, SSO), by name. A
   * server named `imds` is `{{IMDS}}` (its base URL, no trailing slash) in args, env and files.
   */
  readonly servers?: Readonly<Record<string, ServerScript>>;
  /**
   * Servers whose request count 2.33.31 does not fix (botocore adds random jitter to some
   * refresh windows): the counts it may make, and why. Other servers' counts are exact.
   */
  readonly countsVary?: Readonly<Record<string, { readonly counts: readonly number[]; readonly why: string }>>;
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
  /** Requests each started server received (`ec2` and every scripted server), by name. */
  requestCounts: Record<string, number>;
}

/** Credentials and region most scenarios use; the secret is a test value that must never be printed. */
export const testKeys = {
  AWS_ACCESS_KEY_ID: 'AKIDTESTKEY00000000',
  AWS_SECRET_ACCESS_KEY: 'test/Secret+Key/ThatMustNeverBePrinted00',
} as const;

const placeholder = (name: string) => `{{${name.toUpperCase()}}}`;

/**
 * Runs the scenario with `binary` (the command words before the arguments); `extraEnv` adds to the
 * environment every scenario starts from (a PATH with another Node first, say).
 */
export async function runScenario(binary: readonly string[], scenario: Scenario, extraEnv: Record<string, string> = {}): Promise<ScenarioRun> {
  const home = emptyHome();
  const scripted = new Map<string, ScriptedServer>();
  let ec2: FakeEc2 | undefined;
  try {
    ec2 = scenario.replies ? await new FakeEc2().reply(...scenario.replies).start() : undefined;
    for (const [name, script] of Object.entries(scenario.servers ?? {})) scripted.set(name, await new ScriptedServer(script).start());
    const endpoint = ec2?.url ?? 'http://127.0.0.1:9';
    // longest URLs first: one server's URL is never a prefix of another's (ports differ), but be safe
    const urls = [...scripted].map(([name, server]) => [server.url, placeholder(name)] as const).sort((a, b) => b[0].length - a[0].length);
    const fill = (s: string) => {
      let out = s.replaceAll('{{ENDPOINT}}', endpoint).replaceAll('{{HOME}}', home);
      for (const [url, mark] of urls) out = out.replaceAll(mark, url);
      return out;
    };
    const unfill = (s: string) => {
      let out = s.replaceAll(endpoint, '{{ENDPOINT}}').replaceAll(home, '{{HOME}}');
      for (const [url, mark] of urls) out = out.replaceAll(url, mark);
      return out;
    };
    for (const [path, given] of Object.entries(scenario.files ?? {})) {
      const content = typeof given === 'function' ? given() : given;
      const full = join(home, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, typeof content === 'string' ? fill(content) : content);
    }
    const env = Object.fromEntries(Object.entries(scenario.env ?? {}).map(([k, v]) => [k, v === undefined ? undefined : fill(v)]));
    const result = await runCommand([...binary, ...scenario.args.map(fill)], { env: { ...extraEnv, HOME: home, ...env }, input: scenario.stdin });
    const requestCounts: Record<string, number> = {};
    if (ec2) requestCounts.ec2 = ec2.requests.length;
    for (const [name, server] of scripted) requestCounts[name] = server.seen.length;
    return { ...result, stdout: unfill(result.stdout), stderr: unfill(result.stderr), requests: ec2?.requests ?? [], requestCounts };
  } finally {
    await Promise.all([ec2?.stop(), ...[...scripted.values()].map((s) => s.stop())]);
    rmSync(home, { recursive: true, force: true });
  }
}
