// One run of the CLI: the phases in the real CLI's order, each handed the run's context; an
// error ends the run as error-handler.ts shows it. Heavy modules (SDK, JMESPath, YAML, tables, help) are imported
// only on the paths that need them. main.ts wires it to the process; tests call run() directly.
import { ArgumentParseError, parseKnownArgs, VersionRequested, type ParseResult } from '../util/argparse';
import { UsageError, ExitCode, ParamValidationError } from '../runtime/errors';
import { handleError, isForeseen } from './error-handler';
import { firstPassUsage } from './usage';
import { firstPassCommand, mainCommand, serviceCommand, specOf, choiceSet, type Declaration } from './parsers';
import { releaseIpamPoolAllocation as operation, operationCliName } from '../model/operation';
import { checkGlobals, parsedGlobals } from './globals';
import { globalFlags } from '../model/globals';
import { runOperation } from './operation';
import type { Io } from '../runtime/io';
import { newRunContext, withGlobals, type CommandContext, type RunContext } from '../runtime/context';
import { autoPromptMode, promptForCommand, runSilencingValidation } from '../terminal/autoprompt';
import { initializeSession, loadConfigFiles } from '../config/session';
// loaded at start anyway (the configuration and validation use it)
import { pyRepr } from '../util/python';

const SERVICE = operation.service;
const OPERATION = operationCliName(operation);

/** Runs one command line; returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, newRunContext(io));
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: Io): number {
  const { stdout, stderr, exitCode } = handleError(error);
  if (stdout) io.stdout(stdout);
  if (stderr) io.stderr(stderr);
  if (!isForeseen(error) && io.env.AWS_CLI_TS_TRACE) io.stderr(String((error as Error)?.stack) + '\n');
  return exitCode;
}

async function dispatch(givenArgv: readonly string[], ctx: RunContext): Promise<number> {
  // 1. The first pass only looks for --profile and --debug; its errors carry its own usage line.
  const firstPass = parseWith(firstPassCommand, givenArgv, firstPassUsage);
  if (firstPass.values.debug) await logInvocation(givenArgv, ctx.io);
  // The CLI reads the config and credentials files right after the first pass (even for --version).
  loadConfigFiles(ctx);

  const { cliAutoPrompt, noCliAutoPrompt } = globalFlags;
  if (givenArgv.includes(cliAutoPrompt) && givenArgv.includes(noCliAutoPrompt)) {
    throw new ParamValidationError(`Both ${cliAutoPrompt} and ${noCliAutoPrompt} cannot be specified at the same time.`);
  }
  const promptMode = autoPromptMode(givenArgv, ctx);
  if (promptMode === 'on') return runCommandLine(await promptForCommand(givenArgv, ctx), ctx);
  if (promptMode === 'on-partial') {
    // Run once with validation messages silenced; prompt only if the command line was refused.
    const code = await runSilencingValidation(() => runCommandLine(givenArgv, ctx), (error) => report(error, ctx.io));
    if (code !== ExitCode.usage) return code;
    const prompted = await promptForCommand(givenArgv, ctx);
    parseWith(firstPassCommand, prompted, firstPassUsage);
    return runCommandLine(prompted, ctx);
  }
  return runCommandLine(givenArgv, ctx);
}

/** The real CLI's first --debug lines, written for every command line (skeletons and usage errors too). */
async function logInvocation(argv: readonly string[], io: Io): Promise<void> {
  const [{ createDebugLog }, { versionLine }] = await Promise.all([import('../call/debug'), import('./version')]);
  const log = createDebugLog(io.stderr);
  log.debug('awscli.clidriver', `CLI version: ${versionLine(io.env)}`);
  log.debug('awscli.clidriver', `Arguments entered to CLI: ${pyRepr([...argv])}`);
}

/** Phases 2-4 on a command line that passed the first pass. */
async function runCommandLine(argv: readonly string[], runContext: RunContext): Promise<number> {
  const io = runContext.io;
  // 2. Global options and <command>.
  let main: ParseResult;
  try {
    main = await withCatalog(() =>
      parseKnownArgs(specOf(mainCommand(choiceSet(() => [...catalog().topLevelCommands, 'help'], [SERVICE, 'help']))), argv),
    );
  } catch (error) {
    if (error instanceof VersionRequested) {
      const { versionLine } = await import('./version');
      io.stdout(versionLine(io.env) + '\n');
      return ExitCode.ok;
    }
    throw asUsageError(error);
  }
  const globals = parsedGlobals(main.values);
  await checkGlobals(globals);
  const ctx = withGlobals(runContext, globals);
  // session-initialized: settings the CLI checks before it looks at the command
  initializeSession(ctx, globals.profile || undefined, globals.cliBinaryFormat);

  const command = globals.command as string;
  if (command === 'help') return showHelp(['help'], ctx, main.extras);
  if (command !== SERVICE) throw notProvided(command);

  // 3. <subcommand> of the service.
  const service = await withCatalog(() =>
    parseWith(() => serviceCommand(choiceSet(() => [...catalog().ec2Operations, 'help'], [OPERATION, 'help'])), main.extras),
  );
  const subcommand = service.values.operation as string;
  if (subcommand === 'help') return showHelp([SERVICE, 'help'], ctx);
  if (subcommand !== OPERATION) throw notProvided(`${SERVICE} ${subcommand}`);

  // 4. The operation itself.
  return runOperation(operation, service.extras, ctx, () => showHelp([SERVICE, OPERATION, 'help'], ctx));
}

// The names of every AWS CLI command and EC2 operation (model/catalog.ts) are only needed when a
// command word is not ours; they are loaded then, and the parse (a pure function) runs again.
let loadedCatalog: typeof import('../model/catalog') | undefined;
class CatalogNeeded extends Error {}

function catalog(): typeof import('../model/catalog') {
  if (!loadedCatalog) throw new CatalogNeeded();
  return loadedCatalog;
}

async function withCatalog<T>(parse: () => T): Promise<T> {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof CatalogNeeded)) throw error;
    loadedCatalog = await import('../model/catalog');
    return parse();
  }
}

function parseWith(declare: () => Declaration, args: readonly string[], usage?: string): ParseResult {
  try {
    return parseKnownArgs(specOf(declare()), args);
  } catch (error) {
    throw asUsageError(error, usage);
  }
}

function asUsageError(error: unknown, usage?: string): unknown {
  if (error instanceof ArgumentParseError) return usage ? new UsageError(error.message, usage) : new UsageError(error.message);
  return error;
}

async function showHelp(topic: string[], ctx: CommandContext, args: readonly string[] = []): Promise<number> {
  const { showHelpPage } = await import('../help/index');
  return showHelpPage(topic, ctx, args);
}

/** A command the real CLI has but this clone does not provide. */
function notProvided(name: string): UsageError {
  return new UsageError(
    `'aws ${name}' is not provided by this CLI; it implements only 'aws ${SERVICE} ${OPERATION}'.`,
  );
}
