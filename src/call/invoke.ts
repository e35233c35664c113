// The one place that talks to EC2: builds the SDK client from the resolved settings, sends
// ReleaseIpamPoolAllocation and turns SDK failures into the CLI's errors. Imported lazily so that
// skeletons, usage errors and help never load the SDK.
import { EC2Client, ReleaseIpamPoolAllocationCommand } from '@aws-sdk/client-ec2';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { GeneralError, NoCredentialsError, ServiceError } from '../cli/errors';

export interface CallSettings {
  readonly region: string;
  readonly endpointUrl?: string;
  readonly profile?: string;
  readonly signRequest: boolean;
}

export async function releaseIpamPoolAllocation(
  operationName: string,
  params: Record<string, unknown>,
  settings: CallSettings,
): Promise<Record<string, unknown>> {
  const client = new EC2Client({
    region: settings.region,
    endpoint: settings.endpointUrl,
    credentials: settings.signRequest ? fromNodeProviderChain({ profile: settings.profile }) : undefined,
    ...(settings.signRequest ? {} : { signer: { sign: async (request: unknown) => request } as never }),
  });
  try {
    const out = await client.send(new ReleaseIpamPoolAllocationCommand(params as never));
    const { $metadata: _metadata, ...data } = out as unknown as Record<string, unknown>;
    return data;
  } catch (error) {
    throw toCliError(error, operationName, settings);
  } finally {
    client.destroy();
  }
}

function toCliError(error: unknown, operationName: string, settings: CallSettings): Error {
  const e = error as { name?: string; message?: string; $metadata?: unknown; code?: string; $fault?: string };
  if (e?.name === 'CredentialsProviderError') return new NoCredentialsError();
  if (e?.$fault === 'client' || e?.$fault === 'server') {
    return new ServiceError(e.name ?? 'Unknown', e.message || 'Unknown', operationName);
  }
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND' || e?.code === 'ECONNRESET') {
    const url = (settings.endpointUrl ?? `https://ec2.${settings.region}.amazonaws.com`).replace(/\/?$/, '/');
    return new GeneralError(`Could not connect to the endpoint URL: "${url}"`);
  }
  return new GeneralError(e?.message ?? String(error));
}
