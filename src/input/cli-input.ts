// --cli-input-json / --cli-input-yaml: a whole input document whose keys fill in what the
// command line left unset (the command line wins).
import { GeneralError, ParamValidationError } from '../runtime/errors';
import { PyDict, parsePyJson, PyJsonError, PyJsonRecursionError } from '../util/pyjson';
import { PyBytes, pyRepr, pyTypeName } from '../util/python';
import { loadParamFile, ParamError, readParameterValue, ResourceLoadingError } from './paramfile';
import { cliInputFlags, type InputFormat } from '../model/cli-params';

/** Stands for a top-level key that is not a string, followed by its repr (no real key starts with NUL). */
const NON_STRING_KEY = '\u0000non-string key: ';

/** Ordered top-level keys of an input document. */
export type InputDocument = ReadonlyArray<readonly [string, unknown]>;

/**
 * Reads the document named or given by `raw`. The real CLI reads a `file://` value twice (once when
 * it unpacks every parameter, once when it merges the document), so a file that changes or a pipe
 * such as /dev/stdin is read twice here too.
 */
export async function loadInputDocument(format: InputFormat, raw: string, env: NodeJS.ProcessEnv): Promise<InputDocument> {
  readParameterValue(cliInputFlags[format], raw, env);
  let text: string | PyBytes;
  try {
    text = loadParamFile(raw, env) ?? raw;
  } catch (error) {
    if (error instanceof ResourceLoadingError) throw new GeneralError(error.message);
    throw error;
  }
  const document = format === 'json' ? parseJsonDocument(text) : await parseYamlDocument(text);
  return document;
}

function parseJsonDocument(input: string | PyBytes): InputDocument {
  const text = typeof input === 'string' ? input : decodeJsonBytes(input.data);
  let value: unknown;
  try {
    if (text === undefined) throw new PyJsonError('undecodable');
    value = parsePyJson(text);
  } catch (error) {
    if (error instanceof PyJsonError) throw new ParamError(withoutDashes(cliInputFlags.json), 'Invalid JSON received.');
    if (error instanceof PyJsonRecursionError) throw new GeneralError(error.message);
    throw error;
  }
  if (!(value instanceof PyDict)) {
    throw new ParamError(cliInputFlags.json, `Invalid type: expecting map, received ${pyTypeName(value)}`);
  }
  return [...value.entries];
}

/** json.loads on bytes: UTF-8 (BOM allowed), UTF-16 or UTF-32 detected from the first bytes. */
function decodeJsonBytes(data: Uint8Array): string | undefined {
  const [b0 = 1, b1 = 1, b2 = 1, b3 = 1] = data;
  let encoding = 'utf-8';
  let skip = 0;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) skip = 3;
  else if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
  else if (!b0 && !b1 && data.length >= 4) return undefined; // UTF-32: not something TextDecoder reads
  else if (!b0 && data.length >= 2) encoding = 'utf-16be';
  else if (!b1 && data.length >= 2) encoding = b2 || b3 ? 'utf-16le' : 'utf-16le';
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(data.subarray(skip));
    return encoding.startsWith('utf-16') ? text.replace(/^\ufeff/, '') : text;
  } catch {
    return undefined;
  }
}

async function parseYamlDocument(input: string | PyBytes): Promise<InputDocument> {
  const { parseYamlInput, YamlInputError } = await import('./yaml-input');
  let value: unknown;
  try {
    value = parseYamlInput(input);
  } catch (error) {
    if (error instanceof YamlInputError) throw new ParamError(withoutDashes(cliInputFlags.yaml), 'Invalid YAML received.');
    throw error;
  }
  if (!(value instanceof Map)) {
    throw new ParamError(cliInputFlags.yaml, `Invalid type: expecting map, received ${pyTypeName(value)}`);
  }
  // a key that is not a string fails only when the call is made (see hasNonStringKey)
  return [...value].map(([k, v]) => [typeof k === 'string' ? k : `${NON_STRING_KEY}${pyRepr(k)}`, v] as const);
}

/** The CLI names the parameter without its dashes when the document does not parse. */
const withoutDashes = (flag: string) => flag.replace(/^--/, '');

/** Raised for a second --cli-input-* option. */
export function onlyOneCliInput(): ParamValidationError {
  return new ParamValidationError('Only one --cli-input- parameter may be specified.');
}

/**
 * Whether the parameters hold a key that is not a string (a YAML document with `1: x` at the top):
 * Python refuses to call the operation with it ("keywords must be strings").
 */
export function hasNonStringKey(params: ReadonlyArray<readonly [string, unknown]>): boolean {
  return params.some(([name]) => name.startsWith(NON_STRING_KEY));
}
