// credential_process: the command from the profile, run without a shell, and its JSON output read
// as botocore's ProcessProvider reads it. Loaded only for a profile that has one.
import { GeneralError } from '../../runtime/errors';
import type { Profile } from '../../config/session';
import { shlexSplit } from '../../util/shlex';
import { decodeUtf8 } from '../../util/pycodecs';
import { pyJsonLoads } from '../../util/pyops';
import { childProcess } from '../../util/builtins';
import { processMetadata } from './process-output';
import { pythonErrorsSync, staticMetadataSource, type CredentialMetadata } from './shape';
import { RefreshableCredentials } from './refreshable';
import { CredentialRetrievalError, type CredentialSource } from './types';

/** credential_process: runs the command (split like a shell would, no shell) and reads its JSON. */
export function fromProcess(profile: Profile, env: NodeJS.ProcessEnv): CredentialSource | undefined {
  const command = profile.get('credential_process');
  if (typeof command !== 'string') return undefined;
  const run = (): CredentialMetadata => {
    const argv = shlexSplit(command);
    const result = childProcess().spawnSync(argv[0] ?? '', argv.slice(1), { env, stdio: ['inherit', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new GeneralError(`[Errno 2] No such file or directory: '${argv[0] ?? ''}'`);
      if (code === 'EACCES') throw new GeneralError(`[Errno 13] Permission denied: '${argv[0] ?? ''}'`);
      throw new GeneralError(result.error.message);
    }
    if (result.status !== 0) throw new CredentialRetrievalError('custom-process', decodeUtf8(result.stderr));
    return processMetadata(pyJsonLoads(decodeUtf8(result.stdout)));
  };
  const first = pythonErrorsSync(run);
  if (first.expiryTime === null) return staticMetadataSource('custom-process', first);
  return pythonErrorsSync(() => new RefreshableCredentials('custom-process', async () => run(), first));
}

