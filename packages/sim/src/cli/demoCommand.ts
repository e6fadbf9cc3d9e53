/**
 * `kubesim demo`: the built-in node failure under load, as a timeline, with the HTML report.
 * @packageDocumentation
 */
import { DEMO_CRASHED_NODE, DEMO_SERVICE, demoScenario } from '../scenario/index.js';
import type { CliIo } from './cliIo.js';
import { UsageError } from './cliErrors.js';
import { jsonOutcome, reportLines, runWithProgress } from './commandSupport.js';
import {
  flagOption,
  stringOption,
  type CliCommandSpec,
  type CommandDeps,
  type CommandOutcome,
} from './commandSpec.js';
import { formatCrashTimeline } from './demoTimeline.js';
import { formatSummary, formatViolations } from './formatResult.js';

/** Where `kubesim demo` writes its report unless told otherwise (README). */
export const DEMO_REPORT_FILE = 'kubesim-demo-report.html';

/** The arguments of `kubesim demo`: `report` undefined means `--no-report`. */
export interface DemoArgs {
  readonly report?: string;
  readonly json: boolean;
}

/**
 * `kubesim demo [--report out.html | --no-report] [--json]`: runs the demo scenario, prints the
 * crash timeline and writes the HTML report (default {@link DEMO_REPORT_FILE}). Exit code 0, or 1
 * if an invariant was violated.
 */
export async function demoCommand(
  io: CliIo,
  args: DemoArgs,
  deps: CommandDeps = {},
): Promise<CommandOutcome> {
  const scenario = demoScenario();
  const { result, wallMs } = runWithProgress(io, scenario, 'demo');
  const failed = result.violations.length > 0 || result.actionErrors.length > 0;
  const report = await reportLines(
    io,
    args.report,
    result,
    'kubesim demo: node failure under load',
    deps,
  );
  if (args.json) return { exitCode: failed ? 1 : 0, output: jsonOutcome(result, {}) };
  const lines = [
    'kubesim demo: 6 nodes in 3 zones, a 3-replica web Deployment behind Service default/web',
    '(type LoadBalancer, a GCE-style cloud load balancer in front); a client on node-0 and one',
    `outside the cluster, each every 100ms; ${DEMO_CRASHED_NODE} loses power at 1m.`,
    '',
    ...formatCrashTimeline(result, DEMO_CRASHED_NODE, DEMO_SERVICE),
    '',
    ...formatSummary(result, wallMs),
    ...(result.violations.length > 0
      ? formatViolations(result.violations)
      : ['no invariant violated']),
    ...report,
  ];
  return { exitCode: failed ? 1 : 0, output: `${lines.join('\n')}\n` };
}

/** The `demo` command. */
export const demoSpec: CliCommandSpec<DemoArgs> = {
  name: 'demo',
  usage: [`demo [--report out.html | --no-report] [--json]   (report: ${DEMO_REPORT_FILE})`],
  options: {
    report: { type: 'string' },
    'no-report': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  read(positionals, values) {
    const [extra] = positionals;
    if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)}`);
    const report = stringOption(values, 'report');
    const noReport = flagOption(values, 'no-report');
    if (noReport && report !== undefined) {
      throw new UsageError('kubesim demo takes --report or --no-report, not both');
    }
    return {
      ...(noReport ? {} : { report: report ?? DEMO_REPORT_FILE }),
      json: flagOption(values, 'json'),
    };
  },
  run: demoCommand,
};
