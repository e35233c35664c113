// The options of `aws ec2 release-ipam-pool-allocation` as a person meets them in help pages,
// the auto-prompt and shell completion: the operation's members, the parameters the CLI adds,
// then the global options, in the order the real CLI lists them. Built from the operation
// description and the global option table; nothing here spells out a member or a flag.
import { globalOptions, versionOption } from './globals';
import { flagOf, negatedFlagOf } from './names';
import type { Operation } from './operation';
import { cliInputFlags, skeletonFlag, skeletonKinds } from './cli-params';
import { cliInputJsonDoc, cliInputYamlDoc, generateCliSkeletonDoc } from './cli-param-docs';

export interface CliOption {
  readonly flag: string;
  /** `--no-x` of a boolean member (offered as an option of its own). */
  readonly negation?: string;
  /** The type name the CLI shows: string, boolean, integer (members), int (global timeouts). */
  readonly type: string;
  readonly required: boolean;
  readonly takesValue: boolean;
  /** Whether the synopsis shows `<value>` (the CLI shows it for --version too, which takes none). */
  readonly showsValue: boolean;
  readonly choices?: readonly string[];
  /** Documentation: HTML (service model, global table) or reST (CLI-added parameters). */
  readonly doc: { readonly html: string } | { readonly rst: string };
  readonly scope: 'operation' | 'global';
}

export function operationOptions(op: Operation): CliOption[] {
  const members: CliOption[] = op.input.map((m) => ({
    flag: flagOf(m.name),
    negation: m.type === 'boolean' ? negatedFlagOf(m.name) : undefined,
    type: m.type,
    required: m.required,
    takesValue: m.type !== 'boolean',
    showsValue: m.type !== 'boolean',
    doc: { html: m.doc },
    scope: 'operation',
  }));
  const { json, yaml } = cliInputFlags;
  const added: CliOption[] = [
    { flag: json, type: 'string', required: false, takesValue: true, showsValue: true, doc: { rst: cliInputJsonDoc }, scope: 'operation' },
    { flag: yaml, type: 'string', required: false, takesValue: true, showsValue: true, doc: { rst: cliInputYamlDoc }, scope: 'operation' },
    {
      flag: skeletonFlag,
      type: 'string',
      required: false,
      takesValue: true,
      showsValue: true,
      choices: skeletonKinds,
      doc: { rst: generateCliSkeletonDoc },
      scope: 'operation',
    },
  ];
  return [...members, ...added];
}

/** Global options in the CLI's order: --version sits right after --region. */
export function globalCliOptions(): CliOption[] {
  const options: CliOption[] = [];
  for (const g of globalOptions) {
    options.push({
      flag: g.flag,
      type: g.helpType === 'integer' ? 'int' : g.helpType,
      required: false,
      takesValue: g.kind === 'value',
      showsValue: g.kind === 'value',
      choices: g.choices,
      doc: { html: g.help },
      scope: 'global',
    });
    if (g.flag === versionOption.listedAfter) {
      options.push({
        flag: versionOption.flag,
        type: 'string',
        required: false,
        takesValue: false,
        showsValue: true,
        doc: { html: versionOption.help },
        scope: 'global',
      });
    }
  }
  return options;
}

/** Every option word the command accepts (each boolean member twice), in the CLI's order. */
export function allOptionWords(op: Operation): string[] {
  const words: string[] = [];
  for (const o of [...operationOptions(op), ...globalCliOptions()]) {
    words.push(o.flag);
    if (o.negation) words.push(o.negation);
  }
  return words;
}
