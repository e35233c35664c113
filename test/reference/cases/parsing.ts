// Command-line parsing: required arguments, unknown options, prefixes, choices, = forms.
import type { Scenario } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
/** Validates and prints the sample response without a server. */
const stub = ['--generate-cli-skeleton', 'output', '--region', 'us-east-1'];

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
  { name: 'connect timeout float', args: [...op, ...all, '--cli-connect-timeout', '1.5'] },
  { name: 'read timeout python int forms', args: [...op, ...all, '--cli-read-timeout', ' +1_0 ', ...stub] },
  { name: 'connect timeout in Arabic-Indic digits', args: [...op, ...all, '--cli-connect-timeout', '\u00a0١٠\u3000', ...stub] },
  { name: 'read timeout after a byte order mark', args: [...op, ...all, '--cli-read-timeout', '\ufeff5', ...stub] },
  { name: 'read timeout empty', args: [...op, ...all, '--cli-read-timeout='] },
  { name: 'query checked before timeouts', args: [...op, ...all, '--cli-read-timeout', 'x', '--query', 'a['] },

  // values that start with a dash, = forms, spaces, empty strings
  { name: 'equals value starting with dash', args: [...op, '--cidr=-x', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub] },
  { name: 'negative number value', args: [...op, '--cidr', '-1', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub] },
  { name: 'negative float value', args: [...op, '--cidr', '-.5', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub] },
  { name: 'dash value with a space', args: [...op, '--cidr', '-x y', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub] },
  { name: 'single dash value', args: [...op, '--cidr', '-', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub] },
  { name: 'empty value', args: [...op, '--cidr', '', '--ipam-pool-id', '', '--ipam-pool-allocation-id', '', ...stub] },
  { name: 'equals empty value', args: [...op, '--cidr=', '--ipam-pool-id=p', '--ipam-pool-allocation-id=a', ...stub] },
  { name: 'double dash then value', args: [...op, '--cidr', '--', 'x', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub] },
  { name: 'double dash at end', args: [...op, ...all, ...stub, '--'] },
  { name: 'value is a global option name', args: [...op, '--cidr', '--region', 'us-east-1', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', '--generate-cli-skeleton', 'output'] },
  { name: 'unicode values', args: [...op, '--cidr', 'Ω≈ç√', '--ipam-pool-id', '日本', '--ipam-pool-allocation-id', '🙂', ...stub] },

  // repeated options: the last one wins (visible through which file is read)
  { name: 'repeated option last wins', args: [...op, '--cidr', 'file://first.txt', '--cidr', 'file://second.txt', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub] },
  { name: 'dry-run then no-dry-run', args: [...op, ...all, '--dry-run', '--no-dry-run', ...stub] },
  { name: 'repeated global option', args: [...op, ...all, '--output', 'text', '--output', 'json', ...stub] },

  // prefixes
  { name: 'ambiguous ipam-pool prefix', args: [...op, '--ipam-pool', 'x'] },
  { name: 'unique member prefixes', args: [...op, '--ipam-pool-i', 'p', '--ci', 'c', '--ipam-pool-a', 'a', ...stub] },
  { name: 'unique global prefixes', args: [...op, ...all, '--reg', 'us-east-1', '--outp', 'json', '--generate-cli-skeleton', 'output'] },
  { name: 'prefix with equals', args: [...op, ...all, '--reg=us-east-1', '--generate-cli-skeleton', 'output'] },
  { name: 'ambiguous no prefix', args: [...op, ...all, '--no'] },
  { name: 'dry prefix', args: [...op, ...all, '--dr', ...stub] },
  { name: 'skeleton prefix', args: [...op, '--gen'] },
  { name: 'single dash word', args: [...op, ...all, '-x', ...stub] },
  { name: 'single dash prefix of flag', args: [...op, ...all, '-', ...stub] },

  // where global options may stand
  { name: 'globals before command', args: ['--region', 'us-east-1', '--output', 'json', ...op, ...all, '--generate-cli-skeleton', 'output'] },
  { name: 'globals between command and subcommand', args: ['ec2', '--region', 'us-east-1', 'release-ipam-pool-allocation', ...all, '--generate-cli-skeleton', 'output'] },
  { name: 'unknown option before command', args: ['--cidr', 'x', ...op], differsIn2919: '2.9.19 lists every command' },
  { name: 'unknown equals option before command', args: ['--cidr=x', ...op, ...all, ...stub] },
  { name: 'bad output before version', args: ['--output', 'xml', '--version'], differsIn2919: '2.9.19 lists the valid choices in columns' },
  { name: 'debug flag with value', args: ['--debug=1', ...op] },
  { name: 'no-sign-request with value', args: [...op, ...all, '--no-sign-request=yes'] },

  // stray words and help positions
  { name: 'stray word', args: [...op, ...all, 'word', ...stub] },
  { name: 'stray words before options', args: [...op, 'a', 'b', ...all, ...stub] },
  { name: 'stray word with required missing', args: [...op, 'word'] },
  { name: 'help after options', args: [...op, ...all, 'help'], differsIn2919: 'help output is rendered by the terminal help engineer' },
  { name: 'extra command word', args: ['ec2', 'release-ipam-pool-allocation', 'extra', ...all, ...stub] },
  { name: 'invalid command close to ec2', args: ['ec'], differsIn2919: '2.9.19 lists every command' },
  { name: 'invalid command far from all', args: ['zzzzzzzz'], differsIn2919: '2.9.19 lists every command' },
  { name: 'operation typo far', args: ['ec2', 'release'], differsIn2919: '2.9.19 lists every operation' },
  { name: 'operation with wrong case', args: ['ec2', 'Release-Ipam-Pool-Allocation'], differsIn2919: '2.9.19 lists every operation' },
  { name: 'command with wrong case', args: ['EC2', 'release-ipam-pool-allocation'], differsIn2919: '2.9.19 lists every command' },
  { name: 'empty command word', args: [''], differsIn2919: '2.9.19 lists every command' },
];
