// The reference scenarios through the tarball installed and run on Node 24 (see replay.ts).
import { join } from 'node:path';
import { pathWith } from './global-setup';
import { replayReferenceScenarios } from './replay';
import { installOn } from './support';

const { node, prefix } = installOn(24);
replayReferenceScenarios('installed package on Node 24', join(prefix, 'bin', 'aws'), { PATH: pathWith(node) });
