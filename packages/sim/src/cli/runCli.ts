/**
 * The `kubesim` command line as a function: arguments in, exit code and output out.
 * @packageDocumentation
 */
import { ConfigError, ManifestParseError, ScenarioError, ValidationError } from '@kubesim/core';
import { KUBESIM_VERSION } from '../scenario/index.js';
import type { CliIo } from './cliIo.js';
import {
  demoCommand,
  replayCommand,
  runCommand,
  type CommandDeps,
  type CommandOutcome,
} from './commands.js';
import { USAGE, UsageError, parseCliArgs } from './parseArgs.js';

/** A file the CLI could not read (exit code 2). */
function isFileError(err: unknown): err is NodeJS.ErrnoException {
  return (
    err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && 'path' in err
  );
}

/** Bad input: the user's to fix, printed without a stack trace. */
function badInput(err: unknown): string | undefined {
  if (err instanceof UsageError) return `kubesim: ${err.message}\n\n${USAGE}`;
  if (
    err instanceof ScenarioError ||
    err instanceof ManifestParseError ||
    err instanceof ValidationError ||
    err instanceof ConfigError
  ) {
    return `kubesim: ${err.message}`;
  }
  if (isFileError(err)) return `kubesim: cannot read ${String(err.path)}: ${err.code ?? ''}`;
  return undefined;
}

/**
 * Runs the command line `argv` (without `node` and the script). Exit codes: 0 ok; 1 an invariant
 * was violated (a failure record is written) or a replay's hash differs; 2 bad input (usage,
 * ScenarioError, ManifestParseError, ValidationError, ConfigError, an unreadable file), printed
 * without a stack trace. Any other error is a bug in kubesim and is rethrown.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  deps: CommandDeps = {},
): Promise<CommandOutcome> {
  try {
    const cmd = parseCliArgs(argv);
    switch (cmd.command) {
      case 'help':
        return { exitCode: 0, output: `${USAGE}\n` };
      case 'version':
        return { exitCode: 0, output: `${KUBESIM_VERSION}\n` };
      case 'run':
        return await runCommand(io, cmd, deps);
      case 'replay':
        return await replayCommand(io, cmd, deps);
      case 'demo':
        return await demoCommand(io, cmd, deps);
    }
  } catch (err) {
    const message = badInput(err);
    if (message === undefined) throw err;
    return { exitCode: 2, output: `${message}\n` };
  }
}
