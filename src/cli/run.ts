// One run of the CLI: the phases in the real CLI's order, and the one place that turns an error
// into its message and exit code. Heavy modules (SDK, JMESPath, YAML, tables, help) are imported
// only on the paths that need them. main.ts wires it to the process; tests call run() directly.
import { ArgumentParseError, parseKnownArgs, VersionRequested, type ParseResult } from '../util/argparse';
import { UsageError, ExitCode, ParamValidationError } from '../runtime/errors';
import { handleError, isForeseen } from './error-handler';
import { firstPassUsage } from './usage';
import { firstPassCommand, mainCommand, serviceCommand, specOf, choiceSet, type Declaration } from './parsers';
import { releaseIpamPoolAllocation as operation, operationCliName } from '../model/operation';
import { checkGlobals, parsedGlobals } from './globals';
import { globalFlags, type Globals } from '../model/globals';
import { runOperation } from './operation';
import type { Io } from '../runtime/io';
import { autoPromptMode, promptForCommand, runSilencingValidation } from '../terminal/autoprompt';
import { initializeSession, loadConfigFiles } from '../config/session';

const SERVICE = operation.service;
const OPERATION = operationCliName(operation);

/** Runs one command line; returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
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

async function dispatch(givenArgv: readonly string[], io: Io): Promise<number> {
  // 1. The first pass only looks for --profile and --debug; its errors carry its own usage line.
  const firstPass = parseWith(firstPassCommand, givenArgv, firstPassUsage);
  if (firstPass.values.debug) await logInvocation(givenArgv, io);
  // The CLI reads the config and credentials files right after the first pass (even for --version).
  loadConfigFiles(io.env);

  const { cliAutoPrompt, noCliAutoPrompt } = globalFlags;
  if (givenArgv.includes(cliAutoPrompt) && givenArgv.includes(noCliAutoPrompt)) {
    throw new ParamValidationError(`Both ${cliAutoPrompt} and ${noCliAutoPrompt} cannot be specified at the same time.`);
  }
  const promptMode = autoPromptMode(givenArgv, io.env);
  if (promptMode === 'on') return runCommandLine(await promptForCommand(givenArgv, io), io);
  if (promptMode === 'on-partial') {
    // Run once with validation messages silenced; prompt only if the command line was refused.
    const code = await runSilencingValidation(() => runCommandLine(givenArgv, io), (error) => report(error, io));
    if (code !== ExitCode.usage) return code;
    const prompted = await promptForCommand(givenArgv, io);
    parseWith(firstPassCommand, prompted, firstPassUsage);
    return runCommandLine(prompted, io);
  }
  return runCommandLine(givenArgv, io);
}

/** The real CLI's first --debug lines, written for every command line (skeletons and usage errors too). */
async function logInvocation(argv: readonly string[], io: Io): Promise<void> {
  const [{ createDebugLog }, { versionLine }, { pyRepr }] = await Promise.all([
    import('../call/debug'),
    import('./version'),
    import('../util/python'),
  ]);
  const log = createDebugLog(io.stderr);
  log.debug('awscli.clidriver', `CLI version: ${versionLine(io.env)}`);
  log.debug('awscli.clidriver', `Arguments entered to CLI: ${pyRepr([...argv])}`);
}

/** Phases 2-4 on a command line that passed the first pass. */
async function runCommandLine(argv: readonly string[], io: Io): Promise<number> {
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
  // session-initialized: settings the CLI checks before it looks at the command
  initializeSession(io.env, globals.profile || undefined, globals.cliBinaryFormat);

  const command = globals.command as string;
  if (command === 'help') return showHelp(['help'], globals, io, main.extras);
  if (command !== SERVICE) throw notProvided(command);

  // 3. <subcommand> of the service.
  const service = await withCatalog(() =>
    parseWith(() => serviceCommand(choiceSet(() => [...catalog().ec2Operations, 'help'], [OPERATION, 'help'])), main.extras),
  );
  const subcommand = service.values.operation as string;
  if (subcommand === 'help') return showHelp([SERVICE, 'help'], globals, io);
  if (subcommand !== OPERATION) throw notProvided(`${SERVICE} ${subcommand}`);

  // 4. The operation itself.
  return runOperation(operation, service.extras, globals, io, () => showHelp([SERVICE, OPERATION, 'help'], globals, io));
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

async function showHelp(topic: string[], globals: Globals, io: Io, args: readonly string[] = []): Promise<number> {
  const { showHelpPage } = await import('../help/index');
  return showHelpPage(topic, globals, io, args);
}

/** A command the real CLI has but this clone does not provide. */
function notProvided(name: string): UsageError {
  return new UsageError(
    `'aws ${name}' is not provided by this CLI; it implements only 'aws ${SERVICE} ${OPERATION}'.`,
  );
}
