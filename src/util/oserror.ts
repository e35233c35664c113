// Python's wording of operating-system errors ("[Errno 2] No such file or directory: 'less'"),
// which the CLI prints when it cannot read a file or start a pager, a renderer or a program.
import { pyRepr } from './python';

const ERRNO: Readonly<Record<string, [number, string]>> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  ENOEXEC: [8, 'Exec format error'],
  EPERM: [1, 'Operation not permitted'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENAMETOOLONG: [36, 'File name too long'],
  E2BIG: [7, 'Argument list too long'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  EIO: [5, 'Input/output error'],
  ENXIO: [6, 'No such device or address'],
};

/** `[Errno N] text: 'file'` for a Node system error. */
export function osErrorText(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  const known = ERRNO[code];
  if (!known) return `${(error as Error)?.message ?? String(error)}`;
  return `[Errno ${known[0]}] ${known[1]}: ${pyRepr(file)}`;
}

export function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
