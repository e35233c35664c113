// `file://` and `fileb://` parameter values: the value is replaced by the file's contents
// (text, or bytes for fileb://), with the real CLI's messages when the file cannot be read.
import { homedir } from '../util/builtins';
import { readFileSync } from 'node:fs';
import { PyBytes } from '../util/python';
import { expandUser, expandVars } from '../util/paths';
import { osErrorText } from '../util/oserror';
import { GeneralError, ParamValidationError } from '../runtime/errors';
import { decodeParamText, PyCodecError, UndecodableText } from './text-encoding';

/** Raised when a file named by a parameter cannot be read; the caller names the parameter. */
export class ResourceLoadingError extends Error {}

/** A value that could not be read for one parameter: "Error parsing parameter '--cidr': …". */
export class ParamError extends ParamValidationError {
  constructor(
    readonly parameter: string,
    readonly detail: string,
  ) {
    super(`Error parsing parameter '${parameter}': ${detail}`);
  }
}

/** The value of `flag` with a file:// or fileb:// value replaced by the file's contents. */
export function readParameterValue(flag: string, value: string, env: NodeJS.ProcessEnv): unknown {
  try {
    return loadParamFile(value, env) ?? value;
  } catch (error) {
    if (error instanceof ResourceLoadingError) throw new ParamError(flag, error.message);
    throw error;
  }
}

const prefixes = ['file://', 'fileb://'] as const;

/** The loaded value, or `undefined` when the value does not name a file. */
export function loadParamFile(value: string, env: NodeJS.ProcessEnv = process.env): string | PyBytes | undefined {
  const prefix = prefixes.find((p) => value.startsWith(p));
  if (!prefix) return undefined;
  const path = expandUser(expandVars(value.slice(prefix.length), env), env, homedir);
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new ResourceLoadingError(`Unable to load paramfile ${value}: ${osErrorText(error, path)}`);
  }
  if (prefix === 'fileb://') return new PyBytes(new Uint8Array(data));
  try {
    // Python reads text files with universal newlines
    return decodeParamText(data, env).replace(/\r\n?/g, '\n');
  } catch (error) {
    if (error instanceof PyCodecError) throw new GeneralError(error.message);
    if (!(error instanceof UndecodableText)) throw error;
    throw new ResourceLoadingError(
      `Unable to load paramfile (${path}), text contents could not be decoded.  If this is a binary file, ` +
        'please use the fileb:// prefix instead of the file:// prefix.',
    );
  }
}

