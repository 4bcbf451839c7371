/** File-system errors as the reason in a problem line. */

const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'part of its path is a file, not a folder',
  ENOENT: 'no such file or folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
  ERR_FS_FILE_TOO_LARGE: 'larger than 2 GiB',
};

/** Why a file-system call failed, for a problem line: `EACCES: permission denied`. */
export function fsReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  if (e?.code && FS_REASONS[e.code]) return `${e.code}: ${FS_REASONS[e.code]}`;
  return e?.code ?? (error instanceof Error ? error.message : String(error));
}
