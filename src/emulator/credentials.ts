// The key pairs the emulator accepts and what each may do. Two documented local pairs exist by
// default: one allowed every action, one allowed none (to rehearse UnauthorizedOperation).
import { readFileSync } from 'node:fs';

export interface EmulatorCredential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The actions this key may call: every one, none, or the listed action names. */
  readonly permissions: 'all' | 'none' | readonly string[];
  /** The account the key belongs to (the OwnerId of what it creates). */
  readonly accountId?: string;
  /** The IAM user name shown in UnauthorizedOperation messages. */
  readonly userName?: string;
}

export const DEFAULT_ACCOUNT_ID = '123456789012';

export const DEFAULT_CREDENTIAL: EmulatorCredential = {
  accessKeyId: 'AKIAIPAMEMULATOR0000',
  secretAccessKey: 'LocalIpamEmulatorSecretAccessKey/0000000',
  permissions: 'all',
  userName: 'ipam-emulator',
};

export const NO_PERMISSION_CREDENTIAL: EmulatorCredential = {
  accessKeyId: 'AKIAIPAMEMULATORDENY',
  secretAccessKey: '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',
  permissions: 'none',
  userName: 'ipam-emulator-no-permissions',
};

export const DEFAULT_CREDENTIALS: readonly EmulatorCredential[] = [DEFAULT_CREDENTIAL, NO_PERMISSION_CREDENTIAL];

export class CredentialsFileError extends Error {}

export function mayCall(credential: EmulatorCredential, action: string): boolean {
  const { permissions } = credential;
  return permissions === 'all' || (permissions !== 'none' && permissions.includes(action));
}

export function principalArn(credential: EmulatorCredential): string {
  return `arn:aws:iam::${credential.accountId ?? DEFAULT_ACCOUNT_ID}:user/${credential.userName ?? credential.accessKeyId}`;
}

/**
 * Reads a credentials file: `{"credentials": [{"accessKeyId", "secretAccessKey",
 * "permissions": "all" | "none" | ["Action", …], "accountId"?, "userName"?}, …]}`.
 */
export function loadCredentialsFile(path: string): EmulatorCredential[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CredentialsFileError(`cannot read credentials file ${path}: ${(error as Error).message}`);
  }
  const list = (parsed as { credentials?: unknown })?.credentials;
  if (!Array.isArray(list) || list.length === 0) {
    throw new CredentialsFileError(`credentials file ${path} must hold {"credentials": [ … ]} with at least one key pair`);
  }
  return list.map((entry: unknown, index) => {
    const e = entry as Record<string, unknown>;
    const permissions = e?.permissions ?? 'all';
    const validPermissions =
      permissions === 'all' || permissions === 'none' || (Array.isArray(permissions) && permissions.every((p) => typeof p === 'string'));
    if (typeof e?.accessKeyId !== 'string' || e.accessKeyId === '' || typeof e.secretAccessKey !== 'string' || e.secretAccessKey === '' || !validPermissions) {
      throw new CredentialsFileError(
        `credentials file ${path}: entry ${index + 1} needs "accessKeyId" and "secretAccessKey" strings and "permissions" of "all", "none" or a list of action names`,
      );
    }
    return {
      accessKeyId: e.accessKeyId,
      secretAccessKey: e.secretAccessKey,
      permissions: permissions as EmulatorCredential['permissions'],
      accountId: typeof e.accountId === 'string' ? e.accountId : undefined,
      userName: typeof e.userName === 'string' ? e.userName : undefined,
    };
  });
}
