// `aws --version` prints the real CLI's layout with this project's own numbers (so it is not
// compared byte for byte with the reference): aws-cli/<ours> Node/<node> <OS>/<release> source/<arch>[.<distro>]
import { release, type, machine } from 'node:os';
import { describe, expect, test } from 'vitest';
import { runOurs, runReal, skipWithoutRealAws } from '../helpers/cli';
import pkg from '../../package.json' with { type: 'json' };

const line = new RegExp(
  `^aws-cli/${pkg.version.replace(/\./g, '\\.')} Node/${process.versions.node.replace(/\./g, '\\.')} ` +
    `${type()}/${release().replace(/[.+]/g, (c) => '\\' + c)} source/${machine()}(\\.[a-z]+(\\.\\d+)?)?\\n$`,
);

describe('--version', () => {
  test.each([
    [['--version']],
    [['--vers']],
    [['ec2', 'release-ipam-pool-allocation', '--version']],
    [['--version', '--output', 'xml']],
    [['--region', 'us-east-1', '--version', 'ec2']],
  ])('%j prints the version line and exits 0', async (args) => {
    const r = await runOurs(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(line);
  });

  test('AWS_EXECUTION_ENV is reported like the real CLI', async () => {
    const r = await runOurs(['--version'], { env: { AWS_EXECUTION_ENV: 'CI-runner' } });
    expect(r.stdout).toMatch(/ exec-env\/CI-runner source\//);
  });

  test('same layout as the real CLI (apart from names and numbers)', async (context) => {
    skipWithoutRealAws(context);
    const [ours, real] = await Promise.all([runOurs(['--version']), runReal(['--version'])]);
    const shape = (s: string) => s.replace(/aws-cli\/\S+ (Python|Node)\/\S+/, 'aws-cli/X RT/Y').replace(/ prompt\/off/, '');
    // 2.9.19 appends " prompt/off", which 2.33.31 no longer prints (versions.md §4)
    expect(shape(ours.stdout)).toBe(shape(real.stdout));
    expect(ours.code).toBe(real.code);
  });
});
