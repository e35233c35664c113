// The global options of the AWS CLI, described once: the parser, help, completion and the
// auto-prompt read this table, and the type of the parsed options (Globals) is computed from it.
// Help texts are the CLI's own option documentation.

export type GlobalKind = 'value' | 'flag';

export interface GlobalOption {
  /** `--no-x` flags switch the setting `x` off: they store `false` under `x` (see cli/parsers.ts). */
  readonly flag: string;
  readonly kind: GlobalKind;
  readonly choices?: readonly string[];
  /** Documented type for help (`string`, `integer`, `boolean`). */
  readonly helpType: 'string' | 'integer' | 'boolean';
  readonly help: string;
}

export const outputFormats = ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const;
export type OutputFormat = (typeof outputFormats)[number];
export const binaryFormats = ['base64', 'raw-in-base64-out'] as const;

const table = [
  { flag: '--debug', kind: 'flag', helpType: 'boolean', help: '<p>Turn on debug logging.</p>' },
  { flag: '--endpoint-url', kind: 'value', helpType: 'string', help: "<p>Override command's default URL with the given URL.</p>" },
  {
    flag: '--no-verify-ssl', kind: 'flag', helpType: 'boolean',
    help: '<p>By default, the AWS CLI uses SSL when communicating with AWS services.  For each SSL connection, the AWS CLI will verify SSL certificates.  This option overrides the default behavior of verifying SSL certificates.</p>',
  },
  {
    flag: '--no-paginate', kind: 'flag', helpType: 'boolean',
    help: '<p>Disable automatic pagination. If automatic pagination is disabled, the AWS CLI will only make one call, for the first page of results.</p>',
  },
  { flag: '--output', kind: 'value', choices: outputFormats, helpType: 'string', help: '<p>The formatting style for command output.</p>' },
  { flag: '--query', kind: 'value', helpType: 'string', help: '<p>A JMESPath query to use in filtering the response data.</p>' },
  { flag: '--profile', kind: 'value', helpType: 'string', help: '<p>Use a specific profile from your credential file.</p>' },
  { flag: '--region', kind: 'value', helpType: 'string', help: '<p>The region to use.  Overrides config/env settings.</p>' },
  { flag: '--color', kind: 'value', choices: ['on', 'off', 'auto'], helpType: 'string', help: '<p>Turn on/off color output.</p>' },
  {
    flag: '--no-sign-request', kind: 'flag', helpType: 'boolean',
    help: '<p>Do not sign requests.  Credentials will not be loaded if this argument is provided.</p>',
  },
  {
    flag: '--ca-bundle', kind: 'value', helpType: 'string',
    help: '<p>The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.</p>',
  },
  {
    flag: '--cli-read-timeout', kind: 'value', helpType: 'integer',
    help: '<p>The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and not timeout. The default value is 60 seconds.</p>',
  },
  {
    flag: '--cli-connect-timeout', kind: 'value', helpType: 'integer',
    help: '<p>The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be blocking and not timeout. The default value is 60 seconds.</p>',
  },
  {
    flag: '--cli-binary-format', kind: 'value', choices: binaryFormats, helpType: 'string',
    help: '<p>The formatting style to be used for binary blobs. The default format is base64. The base64 format expects binary blobs to be provided as a base64 encoded string. The raw-in-base64-out format preserves compatibility with AWS CLI V1 behavior and binary values must be passed literally. When providing contents from a file that map to a binary blob ``fileb://`` will always be treated as binary and use the file contents directly regardless of the ``cli-binary-format`` setting. When using ``file://`` the file contents will need to properly formatted for the configured ``cli-binary-format``.</p>',
  },
  { flag: '--no-cli-pager', kind: 'flag', helpType: 'boolean', help: '<p>Disable cli pager for output.</p>' },
  { flag: '--cli-auto-prompt', kind: 'flag', helpType: 'boolean', help: '<p>Automatically prompt for CLI input parameters.</p>' },
  { flag: '--no-cli-auto-prompt', kind: 'flag', helpType: 'boolean', help: '<p>Disable automatically prompt for CLI input parameters.</p>' },
] as const satisfies readonly GlobalOption[];

export const globalOptions: readonly GlobalOption[] = table;

type Flag = (typeof table)[number]['flag'];
/** `cli-auto-prompt` → `cliAutoPrompt`, as commander names an option's attribute. */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type FlagName<F extends string> = F extends `--${infer Name}` ? Camel<Name> : never;
/** Where the parser stores an option's value: `--no-x` stores false under x's name. */
type Dest<F extends string> = F extends `--no-${infer Name}` ? Camel<Name> : FlagName<F>;
type ValueOf<O> = O extends { kind: 'value'; choices: readonly (infer C)[] } ? C : O extends { kind: 'value' } ? string : boolean;

/** The global options as the main parser stores them (with <command>): computed from the table. */
export type Globals = { readonly command?: string } & {
  readonly [O in (typeof table)[number] as Dest<O['flag']>]?: ValueOf<O>;
};

const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Every global flag by its name: `globalFlags.cliAutoPrompt` is `--cli-auto-prompt`, `globalFlags.noCliAutoPrompt` its negation. */
export const globalFlags = Object.fromEntries(table.map((o) => [camel(o.flag.slice(2)), o.flag])) as {
  readonly [F in Flag as FlagName<F>]: F;
};

/** The key of Globals that a flag sets (commander's attribute name). */
export function globalDest(flag: string): string {
  return camel(flag.replace(/^--(no-)?/, ''));
}

/** `--version` is a global option too, but it acts instead of storing a value. */
export const versionOption = {
  flag: '--version',
  help: '<p>Display the version of this tool.</p>',
  /** Help, completion and the prompt list it right after this option (the parser declares it last). */
  listedAfter: globalFlags.region,
} as const;
