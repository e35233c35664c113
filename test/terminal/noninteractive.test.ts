// The terminal features without a terminal: the auto-prompt on a non-terminal stdin, help
// without groff, and the bundles behind help and completion (no SDK on those paths). Expected
// outputs marked "2.33.31" were observed with 2.33.31 (with its auto-completion index built).
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { projectRoot, runOurs } from '../helpers/cli';
import { chunkContaining, staticGraph } from './bundle';

const op = ['ec2', 'release-ipam-pool-allocation'];
const WARNING = 'Warning: Input is not a terminal (fd=0).\n';
const USAGE =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n' +
  '  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';

describe('auto-prompt without a terminal', () => {
  test('stdin at its end: the warning, then an empty error, exit 255 (2.33.31)', async () => {
    const result = await runOurs([...op, '--cli-auto-prompt']);
    expect(result).toMatchObject({ stdout: '', stderr: `${WARNING}\n\n`, code: 255 });
  });

  test('on-partial prompts after a silenced validation error; an unknown option is still reported (2.33.31)', async () => {
    let result = await runOurs([...op, '--cidr', 'x'], { env: { AWS_CLI_AUTO_PROMPT: 'on-partial' } });
    expect(result).toMatchObject({ stdout: '', stderr: `${WARNING}\n\n`, code: 255 });
    result = await runOurs([...op, '--ipam-pool-id', 'a', '--cidr', 'x', '--ipam-pool-allocation-id', 'b', '--bogus'], {
      env: { AWS_CLI_AUTO_PROMPT: 'on-partial' },
    });
    expect(result).toMatchObject({ stdout: '', stderr: `\n${USAGE}\nUnknown options: --bogus\n\n${WARNING}\n\n`, code: 255 });
  });

  test('the profile setting counts before --profile is applied (2.33.31)', async () => {
    const result = await runOurs(['--profile', 'nope', ...op, '--cidr', 'x'], {
      env: { AWS_CONFIG_FILE: join(projectRoot, 'test', 'terminal', 'fixtures', 'auto-prompt-on.config') },
    });
    expect(result).toMatchObject({ stdout: '', stderr: `${WARNING}\n\n`, code: 255 });
  });

  test('what stdin holds up to its first line end is typed after the given words, and the command runs', async () => {
    const result = await runOurs([...op, '--cli-auto-prompt'], { input: '--cidr 10.0.0.0/24\nignored\n' });
    expect(result.stdout).toBe('> aws ec2 release-ipam-pool-allocation --cidr 10.0.0.0/24\n');
    expect(result.stderr).toBe(
      `${WARNING}\naws: [ERROR]: the following arguments are required: --ipam-pool-id, --ipam-pool-allocation-id\n\n${USAGE}\n`,
    );
    expect(result.code).toBe(252);
  });

  test('a line the shell cannot split is the CLI\'s error', async () => {
    const result = await runOurs([...op, '--cli-auto-prompt'], { input: "--cidr 'open\n" });
    expect(result).toMatchObject({ stdout: "> aws ec2 release-ipam-pool-allocation --cidr 'open\n", stderr: `${WARNING}\nNo closing quotation\n`, code: 255 });
  });
});

describe('help', () => {
  test('without groff or mandoc on PATH: the CLI\'s error, exit 255 (2.33.31)', async () => {
    const result = await runOurs([...op, 'help'], { env: { PATH: '/nonexistent' } });
    expect(result).toMatchObject({ stdout: '', stderr: '\nCould not find executable named "groff or mandoc"\n', code: 255 });
  });

  test('never loads the SDK', () => {
    const dist = join(projectRoot, 'dist');
    const chunks = readdirSync(join(dist, 'chunks')).map((name) => join('chunks', name));
    const help = chunkContaining(dist, 'Could not find executable named', chunks);
    for (const [file, text] of staticGraph(help)) expect(text, file).not.toMatch(/EC2Client|@aws-sdk|SignatureV4/);
    // ... nor does the prompt until a live value is looked up
    const prompt = chunkContaining(dist, 'Warning: Input is not a terminal', chunks);
    for (const [file, text] of staticGraph(prompt)) expect(text, file).not.toMatch(/EC2Client|SignatureV4/);
  });
});
