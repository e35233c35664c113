// The reference scenarios through the tarball installed and run on Node 20 (see replay.ts).
import { join } from 'node:path';
import { pathWith } from './global-setup';
import { replayReferenceScenarios } from './replay';
import { installOn } from './support';

const { node, prefix } = installOn(20);
replayReferenceScenarios('installed package on Node 20', join(prefix, 'bin', 'aws'), { PATH: pathWith(node) });
