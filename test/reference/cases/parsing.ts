// Command-line parsing: required arguments, unknown options, prefixes, choices, = forms.
import type { Scenario } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];

export const scenarios: Scenario[] = [
  { name: 'no arguments', args: [] },
  { name: 'service only', args: ['ec2'] },
  { name: 'all required missing', args: op },
  { name: 'two required missing', args: [...op, '--cidr', '10.0.0.0/24'] },
  { name: 'one required missing', args: [...op, '--cidr', 'x', '--ipam-pool-id', 'y'] },
  { name: 'unknown options after required', args: [...op, ...all, 'foo', 'bar', '--zz'] },
  { name: 'required checked before unknown', args: [...op, '--bogus', 'x'] },
  { name: 'value looks like an option', args: [...op, '--cidr', '-x'] },
  { name: 'option at end without value', args: [...op, ...all, '--cidr'] },
  { name: 'ambiguous global prefix', args: ['--c', 'x', 'ec2'] },
  { name: 'ambiguous operation prefix', args: [...op, '--cli-input', 'x'] },
  { name: 'prefix of cidr', args: [...op, '--ci', 'x'] },
  { name: 'first pass profile without value', args: ['--profile'] },
  { name: 'explicit argument to a flag', args: [...op, ...all, '--dry-run=yes'] },
  { name: 'invalid output choice', args: ['--output', 'xml', 'ec2'], differsIn2919: '2.9.19 lists the valid choices in columns' },
  { name: 'invalid color choice', args: [...op, '--color', 'blue'], differsIn2919: '2.9.19 lists the valid choices in columns' },
  { name: 'invalid command', args: ['ec3'], differsIn2919: '2.9.19 lists every command' },
  { name: 'misspelt operation', args: ['ec2', 'release-ipam-pool-alocation'], differsIn2919: '2.9.19 lists every operation' },
  { name: 'invalid skeleton kind', args: [...op, '--generate-cli-skeleton', 'foo'], differsIn2919: '2.9.19 lists the valid choices in columns' },
  { name: 'skeleton output without required', args: [...op, '--generate-cli-skeleton', 'output'] },
  { name: 'both auto-prompt flags', args: [...op, '--cli-auto-prompt', '--no-cli-auto-prompt'] },
  { name: 'bad query', args: ['--query', '[', ...op, ...all] },
  { name: 'endpoint url without scheme', args: [...op, ...all, '--endpoint-url', 'localhost'] },
  { name: 'read timeout not an integer', args: [...op, ...all, '--cli-read-timeout', 'x'] },
];
