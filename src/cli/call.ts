// The last phase: create the client the way botocore does (profile, region, credentials,
// endpoint — see call/client.ts), validate the parameters, call EC2 (or, for
// `--generate-cli-skeleton output`, answer with the sample response) and print the result.
import { ExitCode, GeneralError } from '../runtime/errors';
import { NoCredentialsError } from '../call/errors';
import type { CommandContext } from '../runtime/context';
import type { Operation } from '../model/operation';
import { validateParameters, type CallParameters } from '../input/validate';
import { hasNonStringKey } from '../input/cli-input';
import { outputSample } from '../input/skeleton';
import { createSession, ensureBoolean } from '../config/session';
import { renderResponse } from '../output/index';
import { outputFormats, type OutputFormat } from '../model/globals';
import { commandHooks, createEc2Client } from '../call/client';
import { PyNumber, pyRepr, pyStr } from '../util/python';
import type { DebugLog } from '../call/debug';

export async function callAndPrint(
  op: Operation,
  params: CallParameters,
  ctx: CommandContext,
  mode: { stubbed: boolean },
): Promise<number> {
  const { io, globals } = ctx;
  const session = createSession(ctx, globals.profile || undefined);
  const log: DebugLog | undefined = globals.debug ? (await import('../call/debug')).createDebugLog(io.stderr) : undefined;
  const client = await createEc2Client(op.service, session, globals, commandHooks(io), log);
  // botocore's client methods take the parameters as keyword arguments
  if (hasNonStringKey(params)) throw new GeneralError('keywords must be strings');
  // `parameter_validation = false` in the profile turns botocore's client-side validation off
  const validate = ensureBoolean(session.get('parameter_validation')) !== false;
  if (validate) validateParameters(op, params);

  let response: Record<string, unknown>;
  if (mode.stubbed) {
    response = outputSample(op);
  } else {
    if (client.signRequest && !client.credentials) throw new NoCredentialsError();
    const credentials = client.credentials ? await client.credentials.resolve() : undefined;
    log?.secret(credentials?.secretAccessKey);
    log?.secret(credentials?.sessionToken);
    // Unlike 2.33.31, which finds out after the request has done its work (a release cannot be
    // undone), a pager that cannot be started stops the command before anything is sent.
    await io.checkPagerStarts(session.pager(globals.cliPager));
    const { callEc2 } = await import('../call/invoke');
    response = await callEc2(op, validate ? Object.fromEntries(params) : serializable(op, params), {
      region: client.region,
      endpointUrl: client.endpointUrl,
      credentials,
      transport: client.transport,
      retry: client.retry,
      userAgentAppId: session.variable(['AWS_SDK_UA_APP_ID'], 'sdk_ua_app_id'),
      log,
    });
  }

  const format = session.output(globals.output);
  if (!(outputFormats as readonly string[]).includes(format)) throw new GeneralError(`Unknown output type: ${format}`);
  const pager = session.pager(globals.cliPager);
  const rendered = await renderResponse(response, {
    format: format as OutputFormat,
    query: globals.query,
    color: io.outputInColor(globals.color ?? 'auto'),
    isTty: io.stdoutIsTty,
    width: io.width,
    title: op.name,
    toPager: io.pagesOutput(pager),
  });
  await io.writeOutput(rendered.text, pager);
  if (rendered.error) throw rendered.error;
  return ExitCode.ok;
}

/** Unvalidated parameters as botocore serialises them: booleans by truthiness, numbers as text. */
function serializable(op: Operation, params: CallParameters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of params) {
    const member = op.input.find((m) => m.name === name);
    // botocore's serializer looks every key up in the input shape: an unknown one is a KeyError
    if (!member) throw new GeneralError(pyRepr(name));
    out[name] = member.type === 'boolean' ? isTruthy(value) : value instanceof PyNumber ? pyStr(value) : value;
  }
  return out;
}

function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return false;
  if ((typeof value === 'number' || value instanceof PyNumber) && Number(value) === 0) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Map) return value.size > 0;
  if (typeof value === 'object') {
    const entries = (value as { entries?: unknown }).entries;
    return entries instanceof Map ? entries.size > 0 : Object.keys(value).length > 0;
  }
  return true;
}
