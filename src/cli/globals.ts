// The parsed global options and the checks the CLI runs on them as soon as they are parsed
// (before it looks at the command): --query must compile, --endpoint-url needs a scheme, the
// timeouts must be integers.
import { GeneralError, ParamValidationError } from '../runtime/errors';
import { pyRepr } from '../util/python';
import { parsePyInt } from '../util/pyint';

/** Values from the main parser, keyed by commander's attribute names. */
export interface Globals {
  readonly command?: string;
  readonly debug?: boolean;
  readonly endpointUrl?: string;
  readonly verifySsl?: boolean;
  readonly paginate?: boolean;
  readonly output?: string;
  readonly query?: string;
  readonly profile?: string;
  readonly region?: string;
  readonly color?: string;
  readonly signRequest?: boolean;
  readonly caBundle?: string;
  readonly cliReadTimeout?: string;
  readonly cliConnectTimeout?: string;
  readonly cliBinaryFormat?: string;
  /** false when --no-cli-pager was given */
  readonly cliPager?: boolean;
  readonly cliAutoPrompt?: boolean;
}

export async function checkGlobals(globals: Globals, _env: NodeJS.ProcessEnv): Promise<void> {
  if (globals.query !== undefined) {
    const { queryCompileError } = await import('../output/query');
    const problem = queryCompileError(globals.query);
    if (problem !== undefined) throw new ParamValidationError(`Bad value for --query ${globals.query}: ${problem}`);
  }
  if (globals.endpointUrl !== undefined && !hasScheme(globals.endpointUrl)) {
    throw new ParamValidationError(
      `Bad value for --endpoint-url "${globals.endpointUrl}": scheme is missing.  Must be of the form ` +
        'http://<hostname>/ or https://<hostname>/',
    );
  }
  for (const value of [globals.cliReadTimeout, globals.cliConnectTimeout]) {
    if (value !== undefined && parsePyInt(value) === undefined) {
      throw new GeneralError(`invalid literal for int() with base 10: ${pyRepr(value)}`);
    }
  }
}

/** Timeout in seconds from a checked option value; 60 by default, 0 = none (undefined). */
export function timeoutSeconds(value: string | undefined): number | undefined {
  const n = value === undefined ? 60 : Number(parsePyInt(value));
  return n === 0 ? undefined : n;
}

/** urlparse(value).scheme is non-empty. */
function hasScheme(url: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(url.replace(/[\t\n\r]/g, ''));
}
