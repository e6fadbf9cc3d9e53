/**
 * The CLI's own errors: bad command lines and files it cannot read or write (exit code 2).
 * @packageDocumentation
 */
import { KubesimError } from '@kubesim/core';

/** A command line the user got wrong; exit code 2 with the usage. */
export class UsageError extends KubesimError {
  constructor(message: string) {
    super('Usage', message);
  }
}

/** A file the CLI could not read or write (a missing file, a directory, no permission). */
export class CliFileError extends KubesimError {
  /** The path as the user gave it. */
  readonly path: string;
  constructor(path: string, action: 'read' | 'write', reason: string) {
    super('FileUnusable', `cannot ${action} ${path}: ${reason}`);
    this.path = path;
  }
}

/** Why a file operation failed, in words: `ENOENT (no such file or directory)`. */
export function fileErrorReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const words: Readonly<Record<string, string>> = {
    ENOENT: 'no such file or directory',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    ENOTDIR: 'a parent is not a directory',
    EPERM: 'operation not permitted',
  };
  if (typeof code === 'string') return `${code} (${words[code] ?? 'file system error'})`;
  return err instanceof Error ? err.message : String(err);
}
