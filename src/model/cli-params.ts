// The parameters the CLI adds to every operation besides its service-model members. Kept apart
// from cli/parsers.ts so that the shell completer and help can read them without loading commander.

/** The skeleton kinds `--generate-cli-skeleton` accepts; no value means `input`. */
export const skeletonKinds = ['input', 'output', 'yaml-input'] as const;

/** Options every operation has besides its members (added by the CLI, not the service model). */
export const cliInputFlags = ['--cli-input-json', '--cli-input-yaml'] as const;

/** The flag that prints a skeleton instead of calling the service. */
export const skeletonFlag = '--generate-cli-skeleton';
