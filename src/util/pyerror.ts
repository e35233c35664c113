// A Python exception as the CLI reports it: botocore lets many of them reach the top level,
// where the CLI prints str(exception) and exits 255. `pyType` is Python's class name.
export class PyError extends Error {
  constructor(
    readonly pyType: string,
    message: string,
  ) {
    super(message);
  }
}

/** Python's ValueError and the subclasses the credential code meets (a bare `except ValueError` catches them all). */
const VALUE_ERRORS = new Set(['ValueError', 'JSONDecodeError', 'UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeError', 'ParserError']);

export function isValueError(error: unknown): error is PyError {
  return error instanceof PyError && VALUE_ERRORS.has(error.pyType);
}
