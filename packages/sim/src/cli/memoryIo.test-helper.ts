// An in-memory CliIo for command tests.
import { CliFileError, fileErrorReason } from './cliErrors.js';
import type { CliIo } from './cliIo.js';

/** A CliIo over a map of files; progress is captured. */
export function memoryIo(
  files: Record<string, string> = {},
  isTTY = false,
): CliIo & {
  files: Map<string, string>;
  progress: string[];
} {
  const map = new Map(Object.entries(files));
  const progress: string[] = [];
  let clock = 0;
  return {
    files: map,
    progress,
    cwd: '/work',
    isTTY,
    readFile(path) {
      const text = map.get(path);
      if (text === undefined) {
        throw new CliFileError(path, 'read', fileErrorReason({ code: 'ENOENT' }));
      }
      return text;
    },
    writeFile(path, text) {
      map.set(path, text);
    },
    writeProgress(text) {
      progress.push(text);
    },
    wallClock() {
      clock += 250;
      return clock;
    },
  };
}
