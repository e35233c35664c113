// Once per run of the package tests: the tarball users install, packed as CI packs it
// (`npm run package`: one `npm pack`, code caches for every supported Node), installed with npm
// into a prefix of its own on each supported Node (that Node first on PATH, so npm itself runs
// on it), and the standalone executable (`npm run build:exe`). Everything lives in one temporary
// directory, removed at the end.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { nodeBinaryFor, supportedNodeMajors } from '../../scripts/supported-nodes.mjs';

export interface Install {
  readonly major: number;
  /** The node binary of that line. */
  readonly node: string;
  /** The npm prefix the tarball was installed into (commands in <prefix>/bin). */
  readonly prefix: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    packageWork: string;
    tarball: string;
    installs: Install[];
    standalone: string;
  }
}

const root = join(import.meta.dirname, '..', '..');

/** PATH with `node`'s directory first: what `#!/usr/bin/env node` and npm then run on. */
export function pathWith(node: string): string {
  return `${dirname(node)}:${process.env.PATH ?? '/usr/bin:/bin'}`;
}

export default function setup(project: TestProject): () => void {
  const work = mkdtempSync(join(tmpdir(), 'aws-package-'));
  try {
    const quiet = { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] as ['ignore', 'ignore', 'inherit'] };
    execFileSync('npm', ['run', '--silent', 'package', '--', '--pack-destination', work], quiet);
    const tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz'))!);
    const installs = supportedNodeMajors.map((major) => {
      const node = nodeBinaryFor(major);
      const prefix = join(work, `node${major}`);
      execFileSync('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
        ...quiet,
        env: { ...process.env, PATH: pathWith(node) },
      });
      return { major, node, prefix };
    });
    execFileSync(process.execPath, [join(root, 'scripts', 'build-exe.mjs')], quiet);
    project.provide('packageWork', work);
    project.provide('tarball', tarball);
    project.provide('installs', installs);
    project.provide('standalone', join(root, 'dist', 'exe', 'aws'));
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  return () => rmSync(work, { recursive: true, force: true });
}
