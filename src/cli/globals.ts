// The parsed global options and the checks the CLI runs on them as soon as they are parsed
// (before it looks at the command): --query must compile, --endpoint-url needs a scheme, the
// timeouts must be integers.
import { GeneralError, ParamValidationError } from '../runtime/errors';
import type { Globals } from '../model/globals';
import { pyRepr } from '../util/python';
import { parsePyInt } from '../util/pyint';

/**
 * The main parser's values: that parser is declared from the global option table (parsers.ts),
 * so each value has the type Globals computes from the same table.
 */
export function parsedGlobals(values: Readonly<Record<string, unknown>>): Globals {
  return values as Globals;
}

export async function checkGlobals(globals: Globals): Promise<void> {
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

/** urlparse(value).scheme is non-empty. */
function hasScheme(url: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(url.replace(/[\t\n\r]/g, ''));
}
