// Differential testing against the real AWS CLI v2. The installable oracle is 2.9.19 (Debian
// `awscli`); the reference is 2.33.31. Where the two differ (../shared/reference/versions.md),
// a named VersionDifference turns 2.9.19's output into what 2.33.31 prints, so every comparison
// is exact and every exception is written down here, by name.
import { expect } from 'vitest';
import type { RunResult } from './cli';

export interface VersionDifference {
  readonly name: string;
  /** Rewrites 2.9.19's result into 2.33.31's; returns undefined when it does not apply. */
  toReference(real: RunResult): RunResult | undefined;
}

const USAGE_BLOCK =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';

/** versions.md §1: argument errors print the message first, as `aws: [ERROR]: `, then the usage. */
export const argparseErrorLayout: VersionDifference = {
  name: 'versions.md §1 argument error layout',
  toReference(real) {
    const m = /^\n(usage: [\s\S]*?\n)\naws: error: ([\s\S]*)\n\n$/.exec(real.stderr);
    if (!m) return undefined;
    // 2.33.31's first-pass parser has no -h option, so its usage line lacks "[-h] "
    const usage = m[1]!.replace('usage: aws [-h] [--profile PROFILE] [--debug]', 'usage: aws [--profile PROFILE] [--debug]');
    return { ...real, stderr: `\naws: [ERROR]: ${m[2]}\n\n${usage}\n` };
  },
};

/** versions.md §2: the missing-credentials hint names `aws login`. */
export const credentialsHint: VersionDifference = {
  name: 'versions.md §2 credentials hint',
  toReference(real) {
    const old = 'You can configure credentials by running "aws configure".';
    if (!real.stderr.includes(old)) return undefined;
    return { ...real, stderr: real.stderr.replace(old, 'You can configure credentials by running "aws login".') };
  },
};

/** The container credentials fetcher says "container metadata" (2.9.19: "ECS metadata", the status in parentheses). */
export const containerMetadataWording: VersionDifference = {
  name: 'container credentials fetcher wording',
  toReference(real) {
    if (!real.stderr.includes('ECS metadata')) return undefined;
    const stderr = real.stderr
      .replace(/Received non 200 response \((\d+)\) from ECS metadata:/, 'Received non 200 response $1 from container metadata:')
      .replace('Unable to parse JSON returned from ECS metadata services', 'Unable to parse JSON returned from container metadata services')
      .replace('attempting to retrieve ECS metadata:', 'attempting to retrieve container metadata:');
    return { ...real, stderr };
  },
};

export const allVersionDifferences: readonly VersionDifference[] = [argparseErrorLayout, credentialsHint, containerMetadataWording];

/** What 2.33.31 prints, derived from 2.9.19's result through the differences that apply. */
export function asReference(real: RunResult, differences: readonly VersionDifference[] = allVersionDifferences): RunResult {
  let result = real;
  for (const difference of differences) result = difference.toReference(result) ?? result;
  return result;
}

/** Exact comparison of stdout, stderr and exit code. */
export function expectSameResult(ours: RunResult, expected: RunResult, label = ''): void {
  expect({ label, stdout: ours.stdout, stderr: ours.stderr, code: ours.code }).toEqual({
    label,
    stdout: expected.stdout,
    stderr: expected.stderr,
    code: expected.code,
  });
}

export { USAGE_BLOCK };
