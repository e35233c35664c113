// The last phase: resolve where and how to call, validate the parameters, call EC2 (or, for
// `--generate-cli-skeleton output`, answer with the sample response) and print the result.
import { NoRegionError, ExitCode } from './errors';
import type { Globals } from './globals';
import type { Io } from './io';
import type { Operation } from '../model/operation';
import { validateParameters, type CallParameters } from '../input/validate';
import { outputSample } from '../input/skeleton';
import { createSession, requireProfile } from '../config/session';
import { renderResponse } from '../output/index';
import { outputFormats, type OutputFormat } from '../model/globals';
import { GeneralError } from './errors';
import { writeOutput } from '../terminal/pager';

export async function callAndPrint(
  op: Operation,
  params: CallParameters,
  globals: Globals,
  io: Io,
  mode: { stubbed: boolean },
): Promise<number> {
  const session = createSession(io.env, globals.profile || undefined);
  requireProfile(session);
  const region = globals.region || io.env.AWS_REGION || io.env.AWS_DEFAULT_REGION || session.get('region');
  if (!region) throw new NoRegionError();
  validateParameters(op, params);

  let response: Record<string, unknown>;
  if (mode.stubbed) {
    response = outputSample(op);
  } else {
    const { releaseIpamPoolAllocation } = await import('../call/invoke');
    response = await releaseIpamPoolAllocation(op.name, Object.fromEntries(params), {
      region,
      endpointUrl: globals.endpointUrl,
      profile: session.profileExplicit ? session.profileName : undefined,
      signRequest: globals.signRequest !== false,
    });
  }

  const format = globals.output ?? io.env.AWS_DEFAULT_OUTPUT ?? session.get('output') ?? 'json';
  if (!(outputFormats as readonly string[]).includes(format)) throw new GeneralError(`Unknown output type: ${format}`);
  const rendered = await renderResponse(response, {
    format: format as OutputFormat,
    query: globals.query,
    color: (globals.color ?? 'auto') as 'on' | 'off' | 'auto',
    isTty: io.stdoutIsTty,
  });
  await writeOutput(rendered.text, { cliPager: globals.cliPager, profilePager: session.get('cli_pager') }, io);
  if (rendered.error) throw rendered.error;
  return ExitCode.ok;
}
