/**
 * The `kubesim` command line as a function: arguments in, exit code and output out.
 * @packageDocumentation
 */
import { KubesimError } from '@kubesim/core';
import { KUBESIM_VERSION } from '../scenario/index.js';
import type { CliIo } from './cliIo.js';
import { UsageError } from './cliErrors.js';
import type { CliCommandSpec, CommandDeps, CommandOutcome } from './commandSpec.js';
import { CLI_COMMANDS } from './commandTable.js';
import { parseCliArgs, usageOf } from './parseArgs.js';

export type { CommandDeps, CommandOutcome, ExitCode } from './commandSpec.js';

/** Bad input, the user's to fix: printed as one message, without a stack trace. */
function badInput(err: KubesimError, commands: readonly CliCommandSpec[]): string {
  if (err instanceof UsageError) return `kubesim: ${err.message}\n\n${usageOf(commands)}`;
  return `kubesim: ${err.message}`;
}

/**
 * Runs the command line `argv` (without `node` and the script). Exit codes: 0 ok; 1 an invariant
 * was violated (a failure record is written) or an action refused (`run`, `demo`), or the recorded
 * failure reproduced (`replay`); 2 bad input: any KubesimError (usage, ScenarioError,
 * ManifestParseError, ValidationError, ConfigError, an unusable file), printed without a stack
 * trace; 3 the recorded failure did not reproduce (`replay`). Any other error is a bug in kubesim
 * and is rethrown (the bin prints it without a stack trace).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  deps: CommandDeps = {},
  commands: readonly CliCommandSpec[] = CLI_COMMANDS,
): Promise<CommandOutcome> {
  try {
    const cmd = parseCliArgs(argv, commands);
    if (cmd.command === 'help') return { exitCode: 0, output: `${usageOf(commands)}\n` };
    if (cmd.command === 'version') return { exitCode: 0, output: `${KUBESIM_VERSION}\n` };
    const spec = commands.find((c) => c.name === cmd.command);
    if (spec === undefined) throw new UsageError(`unknown command ${JSON.stringify(cmd.command)}`);
    return await spec.run(io, cmd, deps);
  } catch (err) {
    if (!(err instanceof KubesimError)) throw err;
    return { exitCode: 2, output: `${badInput(err, commands)}\n` };
  }
}
