// The Node.js lines this package supports (package.json `engines`), and where to find a binary of
// each: the Node running this script for its own line, otherwise npm's `node@<major>` package
// (which carries the official binary), fetched and cached by npx.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';

export const supportedNodeMajors = [20, 22, 24, 26];

const found = new Map();

/** The path of a node binary of that major line. */
export function nodeBinaryFor(major) {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  if (!found.has(major)) {
    const path = execFileSync('npx', ['-y', '-p', `node@${major}`, '-c', 'command -v node'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    found.set(major, realpathSync(path));
  }
  return found.get(major);
}
