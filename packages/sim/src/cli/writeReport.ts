/**
 * `--report out.html`: the HTML report of a run, from the report module when this build has it.
 * @packageDocumentation
 */
import type { Violation } from '../invariants/types.js';
import type { Scenario } from '../scenario/index.js';
import type { Simulation } from '../simulation/types.js';
import type { CliIo } from './cliIo.js';

/** The report module's entry point. */
export type RenderReport = (input: {
  sim: Simulation;
  scenario?: Scenario;
  violations?: readonly Violation[];
  title?: string;
}) => string;

// A variable specifier: the report module is optional at build time.
const REPORT_MODULE = '../report/index.js';

/** Loads `renderReport`, or undefined when this build has no report module. */
export async function loadRenderReport(): Promise<RenderReport | undefined> {
  try {
    const mod = (await import(REPORT_MODULE)) as { renderReport?: unknown };
    return typeof mod.renderReport === 'function' ? (mod.renderReport as RenderReport) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the report to `path`; returns the line to print. */
export async function writeReport(
  io: CliIo,
  path: string,
  input: { sim: Simulation; scenario: Scenario; violations: readonly Violation[]; title: string },
  load: () => Promise<RenderReport | undefined> = loadRenderReport,
): Promise<string> {
  const render = await load();
  if (render === undefined) {
    return `report not written: this build of kubesim has no HTML report module`;
  }
  io.writeFile(path, render(input));
  return `report written to ${path}`;
}
