// Python's warnings module as the CLI shows warnings: on stderr when they happen, each text once
// per run (the "default" filter). The CLI points the sink at its stderr when it makes a client;
// until then warnings are dropped.
let sink: ((text: string) => void) | undefined;
const shown = new Set<string>();

/** Where warnings go for the rest of this run (and none shown yet). */
export function showPythonWarningsOn(write: (text: string) => void): void {
  sink = write;
  shown.clear();
}

/** warnings.warn as Python prints it: `file:line: Category: message` and the source line. */
export function pyWarn(text: string): void {
  if (shown.has(text)) return;
  shown.add(text);
  sink?.(text);
}
