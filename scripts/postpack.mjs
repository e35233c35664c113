// `postpack`: puts back the package.json that scripts/prepack.mjs slimmed for the tarball.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const kept = join(root, 'package.json.full');
if (existsSync(kept)) renameSync(kept, join(root, 'package.json'));
