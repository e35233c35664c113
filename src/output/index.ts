// The shared output layer: query → format → (pager, by the caller). Knows nothing of the
// operation: it takes plain response data and the parsed global settings. Only the JSON path
// is loaded up front; the query engine and the other formatters are imported when needed.
import type { OutputFormat } from '../model/globals';
import { FormatterError } from './errors';
import { formatJson } from './json';
import { fromPlain, PyError, type PyValue } from './value';

export interface OutputSettings {
  readonly format: OutputFormat;
  /** Raw --query expression (already checked by queryCompileError). */
  readonly query?: string;
  /** Whether --color asks for colour here (Io.outputInColor); only tables are coloured. */
  readonly color: boolean;
  /** Whether stdout is a terminal (colorama resets it when the process exits). */
  readonly isTty: boolean;
  /** Title of table output: the CLI passes the operation's name (e.g. ReleaseIpamPoolAllocation). */
  readonly title: string;
  /** Columns of the terminal (Io.width); tables wider than this turn vertical. */
  readonly width: number;
  /**
   * True when the text goes to a pager process instead of stdout itself: colorama (coloured
   * tables) adds its reset code after each write to stdout only.
   */
  readonly toPager?: boolean;
}

export interface Rendered {
  /** What goes to stdout (possibly partial when `error` is set, as the real CLI prints). */
  readonly text: string;
  readonly error?: FormatterError;
}

/** Renders a response the way the CLI prints it for the chosen format. */
export async function renderResponse(response: Record<string, unknown>, settings: OutputSettings): Promise<Rendered> {
  // table output with colour switches colorama on before anything runs, so even a failing
  // query's message gets its reset codes
  const colorize = settings.format === 'table' && settings.color;
  // colorama also resets the terminal when the process exits, if stdout is one
  const atExit = colorize && settings.isTty && !settings.toPager ? RESET : '';
  let data: PyValue = fromPlain(response);
  if (settings.query !== undefined) {
    const { searchQuery } = await import('./query');
    try {
      data = searchQuery(settings.query, data);
    } catch (error) {
      if (error instanceof PyError) return { text: atExit, error: new FormatterError(error.message, colorize) };
      throw error;
    }
  }
  const result = await format(data, settings, colorize);
  const text = result.text + atExit;
  return result.error ? { text, error: new FormatterError(result.error.message, colorize) } : { text };
}

const RESET = '\x1b[0m';

async function format(data: PyValue, settings: OutputSettings, colorize: boolean): Promise<{ text: string; error?: PyError }> {
  const emptyObject = data instanceof Map && data.size === 0;
  switch (settings.format) {
    case 'json':
      // an empty object (an operation without output) prints nothing; other empty values print
      return emptyObject ? { text: '' } : formatJson(data);
    case 'text': {
      const { formatText } = await import('./text');
      return formatText(data);
    }
    case 'table': {
      const { formatTable } = await import('./table');
      return formatTable(data, {
        title: settings.title,
        colorize,
        resetAfterWrites: colorize && !settings.toPager,
        terminalWidth: settings.width,
      });
    }
    case 'yaml':
    case 'yaml-stream': {
      if (emptyObject) return { text: '' };
      const { formatYaml } = await import('./yaml');
      // the stream form writes each response as a one-item list
      return formatYaml(settings.format === 'yaml' ? data : [data]);
    }
  }
}
