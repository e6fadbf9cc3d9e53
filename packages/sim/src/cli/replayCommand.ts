/**
 * `kubesim replay <failure.json>`: reruns a failure record and says whether it reproduced.
 * @packageDocumentation
 */
import { ScenarioError } from '@kubesim/core';
import { BUILTIN_INVARIANT_NAMES } from '../invariants/index.js';
import type { Violation } from '../invariants/types.js';
import { TRACE_FORMAT_VERSION } from '../world/trace.js';
import {
  readFailureRecord,
  replayFailure,
  type FailureRecord,
  type ReplayResult,
} from '../scenario/index.js';
import type { CliIo } from './cliIo.js';
import { UsageError } from './cliErrors.js';
import { jsonOutcome, reportLines } from './commandSupport.js';
import {
  flagOption,
  stringOption,
  type CliCommandSpec,
  type CommandDeps,
  type CommandOutcome,
} from './commandSpec.js';
import { formatViolation, formatViolations } from './formatResult.js';

/** The arguments of `kubesim replay`. */
export interface ReplayArgs {
  readonly file: string;
  readonly report?: string;
  readonly json: boolean;
}

const sameViolation = (a: Violation, b: Violation): boolean =>
  a.invariant === b.invariant && a.t === b.t && a.message === b.message;

/**
 * Whether the recorded failure happened again. With a recorded hash: the replay's trace hash is
 * the same (the run did exactly the same things, so every recorded violation, a custom
 * invariant's included, happened again). Without one: every recorded violation is seen again;
 * a custom invariant's cannot be rechecked here, so such a record does not count as reproduced.
 */
function reproduced(record: FailureRecord, replay: ReplayResult): boolean {
  if (replay.sameHash) return true;
  // A hash of another trace format can never match: the violations decide, as without a hash.
  const comparable = (record.traceFormat ?? 1) === TRACE_FORMAT_VERSION;
  if (record.hash !== '' && comparable) return false;
  return (
    record.violations.length > 0 &&
    record.violations.every((v) => replay.violations.some((r) => sameViolation(v, r)))
  );
}

/** Recorded violations of invariants the CLI does not know (a library user's own checks). */
function customViolations(record: FailureRecord): Violation[] {
  const builtin = new Set(BUILTIN_INVARIANT_NAMES);
  return record.violations.filter((v) => !builtin.has(v.invariant));
}

/**
 * `kubesim replay <failure.json> [--report out.html] [--json]`. Exit code 1 when the recorded
 * violation reproduced (the same trace hash), 3 when it did not; bad input throws (exit 2).
 */
export async function replayCommand(
  io: CliIo,
  args: ReplayArgs,
  deps: CommandDeps = {},
): Promise<CommandOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(io.readFile(args.file));
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    throw new ScenarioError('', `${args.file} is not JSON: ${err.message}`);
  }
  const record = readFailureRecord(json);
  const replay = replayFailure(record);
  const result = replay.result;
  const report = await reportLines(io, args.report, result, `replay of ${args.file}`, deps);
  const again = reproduced(record, replay);
  const exitCode = again ? 1 : 3;
  const custom = customViolations(record);
  if (args.json) {
    return {
      exitCode,
      output: jsonOutcome(result, {
        recordedHash: record.hash,
        sameHash: replay.sameHash,
        reproduced: again,
        recordedViolations: record.violations,
      }),
    };
  }
  const recordedFormat = record.traceFormat ?? 1;
  const versionNote =
    recordedFormat !== TRACE_FORMAT_VERSION
      ? ` (the record's hash is of trace format ${recordedFormat}, this kubesim hashes format ${TRACE_FORMAT_VERSION}: the hashes cannot match; the violations decide)`
      : record.version !== result.version
        ? ` (recorded by kubesim ${record.version}, replayed by ${result.version})`
        : '';
  const hashLine =
    record.hash === ''
      ? `hash ${replay.hash} (the record has no hash to compare)`
      : `hash ${replay.hash} ${replay.sameHash ? 'matches the record' : `differs from the record's ${record.hash}${versionNote}`}`;
  const lines = [
    `replayed ${args.file}: seed ${record.seed}`,
    hashLine,
    ...(replay.violations.length > 0
      ? formatViolations(replay.violations)
      : ['no built-in invariant violated']),
    ...(custom.length > 0
      ? [
          `recorded violations of invariants the CLI cannot recheck (${again ? 'the run is identical, so they happened again' : 'not reproduced'}):`,
          ...custom.map(formatViolation),
        ]
      : []),
    again
      ? 'the recorded failure reproduced (exit code 1)'
      : 'the recorded failure did not reproduce (exit code 3)',
    ...report,
  ];
  return { exitCode, output: `${lines.join('\n')}\n` };
}

/** The `replay` command. */
export const replaySpec: CliCommandSpec<ReplayArgs> = {
  name: 'replay',
  usage: ['replay <failure.json> [--report out.html] [--json]'],
  options: { report: { type: 'string' }, json: { type: 'boolean' } },
  read(positionals, values) {
    const [file, ...rest] = positionals;
    if (file === undefined) throw new UsageError('kubesim replay needs a failure record file');
    if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
    const report = stringOption(values, 'report');
    return { file, ...(report === undefined ? {} : { report }), json: flagOption(values, 'json') };
  },
  run: replayCommand,
};
