// The last phase: create the client the way botocore does (profile, region, credentials,
// endpoint — see call/client.ts), validate the parameters, call EC2 (or, for
// `--generate-cli-skeleton output`, answer with the sample response) and print the result.
import { ExitCode, GeneralError, NoCredentialsError } from './errors';
import type { Globals } from './globals';
import type { Io } from './io';
import type { Operation } from '../model/operation';
import { validateParameters, type CallParameters } from '../input/validate';
import { outputSample } from '../input/skeleton';
import { createSession } from '../config/session';
import { renderResponse } from '../output/index';
import { outputFormats, type OutputFormat } from '../model/globals';
import { writeOutput } from '../terminal/pager';
import { createEc2Client } from '../call/client';
import type { DebugLog } from '../call/debug';

export async function callAndPrint(
  op: Operation,
  params: CallParameters,
  globals: Globals,
  io: Io,
  mode: { stubbed: boolean },
): Promise<number> {
  const session = createSession(io.env, globals.profile || undefined);
  const log: DebugLog | undefined = globals.debug ? (await import('../call/debug')).createDebugLog(io.stderr) : undefined;
  const client = await createEc2Client(session, globals, io, log);
  validateParameters(op, params);

  let response: Record<string, unknown>;
  if (mode.stubbed) {
    response = outputSample(op);
  } else {
    if (client.signRequest && !client.credentials) throw new NoCredentialsError();
    const credentials = client.credentials ? await client.credentials.resolve() : undefined;
    log?.secret(credentials?.secretAccessKey);
    log?.secret(credentials?.sessionToken);
    const { callEc2 } = await import('../call/invoke');
    response = await callEc2(op, Object.fromEntries(params), {
      region: client.region,
      endpointUrl: client.endpointUrl,
      credentials,
      transport: client.transport,
      retry: client.retry,
      log,
    });
  }

  const format = session.output(globals.output);
  if (!(outputFormats as readonly string[]).includes(format)) throw new GeneralError(`Unknown output type: ${format}`);
  const rendered = await renderResponse(response, {
    format: format as OutputFormat,
    query: globals.query,
    color: (globals.color ?? 'auto') as 'on' | 'off' | 'auto',
    isTty: io.stdoutIsTty,
    title: op.name,
  });
  await writeOutput(rendered.text, { cliPager: globals.cliPager, profilePager: session.get('cli_pager') }, io);
  if (rendered.error) throw rendered.error;
  return ExitCode.ok;
}
