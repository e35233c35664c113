// The structural check of src/ (run by test/structure/layers.test.ts, so `npm test` runs it):
// no import cycle between files or folders (type-only and dynamic imports count), no import
// against the layer order below, no import that does not resolve, no file nobody imports.
// The layers and what lives where: docs/architecture.md.

/** Bottom first: a folder may import its own layer's folder and the layers below it, never above. */
const LAYERS = [
  ['model', 'util'],
  ['runtime'],
  ['config', 'input', 'output', 'doc'],
  ['call'],
  ['help', 'completion', 'terminal'],
  ['cli'],
];
/** The one import between two folders of the same layer: the prompt completes with the shell completer's rules. */
const SIDEWAYS = [['terminal', 'completion']];
/** Programs of their own, sharing nothing with the CLI. */
const APART = ['emulator', 'startup'];

const folder = (names) => `^src/(${names.join('|')})/`;

function layerRules() {
  const rules = [];
  LAYERS.forEach((layer, level) => {
    const above = LAYERS.slice(level + 1).flat();
    if (above.length) {
      rules.push({
        name: 'layer-order',
        comment: `${layer.join(', ')} must not import a higher layer (${above.join(', ')})`,
        severity: 'error',
        from: { path: folder(layer) },
        to: { path: folder(above) },
      });
    }
    for (const name of layer) {
      const peers = layer.filter((peer) => peer !== name && !SIDEWAYS.some(([from, to]) => from === name && to === peer));
      if (!peers.length) continue;
      rules.push({
        name: 'layer-order',
        comment: `${name} must not import ${peers.join(', ')} (same layer)`,
        severity: 'error',
        from: { path: folder([name]) },
        to: { path: folder(peers) },
      });
    }
  });
  return rules;
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'files must not import each other in a loop (type-only and dynamic imports count)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      comment: 'folders must not import each other in a loop',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    ...layerRules(),
    {
      name: 'no-unplaced-folder',
      comment: 'every folder of src/ has a place in the layer order (or is a program apart)',
      severity: 'error',
      from: { path: '^src/', pathNot: folder([...LAYERS.flat(), ...APART]) },
      to: {},
    },
    ...APART.flatMap((name) => [
      {
        name: 'programs-apart',
        comment: `${name} is a program of its own: it imports nothing of the CLI`,
        severity: 'error',
        from: { path: folder([name]) },
        to: { path: '^src/', pathNot: folder([name]) },
      },
      {
        name: 'programs-apart',
        comment: `nothing outside ${name} imports it`,
        severity: 'error',
        from: { path: '^src/', pathNot: folder([name]) },
        to: { path: folder([name]) },
      },
    ]),
    {
      name: 'not-to-unresolvable',
      comment: 'every import resolves to a file or a package',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-orphans',
      comment: 'every file of src/ is imported by another or is a program entry',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: ['\\.d\\.ts$', '^src/(cli/main|completion/main|emulator/bin|startup/code-cache|startup/standalone)\\.ts$'],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // type-only imports count: a cycle of types is a cycle of the design
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    skipAnalysisNotInRules: true,
  },
};
