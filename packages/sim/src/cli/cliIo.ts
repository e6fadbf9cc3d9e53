/**
 * What the CLI needs from its surroundings, so commands run in tests without a process.
 * @packageDocumentation
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The CLI's access to files, the terminal and the clock. */
export interface CliIo {
  /** Reads a text file (relative paths from `cwd`). */
  readFile(path: string): string;
  /** Writes a text file (relative paths from `cwd`). */
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
    readFile: (path) => readFileSync(resolve(cwd, path), 'utf8'),
    writeFile: (path, text) => {
      writeFileSync(resolve(cwd, path), text);
    },
    cwd,
    writeProgress: (text) => {
      process.stderr.write(text);
    },
    isTTY: process.stderr.isTTY,
    wallClock: () => performance.now(),
  };
}
