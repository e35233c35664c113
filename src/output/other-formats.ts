// Placeholder until text/table/yaml formatters land.
import type { OutputSettings, Rendered } from './index';
import { formatJson } from './json';

export function formatOther(data: unknown, _settings: OutputSettings): Rendered {
  return { text: formatJson(data) };
}
