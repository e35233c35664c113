// Text edits the build makes to AWS SDK files as esbuild reads them, each with the number of
// times it must apply. The SDK versions are pinned exactly (package.json); an update that moves a
// file or changes the text an edit expects fails the build (`checkApplied`) instead of silently
// losing what the edit was for. To update the SDK: docs/differences.md, "Updating the pinned AWS SDK".
import { readFileSync } from 'node:fs';

/**
 * file: which module; edits: [text or pattern, replacement, how many times it must match].
 * A pattern must be global; its replacement may be a function, as String#replace takes it.
 */
export const SDK_PATCHES = [
  {
    // The EC2 client keeps every EC2 shape in one module (schemas_0.js, ~1 MB). esbuild would drop
    // the shapes we never use, but two harmless idioms in it look impure to its tree shaking: bit
    // flags written `64 | 0` and object keys computed from string constants (`{ [_xN]: _TSa }`).
    // As plain literals, the bundle keeps only the shapes ReleaseIpamPoolAllocation (and the
    // auto-prompt's two lookups) need: ~1 MB less to read and compile on every call.
    name: 'tree-shakable EC2 schemas',
    file: /client-ec2[\\/]dist-es[\\/]schemas[\\/]schemas_0\.js$/,
    edits: (source) => {
      const strings = new Map();
      for (const m of source.matchAll(/^const (_\w+|n0) = "([^"\\]*)";$/gm)) strings.set(m[1], m[2]);
      return [
        [/\b(\d+) \| 0\b/g, '$1', 60],
        [/\[(_\w+)\]:/g, (whole, name) => (strings.has(name) ? `${JSON.stringify(strings.get(name))}:` : whole), 13584],
      ];
    },
  },
  // Node built-ins that the SDK sets up at start-up but a call does not need; each costs 2–4 ms.
  {
    // config-file reads: fs.promises is a lazy getter of node:fs, node:fs/promises is not
    name: 'ini reads without node:fs/promises',
    file: /shared-ini-file-loader[\\/]readFile\.js$/,
    edits: () => [
      [
        'import { readFile as fsReadFile } from "node:fs/promises";',
        'import { promises as fsPromises } from "node:fs";\nconst fsReadFile = (...args) => fsPromises.readFile(...args);',
        1,
      ],
    ],
  },
  {
    name: 'SSO token reads without node:fs/promises',
    file: /shared-ini-file-loader[\\/]getSSOTokenFromFile\.js$/,
    edits: () => [
      [
        'import { readFile } from "node:fs/promises";',
        'import { promises as fsPromises } from "node:fs";\nconst readFile = (...args) => fsPromises.readFile(...args);',
        1,
      ],
    ],
  },
  {
    // request ids: looking at the global `crypto` sets up Node's Web Crypto; node:crypto's
    // randomUUID makes the same version-4 UUIDs without it
    name: 'request ids without Web Crypto',
    file: /serde[\\/]uuid[\\/]v4\.js$/,
    edits: () => [
      [
        'if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") {\n        return () => crypto.randomUUID();\n    }',
        'return () => nodeRandomUUID();',
        1,
      ],
      [/^/g, 'import { randomUUID as nodeRandomUUID } from "node:crypto";\n', 1],
    ],
  },
];

/** How often each patch's file was read, and each edit matched, in this build. */
const applied = new Map(SDK_PATCHES.map((patch) => [patch, { files: 0, matches: [] }]));

function countMatches(source, from) {
  if (typeof from === 'string') return source.split(from).length - 1;
  return [...source.matchAll(from)].length;
}

function applyEdits(patch, source) {
  const record = applied.get(patch);
  record.files++;
  patch.edits(source).forEach(([from, to, times], i) => {
    const found = countMatches(source, from);
    record.matches[i] = (record.matches[i] ?? 0) + found;
    if (found !== times) throw new Error(`build: SDK patch "${patch.name}", edit ${i + 1}: expected ${times} match(es), found ${found}`);
    source = typeof from === 'string' ? source.replaceAll(from, to) : source.replace(from, to);
  });
  return source;
}

/** The esbuild plugin that makes the edits. */
export const sdkPatches = {
  name: 'sdk-patches',
  setup(b) {
    for (const patch of SDK_PATCHES) {
      b.onLoad({ filter: patch.file }, (args) => ({ contents: applyEdits(patch, readFileSync(args.path, 'utf8')), loader: 'js' }));
    }
  },
};

/** After the build: every patch met its file exactly once (a moved file would skip it silently). */
export function checkApplied() {
  for (const [patch, { files }] of applied) {
    if (files !== 1) throw new Error(`build: SDK patch "${patch.name}" applied to ${files} files, expected 1 (did the SDK move ${patch.file}?)`);
  }
}
