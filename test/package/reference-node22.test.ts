// The reference scenarios through the tarball installed and run on Node 22 (see replay.ts).
import { join } from 'node:path';
import { pathWith } from './global-setup';
import { replayReferenceScenarios } from './replay';
import { installOn } from './support';

const { node, prefix } = installOn(22);
replayReferenceScenarios('installed package on Node 22', join(prefix, 'bin', 'aws'), { PATH: pathWith(node) });
