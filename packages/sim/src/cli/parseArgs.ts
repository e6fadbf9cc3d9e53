/**
 * The `kubesim` command line, read into a command.
 * @packageDocumentation
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import { KubesimError } from '@kubesim/core';

/** A command line the user got wrong; exit code 2 with the usage. */
export class UsageError extends KubesimError {
  constructor(message: string) {
    super('Usage', message);
  }
}

/** What the user asked for. */
export type CliCommand =
  | {
      readonly command: 'run';
      readonly file: string;
      readonly report?: string;
      readonly seed?: string;
      readonly show: readonly string[];
      readonly json: boolean;
    }
  | {
      readonly command: 'replay';
      readonly file: string;
      readonly report?: string;
      readonly json: boolean;
    }
  | { readonly command: 'demo'; readonly report?: string; readonly json: boolean }
  | { readonly command: 'help' }
  | { readonly command: 'version' };

/** The usage text. */
export const USAGE = `Usage:
  kubesim run <scenario.yaml|json> [--report out.html] [--seed N] [--show service/web ...] [--json]
  kubesim replay <failure.json> [--report out.html] [--json]
  kubesim demo [--report out.html] [--json]
  kubesim --help | --version

Exit codes: 0 ok, 1 an invariant was violated (or a replay differs), 2 bad input.`;

const OPTIONS = {
  report: { type: 'string' },
  seed: { type: 'string' },
  show: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * Reads `argv` (without `node` and the script) into a {@link CliCommand}.
 * @throws UsageError for an unknown command or option, a missing file, or an option the command
 *   does not take.
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseNodeArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { command: 'help' };
  if (values.version === true) return { command: 'version' };
  const [command, file, ...rest] = positionals;
  if (command === undefined) return { command: 'help' };
  const report = values.report === undefined ? {} : { report: values.report };
  const json = values.json === true;
  const refuse = (option: string): void => {
    if (values[option as keyof typeof values] !== undefined) {
      throw new UsageError(`kubesim ${command} does not take --${option}`);
    }
  };
  switch (command) {
    case 'run': {
      if (file === undefined) throw new UsageError('kubesim run needs a scenario file');
      if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
      return {
        command: 'run',
        file,
        ...report,
        ...(values.seed === undefined ? {} : { seed: values.seed }),
        show: values.show ?? [],
        json,
      };
    }
    case 'replay':
      if (file === undefined) throw new UsageError('kubesim replay needs a failure record file');
      if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
      refuse('seed');
      refuse('show');
      return { command: 'replay', file, ...report, json };
    case 'demo':
      if (file !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(file)}`);
      refuse('seed');
      refuse('show');
      return { command: 'demo', ...report, json };
    case 'help':
      return { command: 'help' };
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}
