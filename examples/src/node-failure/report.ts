/**
 * The HTML report of the node-failure run: one self-contained page with the Service's ready
 * endpoints over time, the request outcomes with the black-hole window shaded, the node swim
 * lanes, the fault marker and the event list; its summary shows the seed and the trace hash.
 * @packageDocumentation
 */
import { renderReport } from '@kubesim/sim';
import { SERVICE, type NodeFailureRun } from './nodeFailure.js';

/** Renders the run as HTML (the same run always renders the same bytes). */
export function nodeFailureReport(run: NodeFailureRun): string {
  return renderReport({
    sim: run.sim,
    title: `${run.crashedNode} loses power under traffic`,
    services: [SERVICE],
  });
}
