// The parameters the CLI adds to every operation besides its service-model members. Kept apart
// from cli/parsers.ts so that the shell completer and help can read them without loading commander.

/** The skeleton kinds `--generate-cli-skeleton` accepts. */
export const skeletonKinds = ['input', 'output', 'yaml-input'] as const;
export type SkeletonKind = (typeof skeletonKinds)[number];
/** The kind printed when the flag is given without a value. */
export const defaultSkeletonKind: SkeletonKind = 'input';

/** The flag that prints a skeleton instead of calling the service. */
export const skeletonFlag = '--generate-cli-skeleton';

/** The input documents an operation reads, by format, with the option that takes each. */
export const cliInputFlags = { json: '--cli-input-json', yaml: '--cli-input-yaml' } as const;
export type InputFormat = keyof typeof cliInputFlags;
/** In the order the CLI declares their options. */
export const inputFormats = Object.keys(cliInputFlags) as InputFormat[];

