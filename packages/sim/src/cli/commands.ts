/**
 * The `kubesim` commands, each returning its exit code and output instead of touching the process.
 * @packageDocumentation
 */
import { ScenarioError } from '@kubesim/core';
import {
  DEMO_CRASHED_NODE,
  DEMO_SERVICE,
  demoScenario,
  failureRecord,
  parseScenario,
  readFailureRecord,
  replayFailure,
  runScenario,
  type Scenario,
  type ScenarioResult,
} from '../scenario/index.js';
import type { CliIo } from './cliIo.js';
import { formatCrashTimeline } from './demoTimeline.js';
import { formatSummary, formatViolations } from './formatResult.js';
import { createProgress } from './progress.js';
import { showObject } from './showObject.js';
import { writeReport, type RenderReport } from './writeReport.js';

/** What a command did: the process exit code and what to print on stdout. */
export interface CommandOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly output: string;
}

/** Injected pieces, for tests. */
export interface CommandDeps {
  readonly loadRenderReport?: () => Promise<RenderReport | undefined>;
}

/** Runs `scenario` with progress and wall-clock timing. */
function runWithProgress(
  io: CliIo,
  scenario: Scenario,
  label: string,
): { result: ScenarioResult; wallMs: number } {
  const progress = createProgress(io, label);
  const started = io.wallClock();
  try {
    const result = runScenario(scenario, {
      onProgress: (now, horizon) => {
        progress.update(now, horizon);
      },
    });
    return { result, wallMs: io.wallClock() - started };
  } finally {
    progress.stop();
  }
}

async function reportLines(
  io: CliIo,
  path: string | undefined,
  result: ScenarioResult,
  title: string,
  deps: CommandDeps,
): Promise<string[]> {
  if (path === undefined) return [];
  const input = {
    sim: result.sim,
    scenario: result.scenario,
    violations: result.violations,
    title,
  };
  return [await writeReport(io, path, input, deps.loadRenderReport)];
}

/** Writes the failure record of a failing run; returns the lines that say how to replay it. */
function recordFailure(io: CliIo, result: ScenarioResult): string[] {
  const file = `kubesim-failure-${result.hash}.json`;
  io.writeFile(file, `${JSON.stringify(failureRecord(result, result.violations), null, 2)}\n`);
  return [`failure record written to ${file}`, `replay it with: kubesim replay ${file}`];
}

function jsonOutcome(result: ScenarioResult, extra: Record<string, unknown>): string {
  return `${JSON.stringify(
    {
      hash: result.hash,
      seed: result.seed,
      version: result.version,
      horizonReached: result.sim.now,
      violations: result.violations,
      actionErrors: result.actionErrors,
      ...extra,
    },
    null,
    2,
  )}\n`;
}

/** `kubesim run <file> [--seed N] [--show kind/name ...] [--report out.html] [--json]`. */
export async function runCommand(
  io: CliIo,
  args: { file: string; seed?: string; show: readonly string[]; report?: string; json: boolean },
  deps: CommandDeps = {},
): Promise<CommandOutcome> {
  const parsed = parseScenario(io.readFile(args.file));
  const scenario: Scenario =
    args.seed === undefined
      ? parsed
      : { ...parsed, seed: /^-?\d+$/.test(args.seed) ? Number(args.seed) : args.seed };
  const { result, wallMs } = runWithProgress(io, scenario, scenario.name ?? args.file);
  const shown = args.show.map((target) => showObject(result.sim, target));
  const failed = result.violations.length > 0;
  const record = failed ? recordFailure(io, result) : [];
  const report = await reportLines(io, args.report, result, scenario.name ?? args.file, deps);
  if (args.json) {
    return {
      exitCode: failed ? 1 : 0,
      output: jsonOutcome(result, { failureRecord: record[0] ?? null }),
    };
  }
  const lines = [
    ...formatSummary(result, wallMs),
    ...shown,
    ...(failed ? formatViolations(result.violations) : ['no invariant violated']),
    ...record,
    ...report,
  ];
  return { exitCode: failed ? 1 : 0, output: `${lines.join('\n')}\n` };
}

/** `kubesim replay <failure.json>`: exit 0 when the rerun's hash matches the record, else 1. */
export async function replayCommand(
  io: CliIo,
  args: { file: string; report?: string; json: boolean },
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
  const exitCode = replay.sameHash ? 0 : 1;
  if (args.json) {
    return {
      exitCode,
      output: jsonOutcome(result, { recordedHash: record.hash, sameHash: replay.sameHash }),
    };
  }
  const versionNote =
    record.version !== result.version
      ? ` (recorded by kubesim ${record.version}, replayed by ${result.version})`
      : '';
  const lines = [
    `replayed ${args.file}: seed ${record.seed}`,
    `hash ${replay.hash} ${replay.sameHash ? 'matches the record' : `differs from the record's ${record.hash}${versionNote}`}`,
    ...(replay.violations.length > 0
      ? formatViolations(replay.violations)
      : ['no invariant violated']),
    ...report,
  ];
  return { exitCode, output: `${lines.join('\n')}\n` };
}

/** `kubesim demo [--report out.html]`: the built-in node failure under load, as a timeline. */
export async function demoCommand(
  io: CliIo,
  args: { report?: string; json: boolean },
  deps: CommandDeps = {},
): Promise<CommandOutcome> {
  const scenario = demoScenario();
  const { result, wallMs } = runWithProgress(io, scenario, 'demo');
  const failed = result.violations.length > 0;
  const report = await reportLines(
    io,
    args.report,
    result,
    'kubesim demo: node failure under load',
    deps,
  );
  if (args.json) return { exitCode: failed ? 1 : 0, output: jsonOutcome(result, {}) };
  const lines = [
    'kubesim demo: 6 nodes in 3 zones, a 3-replica web Deployment behind Service default/web,',
    `a client on node-0 every 100ms; ${DEMO_CRASHED_NODE} loses power at 1m.`,
    '',
    ...formatCrashTimeline(result, DEMO_CRASHED_NODE, DEMO_SERVICE),
    '',
    ...formatSummary(result, wallMs),
    ...(failed ? formatViolations(result.violations) : ['no invariant violated']),
    ...report,
  ];
  return { exitCode: failed ? 1 : 0, output: `${lines.join('\n')}\n` };
}
