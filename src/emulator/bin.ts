// `aws-ipam-emulator [--port N] [--host H] [--state FILE] [--reset] [--credentials FILE] [--quiet]`:
// serves EC2's IPAM actions locally until interrupted.
import { CredentialsFileError, DEFAULT_CREDENTIAL, loadCredentialsFile, NO_PERMISSION_CREDENTIAL, type EmulatorCredential } from './credentials';
import { DEFAULT_HOST, startEmulator } from './index';
import { StateFileError } from './store';

const NAME = 'aws-ipam-emulator';
export const DEFAULT_PORT = 4747;

const USAGE = `usage: ${NAME} [--port N] [--host ADDRESS] [--state FILE] [--reset] [--credentials FILE] [--quiet]

A local EC2 endpoint for Amazon VPC IPAM (CreateIpam, CreateIpamPool, ProvisionIpamPoolCidr,
AllocateIpamPoolCidr, GetIpamPoolAllocations, ReleaseIpamPoolAllocation, DeleteIpamPool, ...).

  --port N            TCP port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDRESS      address to listen on (default ${DEFAULT_HOST})
  --state FILE        state file (default $XDG_DATA_HOME/${NAME}/state.json,
                      else ~/.local/share/${NAME}/state.json)
  --reset             start from an empty state, replacing the state file
  --credentials FILE  accepted key pairs: {"credentials": [{"accessKeyId": ..., "secretAccessKey": ...,
                      "permissions": "all" | "none" | ["ReleaseIpamPoolAllocation", ...]}]}
  --quiet             do not log requests
  --help              show this help

Default key pairs: ${DEFAULT_CREDENTIAL.accessKeyId} / ${DEFAULT_CREDENTIAL.secretAccessKey} (every action),
                   ${NO_PERMISSION_CREDENTIAL.accessKeyId} / ${NO_PERMISSION_CREDENTIAL.secretAccessKey} (no action).
`;

class UsageError extends Error {}

interface Flags {
  port: number;
  host: string;
  state?: string;
  reset: boolean;
  credentials?: string;
  quiet: boolean;
  help: boolean;
}

function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = { port: DEFAULT_PORT, host: DEFAULT_HOST, reset: false, quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      if (eq > 0 && arg.startsWith('--')) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--port': {
        const text = value();
        if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not '${text}'`);
        flags.port = Number(text);
        break;
      }
      case '--host':
        flags.host = value();
        break;
      case '--state':
        flags.state = value();
        break;
      case '--credentials':
        flags.credentials = value();
        break;
      case '--reset':
        flags.reset = true;
        break;
      case '--quiet':
        flags.quiet = true;
        break;
      case '--help':
      case '-h':
        flags.help = true;
        break;
      default:
        throw new UsageError(`unknown argument '${arg}'`);
    }
  }
  return flags;
}

async function serve(): Promise<number> {
  let flags: Flags;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${NAME}: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  // listen for signals before anything else, so a stop request during start-up is not lost; the
  // listeners stay until exit (removing the last one restores the default action, which could
  // then kill the process halfway through stopping)
  let stopRequested = false;
  let requestStop = () => {
    stopRequested = true;
  };
  const onSignal = () => {
    if (stopRequested) process.exit(1);
    requestStop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let credentials: EmulatorCredential[] | undefined;
  try {
    credentials = flags.credentials === undefined ? undefined : loadCredentialsFile(flags.credentials);
    const emulator = await startEmulator({
      port: flags.port,
      host: flags.host,
      statePath: flags.state,
      reset: flags.reset,
      credentials,
      log: flags.quiet ? undefined : (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
    });
    await new Promise<void>((resolve) => {
      requestStop = () => {
        stopRequested = true;
        emulator.stop().then(resolve, resolve);
      };
      if (stopRequested) {
        requestStop();
        return;
      }
      const key = credentials?.[0] ?? DEFAULT_CREDENTIAL;
      process.stdout.write(
        `${NAME} listening on ${emulator.url}\n` +
          `  state file: ${emulator.statePath}\n` +
          `  key pair:   AWS_ACCESS_KEY_ID=${key.accessKeyId} AWS_SECRET_ACCESS_KEY=${key.secretAccessKey}\n` +
          `  try:        aws ec2 describe-ipams --endpoint-url ${emulator.url} --region us-east-1\n`,
      );
    });
    return 0;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (error instanceof StateFileError || error instanceof CredentialsFileError) {
      process.stderr.write(`${NAME}: ${e.message}\n`);
    } else if (e.code === 'EADDRINUSE') {
      process.stderr.write(`${NAME}: port ${flags.port} on ${flags.host} is already in use; choose another with --port (0 picks a free one)\n`);
    } else if (e.code === 'EADDRNOTAVAIL' || e.code === 'EACCES') {
      process.stderr.write(`${NAME}: cannot listen on ${flags.host} port ${flags.port}: ${e.message}\n`);
    } else {
      process.stderr.write(`${NAME}: ${e?.message ?? String(error)}\n`);
    }
    return 1;
  }
}

/** The entry point (called by the bundle's loader, src/startup/). */
export async function main(): Promise<void> {
  process.exitCode = await serve();
}
