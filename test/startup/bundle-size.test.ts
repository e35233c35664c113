// The bundle's size is watched: every byte of JavaScript is read and compiled by some start, and a
// dependency update or a careless import can quietly double it. The budget is the size when it was
// set plus 10%; raise it on purpose, with the reason in the commit.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from '../helpers/cli';

/** 1,394,651 bytes on 2026-12-01 (@aws-sdk/client-ec2 3.1169.0), plus 10%. */
const BUDGET_BYTES = 1_534_000;

test('the JavaScript in dist/ stays within its size budget', () => {
  const dist = join(projectRoot, 'dist');
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cjs') && !f.startsWith('exe/'));
  const bytes = files.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
  expect(bytes).toBeGreaterThan(0);
  expect(bytes, `dist/ holds ${bytes} bytes of JavaScript`).toBeLessThanOrEqual(BUDGET_BYTES);
});
