// Runs the auto-prompt for a command line and returns the command line to run. As in the real
// CLI: the prompt starts with the given words (quoted, --cli-auto-prompt left out), and the
// command it ends with is echoed as "> aws ..." on stdout before it runs; Ctrl-C/Ctrl-D end the
// CLI with that line on stderr and exit 130. Without a terminal on stdin the CLI warns and reads
// the keys from stdin: what comes before the first line end is typed after the given words.
import { GeneralError } from '../../runtime/errors';
import { PromptInterrupted } from '../errors';
import type { Io } from '../../runtime/io';
import type { RunContext } from '../../runtime/context';
import { shlexSplit, ShlexError } from '../../util/shlex';
import { createSession } from '../../config/session';
import { globalFlags, outputFormats, type OutputFormat } from '../../model/globals';
import { releaseIpamPoolAllocation as operation } from '../../model/operation';
import { historyFile } from './history';
import { suggest } from './suggest';
import { PromptSession } from './ui';
import { valueOf } from './values';
import { shellQuote } from './words';

export async function runPrompt(argv: readonly string[], ctx: RunContext): Promise<string[]> {
  const io = ctx.io;
  const args = [...argv];
  const own = args.indexOf(globalFlags.cliAutoPrompt);
  if (own !== -1) args.splice(own, 1);
  let text = withTrailingSpace(args.map(shellQuote).join(' '), io);

  if (io.stdinIsTty) {
    await io.flush();
    const session = new PromptSession(
      {
        input: io.input(),
        output: io.screen(),
        env: io.env,
        cwd: io.cwd,
        color: io.promptInColor,
        historyFile: historyFile(io.env),
        run: ctx,
        sampleOutput: (words) => sampleOutput(words, ctx),
      },
      text,
    );
    const result = await session.run();
    if (!result.accepted) throw new PromptInterrupted(`> aws ${result.text}`);
    text = result.text;
  } else {
    io.stderr('Warning: Input is not a terminal (fd=0).\n');
    const typed = await firstLine(io.input());
    // the end of a non-terminal stdin: an error with an empty message, as the CLI's
    if (typed === undefined) throw new GeneralError('');
    text += typed;
  }

  io.stdout(`> aws ${text}\n`);
  try {
    return shlexSplit(text);
  } catch (error) {
    if (error instanceof ShlexError) throw new GeneralError(error.message);
    throw error;
  }
}

/**
 * A finished word gets a space after it, so that the menu offers what comes next; a word that
 * can still be completed (or an empty line) is left for the menu to complete.
 */
function withTrailingSpace(text: string, io: Io): string {
  if (text === '' || text.endsWith(' ')) return text;
  if (suggest(text, text, io.env, io.cwd).items.length) return text;
  return `${text} `;
}

/** What stdin holds before its first line end, or undefined if it ends without one. */
function firstLine(stream: NodeJS.ReadStream): Promise<string | undefined> {
  return new Promise((resolve) => {
    let buffered = '';
    const done = (value: string | undefined) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const end = buffered.search(/[\r\n]/);
      if (end !== -1) done(buffered.slice(0, end));
    };
    const onEnd = () => done(undefined);
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.resume();
  });
}

/** The output panel: a sample answer in the chosen --output format, through --query. */
async function sampleOutput(words: readonly string[], ctx: RunContext): Promise<string> {
  const profile = valueOf(words, globalFlags.profile);
  let format: string;
  try {
    format = valueOf(words, globalFlags.output) ?? createSession(ctx, profile).output(undefined);
  } catch {
    format = 'json';
  }
  if (!(outputFormats as readonly string[]).includes(format)) {
    return `Bad value for --output: ${format}\n\nValid values are: ${outputFormats.join(', ')}`;
  }
  const query = valueOf(words, globalFlags.query);
  const { outputSample } = await import('../../input/skeleton');
  const { renderResponse } = await import('../../output/index');
  if (query) {
    const { queryCompileError } = await import('../../output/query');
    const problem = queryCompileError(query);
    if (problem !== undefined) return `Bad value for --query: ${query}\n\n${problem}`;
  }
  const rendered = await renderResponse(outputSample(operation), {
    format: format as OutputFormat,
    query,
    color: false,
    isTty: false,
    width: 80,
    title: operation.name,
  });
  return rendered.error ? `${rendered.text}${rendered.error.message}` : rendered.text;
}
