/**
 * What the CLI needs from its surroundings, so commands run in tests without a process.
 * @packageDocumentation
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliFileError, fileErrorReason } from './cliErrors.js';

/** The CLI's access to files, the terminal and the clock. */
export interface CliIo {
  /**
   * Reads a text file (relative paths from `cwd`).
   * @throws CliFileError when the file cannot be read.
   */
  readFile(path: string): string;
  /**
   * Writes a text file (relative paths from `cwd`).
   * @throws CliFileError when the file cannot be written.
   */
  writeFile(path: string, text: string): void;
  /** Where failure records are written. */
  readonly cwd: string;
  /** Progress and diagnostics (stderr): the result goes to the command's output. */
  writeProgress(text: string): void;
  /** True when progress goes to a terminal (a live bar), false in CI (plain lines). */
  readonly isTTY: boolean;
  /** Wall-clock milliseconds, for the "ran in" figure. */
  wallClock(): number;
}

/** The real process: files, stderr and the wall clock. */
export function processIo(): CliIo {
  const cwd = process.cwd();
  return {
    readFile: (path) => {
      try {
        return readFileSync(resolve(cwd, path), 'utf8');
      } catch (err) {
        throw new CliFileError(path, 'read', fileErrorReason(err));
      }
    },
    writeFile: (path, text) => {
      try {
        writeFileSync(resolve(cwd, path), text);
      } catch (err) {
        throw new CliFileError(path, 'write', fileErrorReason(err));
      }
    },
    cwd,
    writeProgress: (text) => {
      process.stderr.write(text);
    },
    isTTY: process.stderr.isTTY,
    wallClock: () => performance.now(),
  };
}
