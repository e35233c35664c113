// Beside the real AWS CLI: with AWS_CLI_FALLBACK naming another AWS CLI, every command line this
// clone does not provide is handed to it as typed (arguments, stdin, environment, exit status,
// signals); ours stay ours; an unusable fallback is one line and exit 255. Run through the
// installed package (Node 26) and the standalone executable.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { baseEnv, ourBinary, realAws, registerOurBinary, runCommand, skipWithoutRealAws } from '../helpers/cli';
import { pathWith } from './global-setup';
import { installOn, standalone } from './support';

const work = mkdtempSync(join(tmpdir(), 'aws-fallback-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A stand-in for another AWS CLI: prints what it was given, then exits with $FAKE_EXIT. */
const fake = join(work, 'other-cli', 'aws');
mkdirSync(join(work, 'other-cli'));
writeFileSync(
  fake,
  '#!/bin/sh\n' +
    'printf "argv:"; for a in "$@"; do printf " [%s]" "$a"; done; printf "\\n"\n' +
    'printf "marker:%s var:%s\\n" "${AWS_IPAM_RELEASE_HANDED_OVER:+set}" "$SOME_SETTING"\n' +
    'cat\n' +
    'echo "stderr of the other CLI" >&2\n' +
    'exit "${FAKE_EXIT:-0}"\n',
);
chmodSync(fake, 0o755);
/** …and its completer, which says what it was asked. */
const fakeCompleter = join(work, 'other-cli', 'aws_completer');
writeFileSync(fakeCompleter, '#!/bin/sh\nprintf "other completer: [%s] at %s\\n" "$COMP_LINE" "$COMP_POINT"\n');
chmodSync(fakeCompleter, 0o755);

const { node, prefix } = installOn(26);
const installed = join(prefix, 'bin', 'aws');
registerOurBinary(installed);
registerOurBinary(standalone);
const basePath = pathWith(node);

const handedOver: string[][] = [
  ['s3', 'ls'],
  ['ec2', 'describe-instances', '--region', 'us-east-1'],
  ['ec2', 'release-ipam-pool-alocation', '--cidr', '10.0.0.0/24'],
  [],
  ['help'],
  ['ec2', 'help'],
  ['ec2'],
  ['configure'],
  ['login'],
  ['help', 'config-vars'],
  ['sso', 'login', '--profile', 'dev'],
  ['--region', 'eu-west-1', '--output', 'xml', '--debug', 's3', 'ls', 's3://bucket with spaces/'],
  ['--cli-auto-prompt'],
];

describe.each([
  ['installed package', installed],
  ['standalone executable', standalone],
])('%s with AWS_CLI_FALLBACK', (_label, aws) => {
  test.for(handedOver)('hands %j to the other CLI as typed', async (args) => {
    const result = await runCommand([aws, ...args], {
      env: { PATH: basePath, AWS_CLI_FALLBACK: fake, SOME_SETTING: 'kept', FAKE_EXIT: '7' },
      input: 'stdin for the other CLI\n',
    });
    expect(result).toMatchObject({
      stdout: `argv:${args.map((a) => ` [${a}]`).join('')}\nmarker:set var:kept\nstdin for the other CLI\n`,
      stderr: 'stderr of the other CLI\n',
      code: 7,
    });
  });

  test.for([
    [['ec2', 'release-ipam-pool-allocation', '--generate-cli-skeleton']],
    [['ec2', 'release-ipam-pool-allocation']],
    [['--region', 'us-east-1', 'ec2', 'release-ipam-pool-allocation', '--cidr', 'x']],
    [['ec2', 'release-ipam-pool-allocation', 'help']],
    [['--output', 'xml', '--version']],
  ])('keeps %j, whatever the variable says', async ([args]) => {
    const env = { PATH: basePath, MANPAGER: 'cat', PAGER: 'cat' };
    const [alone, beside] = await Promise.all([
      runCommand([aws, ...args!], { env }),
      runCommand([aws, ...args!], { env: { ...env, AWS_CLI_FALLBACK: join(work, 'missing', 'aws') } }),
    ]);
    expect(beside).toEqual(alone);
    expect(beside.stdout + beside.stderr).not.toContain('AWS_CLI_FALLBACK');
  });

  test('an unusable fallback is one line and exit 255', async () => {
    const loop = join(work, `loop-${aws === standalone ? 'exe' : 'pkg'}`);
    writeFileSync(loop, `#!/bin/sh\nexec "${aws}" "$@"\n`);
    chmodSync(loop, 0o755);
    const self = join(work, `self-${aws === standalone ? 'exe' : 'pkg'}`);
    symlinkSync(aws, self);
    const notExecutable = join(work, 'not-executable');
    writeFileSync(notExecutable, '#!/bin/sh\n');
    const cases: Array<[string, string]> = [
      [join(work, 'missing', 'aws'), 'no such file'],
      [notExecutable, 'not an executable file'],
      [work, 'not an executable file'],
      [self, 'it is this CLI itself'],
      ['aws-cli-that-is-nowhere', 'no other "aws-cli-that-is-nowhere" found on PATH'],
      [loop, 'it leads back to this CLI (a loop)'],
    ];
    for (const [value, reason] of cases) {
      const result = await runCommand([aws, 's3', 'ls'], { env: { PATH: basePath, AWS_CLI_FALLBACK: value } });
      expect(result, value).toEqual({
        stdout: '',
        stderr: `\nCannot hand this command line to AWS_CLI_FALLBACK ("${value}"): ${reason}\n`,
        code: 255,
        signal: null,
      });
    }
  });

  test('AWS_CLI_FALLBACK=aws skips this clone on PATH and finds the real CLI behind it', async (context) => {
    skipWithoutRealAws(context);
    const bin = join(work, `path-${aws === standalone ? 'exe' : 'pkg'}`);
    mkdirSync(bin);
    symlinkSync(aws, join(bin, 'aws'));
    // this machine's PATH may hold other `aws` commands (an AWS CLI v1): only ours, then the real one
    const path = `${bin}:${dirname(node)}:/usr/bin:/bin`;
    for (const args of [['configure', 'list'], ['s3', 'ls'], ['ec2', 'describ-instances']]) {
      const [ours, real] = await Promise.all([
        runCommand([join(bin, 'aws'), ...args], { env: { PATH: path, AWS_CLI_FALLBACK: 'aws' } }),
        runCommand([realAws, ...args], { env: { PATH: path } }),
      ]);
      expect(ours, args.join(' ')).toEqual(real);
    }
  });

  test('signals are passed on, and the exit status is the other CLI\'s, a signal included', async () => {
    const trapping = join(work, `trapping-${aws === standalone ? 'exe' : 'pkg'}`);
    // the background sleep is stopped with it: it would hold the output pipe open
    writeFileSync(trapping, '#!/bin/sh\ntrap \'echo got TERM; kill $pid; exit 42\' TERM\necho ready\nif [ "$1" = die ]; then kill -KILL $$; fi\nsleep 20 & pid=$!\nwait\n');
    chmodSync(trapping, 0o755);
    const start = (args: string[]) => {
      const child = spawn(aws, args, { env: { ...baseEnv(work), PATH: basePath, AWS_CLI_FALLBACK: trapping }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      const ready = new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => ((out += d), out.includes('ready') && resolve())));
      const ended = new Promise<[number | null, string | null]>((resolve) => child.once('close', (code, signal) => resolve([code, signal])));
      return { child, ready, ended, out: () => out };
    };
    const terminated = start(['s3', 'ls']);
    await terminated.ready;
    terminated.child.kill('SIGTERM');
    expect(await terminated.ended).toEqual([42, null]);
    expect(terminated.out()).toBe('ready\ngot TERM\n');
    const killed = start(['die']);
    expect(await killed.ended).toEqual([null, 'SIGKILL']);
  });
});

test('without AWS_CLI_FALLBACK nothing changes: other commands are refused as before', async () => {
  const args = ['s3', 'ls'];
  const [checkout, pkg] = await Promise.all([
    runCommand([process.execPath, ourBinary, ...args]),
    runCommand([installed, ...args], { env: { PATH: basePath } }),
  ]);
  expect(pkg).toEqual(checkout);
  expect(pkg.code).toBe(252);
  expect(pkg.stderr).toContain("'aws s3' is not provided by this CLI");
});

test.for([
  ['installed package', join(prefix, 'bin', 'aws_completer')],
  ['standalone executable', join(standalone, '..', 'aws_completer')],
])('%s: aws_completer hands other command lines to the aws_completer beside the other CLI', async ([_label, completer]) => {
  for (const line of ['aws s3 l', 'aws ec2 describe-insta', 'aws ', 'aws --region us-east-1 e', 'aws ec2 release-ipam-pool-alloc']) {
    const result = await runCommand([completer!], { env: { PATH: basePath, AWS_CLI_FALLBACK: fake, COMP_LINE: line, COMP_POINT: String(line.length) } });
    expect(result, line).toMatchObject({ stdout: `other completer: [${line}] at ${line.length}\n`, code: 0 });
  }
  const own = { PATH: basePath, COMP_LINE: 'aws ec2 release-ipam-pool-allocation --ipam-pool-a', COMP_POINT: '50' };
  expect((await runCommand([completer!], { env: { ...own, AWS_CLI_FALLBACK: fake } })).stdout).toBe('--ipam-pool-allocation-id\n');
  // no completer beside it (Debian's awscli package has none): this clone completes what it can
  const alone = await runCommand([completer!], { env: { PATH: basePath, AWS_CLI_FALLBACK: realAws, COMP_LINE: 'aws e', COMP_POINT: '5' } });
  expect(alone.stdout).toBe('ec2\n');
});
