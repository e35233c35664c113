// Starts one fault endpoint of fault-servers.ts and prints its URL, so any CLI (the 2.33.31
// oracle, when recording) can be run against exactly the fault the tests use:
//   npx esbuild test/reliability/serve-fault.ts --bundle --platform=node --format=esm --outfile=/tmp/serve-fault.mjs
//   node /tmp/serve-fault.mjs truncated-body      # prints e.g. http://127.0.0.1:40123, then serves
// On stdin EOF (or Ctrl-C) it prints the connection and request counts and stops.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestCa } from '../helpers/tls';
import { faults, startFault } from './fault-servers';

const kind = process.argv[2] ?? '';
const needsTls = kind === 'tls-self-signed';
const ca = needsTls ? makeTestCa() : undefined;
const all = faults(ca && { key: readFileSync(join(ca.dir, 'ca.key')), cert: readFileSync(ca.caFile) });
const spec = all[kind];
if (!spec) {
  process.stderr.write(`usage: serve-fault <kind>; kinds: ${Object.keys(all).join(', ')}\n`);
  process.exit(2);
}
const fault = await startFault(spec);
process.stdout.write(`${fault.url}\n`);
const stop = async () => {
  process.stderr.write(`connections=${fault.counts.connections} requests=${fault.counts.requests}\n`);
  await fault.stop();
  process.exit(0);
};
process.stdin.on('end', () => void stop()).resume();
process.on('SIGINT', () => void stop());
