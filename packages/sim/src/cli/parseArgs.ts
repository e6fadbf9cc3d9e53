/**
 * The `kubesim` command line, read into a command of the command table.
 * @packageDocumentation
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import { UsageError } from './cliErrors.js';
import type { CliCommandSpec, CliOptionSpecs, CliOptionValues } from './commandSpec.js';
import { CLI_COMMANDS } from './commandTable.js';

export { UsageError } from './cliErrors.js';

/**
 * What the user asked for: help, the version, or a command of the table with its arguments
 * (whatever that command's `read` returned, plus `command`, its name).
 */
export type CliCommand =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | ({ readonly command: string } & Readonly<Record<string, unknown>>);

/** The usage text of `commands`. */
export function usageOf(commands: readonly CliCommandSpec[]): string {
  const lines = commands.flatMap((c) => c.usage.map((u) => `  kubesim ${u}`));
  return `Usage:
${lines.join('\n')}
  kubesim --help | --version

Exit codes: 0 ok; 1 an invariant violated or an action refused (run, demo), the recorded
failure reproduced (replay); 2 bad input; 3 the recorded failure did not reproduce (replay).`;
}

/** The usage text. */
export const USAGE = usageOf(CLI_COMMANDS);

const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies CliOptionSpecs;

function parseOptions(
  argv: readonly string[],
  options: CliOptionSpecs,
  where: string,
): { values: CliOptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseNodeArgs({
      args: [...argv],
      options: { ...options, ...GLOBAL_OPTIONS },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    throw new UsageError(unknown === undefined ? message : `${where} does not take ${unknown}`);
  }
}

/**
 * Reads `argv` (without `node` and the script) into a {@link CliCommand}: the first argument
 * names the command; its options follow in any order.
 * @throws UsageError for an unknown command or option, a missing file, or an option the command
 *   does not take.
 */
export function parseCliArgs(
  argv: readonly string[],
  commands: readonly CliCommandSpec[] = CLI_COMMANDS,
): CliCommand {
  const [word, ...rest] = argv;
  if (word === undefined || word.startsWith('-')) {
    const { values, positionals } = parseOptions(argv, {}, 'kubesim');
    if (positionals.length > 0) {
      throw new UsageError(`the command comes first: kubesim ${positionals.join(' ')} …`);
    }
    return values.version === true ? { command: 'version' } : { command: 'help' };
  }
  if (word === 'help') return { command: 'help' };
  const spec = commands.find((c) => c.name === word);
  if (spec === undefined) throw new UsageError(`unknown command ${JSON.stringify(word)}`);
  const { values, positionals } = parseOptions(rest, spec.options, `kubesim ${spec.name}`);
  if (values.help === true) return { command: 'help' };
  const args = spec.read(positionals, values) as Readonly<Record<string, unknown>>;
  return { command: spec.name, ...args };
}
