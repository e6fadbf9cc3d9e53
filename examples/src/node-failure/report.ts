/**
 * The HTML report of the node-failure run.
 *
 * `renderReport` lives in `@kubesim/sim`'s report module but is not (yet) exported from the
 * package entry point, so this example reaches into the built package. Once `@kubesim/sim`
 * exports it, this import becomes `import { renderReport } from '@kubesim/sim'`.
 * @packageDocumentation
 */
import { renderReport } from '../../../packages/sim/dist/report/index.js';
import { SERVICE, type NodeFailureRun } from './nodeFailure.js';

/** One self-contained HTML page: ready endpoints, outcomes with the black-hole window, node lanes. */
export function nodeFailureReport(run: NodeFailureRun): string {
  return renderReport({
    sim: run.sim,
    title: `${run.crashedNode} loses power under traffic`,
    services: [SERVICE],
  });
}
