// The static import graph of a built bundle: which files load together with an entry point.
// Used to check that fast paths (help, shell completion) never pull the SDK in.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function staticGraph(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    const text = readFileSync(file, 'utf8');
    files.set(file, text);
    // the bundle is CommonJS: a static dependency is a require() of a relative file; a lazy one
    // (an import() in the source) is `Promise.resolve().then(() => require(…))`, not followed
    for (const m of text.matchAll(/(?<!=> )\brequire\(["'](\.{1,2}\/[^"']+)["']\)/g)) {
      visit(resolve(dirname(file), m[1]!));
    }
  };
  visit(entry);
  return files;
}

/** The chunk under dist/ whose text contains `marker`. */
export function chunkContaining(distDir: string, marker: string, candidates: readonly string[]): string {
  const hit = candidates.map((name) => join(distDir, name)).find((file) => readFileSync(file, 'utf8').includes(marker));
  if (!hit) throw new Error(`no chunk contains ${marker}`);
  return hit;
}
