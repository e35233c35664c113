// Help pages and the help pager outside a terminal, the auto-prompt settings that do not prompt,
// and the output pager outside a terminal. (What happens in a terminal: test/terminal/.)
import type { Scenario } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const stub = ['--generate-cli-skeleton', 'output', '--region', 'us-east-1'];
const docsChanged = 'the service documentation of the operation changed after 2.9.19';
const config = (body: string) => ({ '.aws/config': body });
const listsChoices = '2.9.19 lists the valid choices in columns';
const noUrlMode = '2.9.19 has no cli_help_output setting';

export const scenarios: Scenario[] = [
  // the page, typeset by groff and passed through the pager (less copies it to a pipe)
  { name: 'operation help in a pipe', args: [...op, 'help'], differsIn2919: docsChanged },
  { name: 'operation help through PAGER', args: [...op, 'help'], env: { PAGER: 'cat' }, differsIn2919: docsChanged },
  { name: 'MANPAGER wins over PAGER', args: [...op, 'help'], env: { MANPAGER: 'cat', PAGER: 'no-such-pager' }, differsIn2919: docsChanged },
  { name: 'help pager not on PATH prints the page', args: [...op, 'help'], env: { PAGER: 'no-such-pager' }, differsIn2919: docsChanged },
  { name: 'help pager with arguments', args: [...op, 'help'], env: { PAGER: 'cat -u' }, differsIn2919: docsChanged },
  { name: 'empty MANPAGER', args: [...op, 'help'], env: { MANPAGER: '' } },
  { name: 'unclosed quote in PAGER', args: [...op, 'help'], env: { PAGER: '"less' } },
  { name: 'help after global options', args: ['--region', 'us-west-2', '--output', 'text', ...op, 'help'], differsIn2919: docsChanged },
  { name: 'help with auto-prompt on', args: [...op, 'help'], env: { AWS_CLI_AUTO_PROMPT: 'on' }, differsIn2919: docsChanged },
  { name: 'help ignores the output pager', args: [...op, 'help'], env: { AWS_PAGER: 'no-such-pager' }, differsIn2919: docsChanged },
  { name: 'operation help then a word', args: [...op, 'help', 'extra'] },
  { name: 'operation help after parameters', args: [...op, '--cidr', 'x', 'help'] },
  { name: 'help topic misspelt', args: ['help', 'config-var'], differsIn2919: listsChoices },
  { name: 'help topic unknown', args: ['help', 'nothing-like-it'], differsIn2919: listsChoices },
  { name: 'help topic that is a command', args: ['help', 'ec2'], differsIn2919: listsChoices },
  {
    name: 'cli_help_output url: operation',
    args: [...op, 'help'],
    files: config('[default]\ncli_help_output = url\n'),
    differsIn2919: noUrlMode,
  },
  { name: 'cli_help_output url: service', args: ['ec2', 'help'], files: config('[default]\ncli_help_output = url\n'), differsIn2919: noUrlMode },
  { name: 'cli_help_output url: top level', args: ['help'], files: config('[default]\ncli_help_output = url\n'), differsIn2919: noUrlMode },
  {
    name: 'cli_help_output of another profile',
    args: ['--profile', 'docs', ...op, 'help'],
    files: config('[default]\n[profile docs]\ncli_help_output = url\n'),
    differsIn2919: noUrlMode,
  },
  {
    name: 'cli_help_output with an unknown profile',
    args: ['--profile', 'nope', ...op, 'help'],
    files: config('[default]\ncli_help_output = url\n'),
    differsIn2919: docsChanged,
  },

  // the auto-prompt settings when nothing is prompted
  { name: 'auto-prompt setting unknown value', args: [...op, ...all, ...stub], env: { AWS_CLI_AUTO_PROMPT: 'sometimes' } },
  { name: 'auto-prompt off by flag', args: [...op, ...all, ...stub, '--no-cli-auto-prompt'], env: { AWS_CLI_AUTO_PROMPT: 'on' } },
  { name: 'auto-prompt on-partial with a valid command', args: [...op, ...all, ...stub], env: { AWS_CLI_AUTO_PROMPT: 'on-partial' } },
  {
    name: 'auto-prompt setting of an unknown AWS_PROFILE',
    args: [...op, ...all, ...stub],
    env: { AWS_PROFILE: 'nope' },
    files: config('[default]\ncli_auto_prompt = on\n'),
  },

  // no pager outside a terminal, whatever is configured
  { name: 'missing pager unused in a pipe', args: [...op, ...all, ...stub], env: { AWS_PAGER: 'no-such-pager' } },
  {
    name: 'profile pager unused in a pipe',
    args: [...op, ...all, ...stub],
    env: { PAGER: 'no-such-pager' },
    files: config('[default]\ncli_pager = also-missing\n'),
  },
];
