/**
 * `kubesim run <scenario>`: runs a scenario file, prints a summary, writes a failure record.
 * @packageDocumentation
 */
import {
  failureRecord,
  parseScenario,
  type Scenario,
  type ScenarioResult,
} from '../scenario/index.js';
import type { CliIo } from './cliIo.js';
import { UsageError } from './cliErrors.js';
import { jsonOutcome, reportLines, runWithProgress } from './commandSupport.js';
import {
  flagOption,
  stringListOption,
  stringOption,
  type CliCommandSpec,
  type CommandDeps,
  type CommandOutcome,
} from './commandSpec.js';
import { formatSummary, formatViolations, formatWindows } from './formatResult.js';
import { parseShowTarget, showObject } from './showObject.js';

/** The arguments of `kubesim run`. */
export interface RunArgs {
  readonly file: string;
  readonly seed?: string;
  readonly show: readonly string[];
  readonly report?: string;
  readonly json: boolean;
}

/** Writes the failure record of a failing run; returns the lines that say how to replay it. */
function recordFailure(io: CliIo, result: ScenarioResult): string[] {
  const file = `kubesim-failure-${result.hash}.json`;
  io.writeFile(file, `${JSON.stringify(failureRecord(result, result.violations), null, 2)}\n`);
  return [`failure record written to ${file}`, `replay it with: kubesim replay ${file}`];
}

/** `--seed 7` is the number 7 (as in a scenario file); anything else is a string seed. */
function seedOf(text: string): number | string {
  const n = Number(text);
  return /^-?\d+$/.test(text) && Number.isSafeInteger(n) ? n : text;
}

/**
 * `kubesim run <file> [--seed N] [--show kind/name ...] [--report out.html] [--json]`. Exit code
 * 0 when every invariant held and every action was performed; 1 when an invariant was violated
 * (a failure record is written) or the cluster refused an action; bad input throws (exit 2).
 */
export async function runCommand(
  io: CliIo,
  args: RunArgs,
  deps: CommandDeps = {},
): Promise<CommandOutcome> {
  // Bad --show targets are bad input: refuse them before running anything.
  for (const target of args.show) parseShowTarget(target);
  const parsed = parseScenario(io.readFile(args.file));
  const scenario: Scenario =
    args.seed === undefined ? parsed : { ...parsed, seed: seedOf(args.seed) };
  const { result, wallMs } = runWithProgress(io, scenario, scenario.name ?? args.file);
  const shown = args.show.map((target) => showObject(result.sim, target));
  const violated = result.violations.length > 0;
  const refused = result.actionErrors.length > 0;
  const exitCode = violated || refused ? 1 : 0;
  const record = violated ? recordFailure(io, result) : [];
  const report = await reportLines(io, args.report, result, scenario.name ?? args.file, deps);
  if (args.json) {
    return { exitCode, output: jsonOutcome(result, { failureRecord: record[0] ?? null }) };
  }
  const lines = [
    ...formatSummary(result, wallMs),
    ...formatWindows(result),
    ...shown,
    ...(violated ? formatViolations(result.violations) : ['no invariant violated']),
    ...(refused
      ? [`${result.actionErrors.length} action(s) refused by the cluster (exit code 1)`]
      : []),
    ...record,
    ...report,
  ];
  return { exitCode, output: `${lines.join('\n')}\n` };
}

/** The `run` command. */
export const runSpec: CliCommandSpec<RunArgs> = {
  name: 'run',
  usage: [
    'run <scenario.yaml|json> [--report out.html] [--seed N] [--show kind/name ...] [--json]',
  ],
  options: {
    report: { type: 'string' },
    seed: { type: 'string' },
    show: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  read(positionals, values) {
    const [file, ...rest] = positionals;
    if (file === undefined) throw new UsageError('kubesim run needs a scenario file');
    if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
    const report = stringOption(values, 'report');
    const seed = stringOption(values, 'seed');
    return {
      file,
      ...(report === undefined ? {} : { report }),
      ...(seed === undefined ? {} : { seed }),
      show: stringListOption(values, 'show'),
      json: flagOption(values, 'json'),
    };
  },
  run: runCommand,
};
