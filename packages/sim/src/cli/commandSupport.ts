/**
 * Pieces the scenario commands share: a run with progress, the report, the JSON output.
 * @packageDocumentation
 */
import { runScenario, type Scenario, type ScenarioResult } from '../scenario/index.js';
import type { CliIo } from './cliIo.js';
import type { CommandDeps } from './commandSpec.js';
import { createProgress } from './progress.js';
import { writeReport } from './writeReport.js';

/** Runs `scenario` with progress and wall-clock timing. */
export function runWithProgress(
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

/** Writes the HTML report when `path` is set; returns the lines to print. */
export async function reportLines(
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

/** The `--json` output of a run. */
export function jsonOutcome(result: ScenarioResult, extra: Record<string, unknown>): string {
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
