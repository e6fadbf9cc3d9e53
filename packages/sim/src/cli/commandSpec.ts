/**
 * The shape of one `kubesim` command. The CLI is a table of these (see `commandTable.ts`): a new
 * command is a new file exporting a {@link CliCommandSpec} and one line in the table.
 * @packageDocumentation
 */
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './cliIo.js';
import type { RenderReport } from './writeReport.js';

/** How `serve` waits to stop and prints while running. */
export interface ServeCommandDeps {
  /** Resolves when the server should stop (SIGINT/SIGTERM in the bin). */
  readonly stopped: Promise<void>;
  /** Prints to stdout while the command runs (the kubeconfig path, at once). */
  readonly print: (text: string) => void;
}

/**
 * Process exit codes: 0 ok; 1 an invariant violated, an action refused, or (replay) the recorded
 * violation reproduced; 2 bad input; 3 (replay) the recorded violation did not reproduce.
 */
export type ExitCode = 0 | 1 | 2 | 3;

/** What a command did: the process exit code and what to print on stdout. */
export interface CommandOutcome {
  readonly exitCode: ExitCode;
  readonly output: string;
}

/** Injected pieces, for tests. */
export interface CommandDeps {
  readonly loadRenderReport?: () => Promise<RenderReport | undefined>;
  /** How `kubesim serve` stops and prints (the process's signals and stdout by default). */
  readonly serve?: ServeCommandDeps;
}

/** The options a command takes, in `node:util` `parseArgs` form. */
export type CliOptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Option values as `node:util` `parseArgs` reads them. */
export type CliOptionValues = Readonly<
  Record<string, string | boolean | readonly (string | boolean)[] | undefined>
>;

/** One command of the `kubesim` bin. */
export interface CliCommandSpec<A = unknown> {
  /** The word after `kubesim`. */
  readonly name: string;
  /** Its lines in the usage text (without the leading `kubesim `). */
  readonly usage: readonly string[];
  /** The options it takes (`--help` is always accepted). */
  readonly options: CliOptionSpecs;
  /**
   * Reads the positionals and option values into the command's arguments.
   * @throws UsageError for missing or extra arguments and options that do not fit together.
   */
  read(positionals: readonly string[], values: CliOptionValues): A;
  /** Runs the command. Throws KubesimError subclasses for bad input (exit code 2). */
  run(io: CliIo, args: A, deps: CommandDeps): Promise<CommandOutcome>;
}

/** The value of a string option, or undefined. */
export function stringOption(values: CliOptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** The values of a repeatable string option. */
export function stringListOption(values: CliOptionValues, name: string): string[] {
  const v = values[name];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Whether a boolean option was given. */
export function flagOption(values: CliOptionValues, name: string): boolean {
  return values[name] === true;
}
