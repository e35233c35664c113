// Text edits the build makes to AWS SDK files as esbuild reads them, each with the number of
// times it must apply. The SDK versions are pinned exactly (package.json); an update that moves a
// file or changes the text an edit expects fails the build (`checkApplied`) instead of silently
// losing what the edit was for. To update the SDK: docs/differences.md, "Updating the pinned AWS SDK".
import { readFileSync } from 'node:fs';

/**
 * file: which module; edits: [text or pattern, replacement, how many times it must match].
 * A pattern must be global; its replacement may be a function, as String#replace takes it.
 */
// process.getBuiltinModule where Node has it, else the bundle's CommonJS require: node:module's
// createRequire would load node:module (~0.5 ms) and convert a file URL when the module loads
const LAZY_BUILTIN = 'const requireBuiltin = (id) => process.getBuiltinModule?.(id) ?? require(id);\n';

/**
 * A module's `import { f, g } from "node:crypto"` as functions that load node:crypto when first
 * called: loading it costs ~4 ms and ~2 MB, and a call that signs with the SDK's JavaScript
 * SHA-256 never needs it. `more`: further edits of the same file.
 */
function lazyCrypto(name, file, functions, more = []) {
  const statement = `import { ${functions.join(', ')} } from "node:crypto";\n`;
  const wrappers = functions.map((f) => `const ${f} = (...args) => requireBuiltin("node:crypto").${f}(...args);\n`).join('');
  return { name, file, edits: () => [[statement, LAZY_BUILTIN + wrappers, 1], ...more] };
}

/**
 * A module's `import { Readable } from "node:stream"`, used for `instanceof Readable` (and
 * Readable.toWeb), as an object that loads node:stream when a value could be a stream: only a
 * value with a pipe() can be a Readable. node:stream costs a call ~1.5 ms and ~1 MB to load, and
 * an EC2 call has no stream (the transport reads the answer itself).
 */
function lazyReadable(name, file) {
  const readable =
    'const Readable = {\n' +
    '    [Symbol.hasInstance]: (value) => typeof value?.pipe === "function" && value instanceof requireBuiltin("node:stream").Readable,\n' +
    '    get toWeb() {\n        const { Readable } = requireBuiltin("node:stream");\n        return typeof Readable.toWeb === "function" ? Readable.toWeb.bind(Readable) : undefined;\n    },\n};\n';
  return { name, file, edits: () => [['import { Readable } from "node:stream";\n', LAZY_BUILTIN + readable, 1]] };
}

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
  // Node built-ins that the SDK sets up at start-up but a call does not need; each costs 2–4 ms
// (node:https far more on Node 22+, where loading TLS parses the bundled root certificates).
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
    // request ids: the SDK's own version-4 formatting of 16 random bytes (looking at the global
    // `crypto` first would set up Node's Web Crypto)
    name: 'request ids without Web Crypto',
    file: /serde[\\/]uuid[\\/]v4\.js$/,
    edits: () => [
      ['if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") {\n        return () => crypto.randomUUID();\n    }\n', '', 1],
    ],
  },
  {
    // ...whose random bytes come from the kernel's generator, as node:crypto's do, without loading
    // node:crypto: a call signs with the SDK's JavaScript SHA-256 (src/call/invoke.ts), so nothing
    // else on its path needs node:crypto (~4 ms and ~2 MB of every call on Node 24)
    name: 'request id bytes without node:crypto',
    file: /submodules[\\/]serde[\\/]index\.js$/,
    edits: () => [
      [
        'import { getRandomValues } from "node:crypto";\n',
        'import { closeSync, openSync, readSync } from "node:fs";\n' + LAZY_BUILTIN +
          'const getRandomValues = (bytes) => {\n' +
          '    try {\n        const fd = openSync("/dev/urandom", "r");\n' +
          '        try {\n            if (readSync(fd, bytes) === bytes.length) return bytes;\n        } finally {\n            closeSync(fd);\n        }\n' +
          '    } catch {\n    }\n    return requireBuiltin("node:crypto").getRandomValues(bytes);\n};\n',
        1,
      ],
    ],
  },
  lazyCrypto('SHA-256 (node:crypto when hashing)', /checksum[\\/]sha256[\\/]Sha256Node\.js$/, ['createHash', 'createHmac'], [
    // it tried a hash at load time to see whether native crypto works; in Node it does
    ['const hasNativeCrypto = (() => {\n    try {\n        createHash("sha256");\n        return true;\n    }\n    catch {\n        return false;\n    }\n})();', 'const hasNativeCrypto = true;', 1],
  ]),
  lazyReadable('retry: streaming payloads (node:stream when a body could be one)', /middleware-retry[\\/]isStreamingPayload[\\/]isStreamingPayload\.js$/),
  lazyReadable('stream mixin (node:stream when a body could be one)', /util-stream[\\/]sdk-stream-mixin\.js$/),
  lazyReadable('request body writer (node:stream when a body could be one)', /node-http-handler[\\/]dist-es[\\/]write-request-body\.js$/),
  {
    // its Writable subclass was made when the module loaded, which loads node:stream
    name: 'stream collector (node:stream when collecting)',
    file: /util-stream[\\/]stream-collector\.js$/,
    edits: () => [
      ['import { Writable } from "node:stream";\n', LAZY_BUILTIN, 1],
      ['const collector = new Collector();', 'const collector = new (collectorClass())();', 1],
      ['class Collector extends Writable {', 'let Collector;\nconst collectorClass = () => (Collector ??= class Collector extends requireBuiltin("node:stream").Writable {', 1],
      [/\n}\n$/g, '\n});\n', 1],
    ],
  },
  lazyCrypto('Hash (node:crypto when hashing)', /serde[\\/]hash-node[\\/]hash-node\.js$/, ['createHash', 'createHmac']),
  lazyCrypto('MD5 (node:crypto when hashing)', /checksum[\\/]md5[\\/]Md5Node\.js$/, ['createHash']),
  lazyCrypto('SSO token file names (node:crypto when hashing)', /shared-ini-file-loader[\\/]getSSOTokenFilepath\.js$/, ['createHash']),
  lazyCrypto('login credentials (node:crypto when signing)', /credential-provider-login[\\/]dist-es[\\/]LoginCredentialsFetcher\.js$/, ['createHash', 'createPrivateKey', 'createPublicKey', 'sign']),
  {
    // the CLI always gives the EC2 client its credentials (src/call/invoke.ts): the SDK's own
    // credential chain (credential-provider-node and the providers it imports) loads only if asked
    name: 'EC2 default credential chain when asked',
    file: /client-ec2[\\/]dist-es[\\/]runtimeConfig\.js$/,
    edits: () => [
      [
        'import { defaultProvider as credentialDefaultProvider } from "@aws-sdk/credential-provider-node";\n',
        'const credentialDefaultProvider = (input) => async (options) => (await import("@aws-sdk/credential-provider-node")).defaultProvider(input)(options);\n',
        1,
      ],
    ],
  },
  {
    // the SDK's own HTTP handler is never used (the CLI sends through src/call/transport.ts), but its
    // module loads node:https; TLS is loaded when a request goes to an https:// endpoint
    name: 'node:https when the SDK handler sends',
    file: /node-http-handler[\\/]dist-es[\\/]node-https\.js$/,
    edits: () => [
      [
        'import node_https from "node:https";\nexport { node_https };',
        LAZY_BUILTIN +
          'let loaded;\nconst load = () => (loaded ??= requireBuiltin("node:https"));\n' +
          'export const node_https = { get Agent() { return load().Agent; }, get request() { return load().request; } };',
        1,
      ],
    ],
  },
  {
    // CRC32 checksums: EC2 asks for none; node:zlib is loaded when one is computed
    name: 'node:zlib when a CRC32 is computed',
    file: /checksum[\\/]crc32[\\/]Crc32Node\.js$/,
    edits: () => [
      ['import * as zlib from "node:zlib";\n', LAZY_BUILTIN, 1],
      [
        'const zlibCrc32 = typeof zlib.crc32 === "function" ? zlib.crc32 : undefined;\nexport const Crc32Node = zlibCrc32 ? buildNativeClass(zlibCrc32) : Crc32Js;',
        'let Implementation;\nexport class Crc32Node {\n    constructor() {\n        Implementation ??= (() => {\n' +
          '            const { crc32 } = requireBuiltin("node:zlib");\n' +
          '            return typeof crc32 === "function" ? buildNativeClass(crc32) : Crc32Js;\n        })();\n' +
          '        return new Implementation();\n    }\n}',
        1,
      ],
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
