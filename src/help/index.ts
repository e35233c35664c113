// Help pages (aws help, aws ec2 help, aws ec2 release-ipam-pool-allocation help): built from the
// operation description, typeset as a manual page and shown through the help pager; or, as the
// profile's `cli_help_output` asks, opened in a browser or named by URL.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../runtime/io';
import type { CommandContext } from '../runtime/context';
import { ExitCode, UsageError } from '../runtime/errors';
import { ArgumentParseError, parseKnownArgs } from '../util/argparse';
import { createSession } from '../config/session';
import { releaseIpamPoolAllocation as operation, operationCliName } from '../model/operation';
import type { Page } from '../doc/doc';
import { operationPage, servicePage, topLevelPage } from '../doc/pages';
import { toRoff } from './roff';
import { sendToHelpPager, typeset } from './render';
import { realHelpTopics } from './topics';
import { onPath } from '../runtime/child-process';

/** The published reference these pages mirror (the URL `cli_help_output = url` prints). */
const REFERENCE_URL = 'https://awscli.amazonaws.com/v2/documentation/api/2.33.31';

/**
 * topic: ['help'] | [service, 'help'] | [service, operation, 'help'];
 * args: what followed `aws help` (a help topic name, which this CLI does not provide).
 */
export async function showHelpPage(topic: string[], ctx: CommandContext, args: readonly string[] = []): Promise<number> {
  const io = ctx.io;
  if (topic.length === 1) refuseTopic(args);
  const page = pageFor(topic);
  const mode = helpOutputMode(ctx);
  if (mode === 'url') {
    await sendToHelpPager(Buffer.from(urlFor(topic)), io);
  } else if (mode === 'browser') {
    openInBrowser(await typeset(toRoff(page), io.env, 'html'), io);
  } else {
    await sendToHelpPager(await typeset(toRoff(page), io.env), io);
  }
  return ExitCode.ok;
}

function pageFor(topic: readonly string[]): Page {
  if (topic.length === 1) return topLevelPage(operation);
  if (topic.length === 2) return servicePage(operation);
  return operationPage(operation);
}

function urlFor(topic: readonly string[]): string {
  if (topic.length === 1) return `${REFERENCE_URL}/index.html`;
  if (topic.length === 2) return `${REFERENCE_URL}/reference/${operation.service}/index.html`;
  return `${REFERENCE_URL}/reference/${operation.service}/${operationCliName(operation)}.html`;
}

/** `aws help <topic>`: a real topic name is refused as not provided; anything else as argparse would. */
function refuseTopic(args: readonly string[]): void {
  let subcommand: unknown;
  try {
    const spec = {
      options: [],
      positionals: [
        {
          dest: 'subcommand',
          nargs: 'optional' as const,
          choices: { has: (v: string) => realHelpTopics.includes(v), list: () => realHelpTopics },
        },
      ],
    };
    subcommand = parseKnownArgs(spec, args).values.subcommand;
  } catch (error) {
    if (error instanceof ArgumentParseError) throw new UsageError(error.message);
    throw error;
  }
  if (typeof subcommand === 'string') {
    throw new UsageError(
      `'aws help ${subcommand}' is not provided by this CLI; it implements only ` +
        `'aws ${operation.service} ${operationCliName(operation)}'.`,
    );
  }
}

/** The profile's `cli_help_output`: terminal (default), url or browser. */
function helpOutputMode(ctx: CommandContext): string {
  try {
    return createSession(ctx, ctx.globals.profile || undefined).get('cli_help_output') ?? 'terminal';
  } catch {
    return 'terminal';
  }
}

function openInBrowser(html: Buffer, io: Io): void {
  const file = join(mkdtempSync(join(tmpdir(), 'aws-help-')), 'help.html');
  writeFileSync(file, html);
  io.stdout('Opening help file in the default browser.\n');
  if (!onPath('xdg-open', io.env)) return;
  const child = spawn('xdg-open', [`file://${file}`], { env: io.env, stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}
