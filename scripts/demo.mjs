// `npm start`: the whole job on a fresh machine, in seconds. Starts the local IPAM endpoint on a
// free loopback port with a temporary state file, sets up an IPAM, a pool in the current Region,
// a provisioned CIDR and one allocation, then releases that allocation with this project's
// `aws ec2 release-ipam-pool-allocation` — printed like a shell transcript.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const emulatorBin = join(root, 'bin', 'aws-ipam-emulator.js');
const awsBin = join(root, 'bin', 'aws.js');
const KEY_ID = 'AKIAIPAMEMULATOR0000';
const SECRET = 'LocalIpamEmulatorSecretAccessKey/0000000';
const region = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';
const started = Date.now();

// the SDK would otherwise warn on stderr about Node versions it will stop supporting
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const out = (text = '') => process.stdout.write(`${text}\n`);
const comment = (text) => out(`# ${text}`);
/** Prints a command as a shell line, continued with backslashes when long (an option stays with its value). */
function shell(words) {
  const quoted = words.map((w) => (w === '&' || /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`));
  const units = [];
  for (let i = 0; i < quoted.length; i++) {
    const next = quoted[i + 1];
    if (quoted[i].startsWith('--') && next !== undefined && !next.startsWith('--') && next !== '&') units.push(`${quoted[i]} ${quoted[++i]}`);
    else units.push(quoted[i]);
  }
  const lines = [];
  let line = '$';
  for (const unit of units) {
    if (line.length + unit.length + 1 > 96 && line.trim() !== '$') {
      lines.push(`${line} \\`);
      line = '   ';
    }
    line += ` ${unit}`;
  }
  lines.push(line);
  out(lines.join('\n'));
}

if (!existsSync(join(root, 'dist', 'aws.cjs')) || !existsSync(join(root, 'dist', 'aws-ipam-emulator.cjs'))) {
  process.stderr.write('npm start: the build is missing; run `npm ci` (or `npm run build`) first.\n');
  process.exit(1);
}

const workDir = mkdtempSync(join(tmpdir(), 'aws-ipam-demo-'));
const statePath = join(workDir, 'state.json');
let emulator;

function cleanUp() {
  if (emulator && emulator.exitCode === null) emulator.kill('SIGTERM');
  rmSync(workDir, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

/** Starts the emulator binary and resolves with its URL. */
function startEmulator() {
  shell(['npx', 'aws-ipam-emulator', '--port', '0', '--state', statePath, '--quiet', '&']);
  return new Promise((resolve, reject) => {
    emulator = spawn(process.execPath, [emulatorBin, '--port', '0', '--state', statePath, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    let errors = '';
    emulator.stderr.on('data', (d) => (errors += d));
    emulator.stdout.on('data', (d) => {
      text += d;
      const match = /listening on (\S+)/.exec(text);
      if (match) {
        out(text.split('\n')[0]);
        resolve(match[1]);
      }
    });
    emulator.once('exit', (code) => reject(new Error(`the emulator stopped (exit ${code}): ${errors.trim()}`)));
  });
}

/** Runs this project's `aws` with the emulator's key pair, streaming its output; resolves with its exit status. */
function ourAws(args) {
  shell(['node', 'bin/aws.js', ...args]);
  return new Promise((resolve, reject) => {
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: KEY_ID,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      // keep the machine's AWS settings (profiles, output format, pager) out of the demo
      AWS_CONFIG_FILE: join(workDir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'credentials'),
      AWS_PAGER: '',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    for (const name of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_EC2', 'AWS_DEFAULT_OUTPUT']) {
      delete env[name];
    }
    const child = spawn(process.execPath, [awsBin, ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

async function main() {
  comment('Start the local IPAM endpoint (an EC2 Query API on 127.0.0.1) with a throwaway state file:');
  const url = await startEmulator();
  out();
  comment('Point the AWS tools at it with its documented local key pair:');
  shell(['export', `AWS_ACCESS_KEY_ID=${KEY_ID}`, `AWS_SECRET_ACCESS_KEY=${SECRET}`, `AWS_REGION=${region}`]);
  out();

  const { EC2Client, CreateIpamCommand, CreateIpamPoolCommand, ProvisionIpamPoolCidrCommand, AllocateIpamPoolCidrCommand, GetIpamPoolAllocationsCommand } =
    await import('@aws-sdk/client-ec2');
  const ec2 = new EC2Client({ endpoint: url, region, credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET } });
  const allocationsJson = async (poolId) => {
    const { IpamPoolAllocations } = await ec2.send(new GetIpamPoolAllocationsCommand({ IpamPoolId: poolId }));
    return JSON.stringify({ IpamPoolAllocations }, null, 4);
  };

  comment(`Set up an IPAM, a pool in ${region}, a CIDR and one allocation (EC2 API calls made with`);
  comment('@aws-sdk/client-ec2; each shown as the AWS CLI command that does the same):');
  const { Ipam } = await ec2.send(new CreateIpamCommand({ OperatingRegions: [{ RegionName: region }] }));
  comment(`  aws ec2 create-ipam --operating-regions RegionName=${region}`);
  comment(`      -> ${Ipam.IpamId}, private scope ${Ipam.PrivateDefaultScopeId}`);
  const { IpamPool } = await ec2.send(new CreateIpamPoolCommand({ IpamScopeId: Ipam.PrivateDefaultScopeId, AddressFamily: 'ipv4', Locale: region }));
  const poolId = IpamPool.IpamPoolId;
  comment(`  aws ec2 create-ipam-pool --ipam-scope-id ${Ipam.PrivateDefaultScopeId} --address-family ipv4 --locale ${region}`);
  comment(`      -> ${poolId}`);
  await ec2.send(new ProvisionIpamPoolCidrCommand({ IpamPoolId: poolId, Cidr: '10.0.0.0/16' }));
  comment(`  aws ec2 provision-ipam-pool-cidr --ipam-pool-id ${poolId} --cidr 10.0.0.0/16`);
  const { IpamPoolAllocation } = await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24, Description: 'demo' }));
  const { Cidr: cidr, IpamPoolAllocationId: allocationId } = IpamPoolAllocation;
  comment(`  aws ec2 allocate-ipam-pool-cidr --ipam-pool-id ${poolId} --netmask-length 24 --description demo`);
  comment(`      -> ${cidr} ${allocationId}`);
  out();
  comment(`The pool's allocations (aws ec2 get-ipam-pool-allocations --ipam-pool-id ${poolId}):`);
  out(await allocationsJson(poolId));
  out();

  const release = ['--endpoint-url', url, 'ec2', 'release-ipam-pool-allocation', '--ipam-pool-id', poolId, '--cidr', cidr, '--ipam-pool-allocation-id', allocationId];
  comment("Release it with this project's `aws ec2 release-ipam-pool-allocation`:");
  const released = await ourAws(release);
  if (released !== 0) out(`(exit status ${released})`);
  out();
  comment("The pool's allocations afterwards:");
  out(await allocationsJson(poolId));
  out();
  comment('Releasing it a second time fails exactly as EC2 makes it fail:');
  const again = await ourAws(release);
  out(`(exit status ${again})`);
  ec2.destroy();
  out();
  comment(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s. Run the endpoint yourself with \`npx aws-ipam-emulator\` and`);
  comment('pass --endpoint-url to the AWS CLI, this project\'s `aws` or your scripts.');
  return released === 0 && again === 254 ? 0 : 1;
}

main()
  .then((code) => {
    cleanUp();
    process.exitCode = code;
  })
  .catch((error) => {
    cleanUp();
    process.stderr.write(`npm start: ${error.message}\n`);
    process.exitCode = 1;
  });
