// `npm run package [-- <npm pack options>]`: the tarball users install, packed as CI packs it.
// `npm pack` builds once (the `prepare` script); here that build also makes the V8 code caches for
// every supported Node line, so the installed package starts fast on whichever runs it.
import { execFileSync } from 'node:child_process';
import { nodeBinaryFor, supportedNodeMajors } from './supported-nodes.mjs';

const nodes = supportedNodeMajors.map(nodeBinaryFor);
execFileSync('npm', ['pack', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, BUILD_CACHE_NODES: nodes.join(':') },
});
