// The secrets the tests hand to the CLI (keys, session tokens, SSO tokens) and the SigV4
// signatures the fake servers received. None of them may ever appear in what our `aws` prints:
// runCommand and the in-process runner scan every output of ours with `findLeaks`.
import { containerKeys, imdsKeys, ssoKeys, stsKeys } from './fake-aws';

// testKeys.AWS_SECRET_ACCESS_KEY (scenario.ts), spelled here too because scenario.ts imports cli.ts,
// which imports this module; test/reliability/secrets.test.ts checks the two stay equal.
export const TEST_SECRET_ACCESS_KEY = 'test/Secret+Key/ThatMustNeverBePrinted00';

/**
 * Test values that are secrets wherever the tests use them (distinctive enough never to occur by
 * chance). A function, not a constant: fake-aws.ts imports this module too (import cycle).
 */
const fixedSecrets = (): string[] => [
  TEST_SECRET_ACCESS_KEY,
  stsKeys.secretAccessKey,
  stsKeys.sessionToken,
  ssoKeys.secretAccessKey,
  ssoKeys.sessionToken,
  containerKeys.SecretAccessKey,
  containerKeys.Token,
  imdsKeys.SecretAccessKey,
  imdsKeys.Token,
  // literal secrets of test/config/credentials.test.ts and test/reference/cases/config.ts
  'env-session-token-value',
  'env-session-token-never-print',
  'source-secret-value',
  'sso-access-token-value',
  'refreshed-token-value',
  'refresh-token-value',
  'client-secret-value',
  'secret-auth-token',
  'web-identity-token-value',
  's3cr3t-value',
];

const dynamic = new Set<string>();
/** Signatures are many (one per request) but all 64 hex digits: looked up, not searched for. */
const signatures = new Set<string>();

/** Adds a value seen at run time (a generated token) to the secrets. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) dynamic.add(value);
}

/** The SigV4 signature in an Authorization header, registered as a secret; returns it. */
export function registerSignature(authorization: string | string[] | undefined): string | undefined {
  const signature = /Signature=([0-9a-f]{64})/.exec(String(authorization ?? ''))?.[1];
  if (signature) signatures.add(signature);
  return signature;
}

/** The secrets searched for by name (signatures are matched apart). */
export function testSecrets(): readonly string[] {
  return [...fixedSecrets(), ...dynamic];
}

/**
 * Secrets found in an output. A secret the user typed (it occurs in the command line, stdin or
 * another input the caller names) is data, not a leak, and is not reported.
 */
export function findLeaks(output: string, typed: readonly string[] = []): string[] {
  if (!output) return [];
  const found = testSecrets().filter((secret) => output.includes(secret));
  for (const [hex] of output.matchAll(/[0-9a-f]{64}/g)) if (signatures.has(hex)) found.push(hex);
  return found.filter((secret) => !typed.some((t) => t.includes(secret)));
}

/** Throws when stdout or stderr holds a secret the user did not type. */
export function assertNoLeaks(label: string, streams: { stdout: string; stderr: string }, typed: readonly string[] = []): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    const leaks = findLeaks(streams[stream], typed);
    if (leaks.length) {
      throw new Error(`secret leaked on ${stream} of ${label}: ${leaks.map((s) => JSON.stringify(s)).join(', ')}\n--- ${stream} ---\n${streams[stream]}`);
    }
  }
}
