// The shared output layer: query → format → (pager, by the caller). Knows nothing of the
// operation: it takes plain response data and the parsed global settings.
import type { OutputFormat } from '../model/globals';
import type { CliError } from '../cli/errors';
import { formatJson } from './json';

export interface OutputSettings {
  readonly format: OutputFormat;
  /** Raw --query expression (already checked by compileQuery). */
  readonly query?: string;
  readonly color: 'on' | 'off' | 'auto';
  /** Whether stdout is a terminal (for --color auto). */
  readonly isTty: boolean;
}

export interface Rendered {
  /** What goes to stdout (possibly partial when `error` is set, as the real CLI prints). */
  readonly text: string;
  readonly error?: CliError;
}

/** Renders a response the way the CLI prints it for the chosen format. */
export async function renderResponse(response: Record<string, unknown>, settings: OutputSettings): Promise<Rendered> {
  let data: unknown = response;
  if (settings.query !== undefined) {
    const { searchQuery } = await import('./query');
    data = searchQuery(settings.query, data);
  }
  switch (settings.format) {
    case 'json':
      return { text: isEmptyObject(data) ? '' : formatJson(data) };
    default: {
      const { formatOther } = await import('./other-formats');
      return formatOther(data, settings);
    }
  }
}

export function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
