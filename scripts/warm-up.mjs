// Build step: runs the freshly built commands once per common path, so that dist/launch.cjs
// (src/startup/code-cache.ts) keeps the code V8 compiled for each bundle file in
// dist/code-cache/<V8 version>/ — once with each Node binary given, since V8 takes only caches of
// its own version. The calls go to a small answering endpoint on 127.0.0.1 started here. A path
// that does not end as it should fails the build: this is also a smoke test of the bundle on
// every Node it is warmed up with.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RELEASE_ANSWER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<ReleaseIpamPoolAllocationResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">' +
  '<requestId>00000000-0000-4000-8000-000000000000</requestId><success>true</success>' +
  '</ReleaseIpamPoolAllocationResponse>';

/** Each run: [entry, arguments, expected exit code, extra environment]. */
function runsFor(endpoint) {
  const op = ['ec2', 'release-ipam-pool-allocation'];
  const call = [...op, '--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24',
    '--ipam-pool-allocation-id', 'ipam-pool-alloc-1', '--endpoint-url', endpoint];
  return [
    ['aws_completer', [], 0, { COMP_LINE: 'aws ec2 release-ipam-pool-allocation --', COMP_POINT: '40' }],
    ['aws', op, 252, {}],
    ['aws', [...op, '--generate-cli-skeleton'], 0, {}],
    ['aws', [...call, '--output', 'text'], 0, {}],
    ['aws', [...call, '--output', 'table'], 0, {}],
    ['aws', [...call, '--output', 'yaml', '--query', 'Success'], 0, {}],
    // last: the files the plain call shares with the runs above keep this run's code
    ['aws', call, 0, {}],
  ];
}

function runOnce(node, distDir, home, [entry, args, expected, extraEnv]) {
  const launch = join(distDir, 'launch.cjs');
  const script = `require(${JSON.stringify(launch)}).warmUp(${JSON.stringify(entry)}, ${JSON.stringify(args)})`;
  // No NODE_OPTIONS: V8 refuses a cache made under other flags.
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_ACCESS_KEY_ID: 'AKIDWARMUP',
    AWS_SECRET_ACCESS_KEY: 'warm-up-secret',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    ...extraEnv,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(node, ['-e', script], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === expected) resolve();
      else reject(new Error(`build: warm-up with ${node}: \`${entry} ${args.join(' ')}\` exited ${code}, not ${expected}\n${stderr}`));
    });
  });
}

/** Warms up with each Node binary in `nodes` (paths), one after the other. */
export async function warmUpCodeCaches(distDir, nodes = [process.execPath]) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' }).end(RELEASE_ANSWER));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const home = mkdtempSync(join(tmpdir(), 'ipam-warm-up-'));
  try {
    for (const node of nodes) {
      for (const run of runsFor(`http://127.0.0.1:${server.address().port}`)) await runOnce(node, distDir, home, run);
    }
  } finally {
    server.close();
    rmSync(home, { recursive: true, force: true });
  }
}
