// The reference scenarios through the standalone executable (see replay.ts).
import { replayReferenceScenarios } from './replay';
import { standalone } from './support';

replayReferenceScenarios('standalone executable', standalone);
