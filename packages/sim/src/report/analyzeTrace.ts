/**
 * One pass over the trace: node lanes, fault markers and the event-list rows.
 * @packageDocumentation
 */
import type { Event, Node } from '@kubesim/core';
import type { TraceEntry } from '../world/trace.js';
import { NodeLaneTracker, type NodeApiState, type NodeLane } from './nodeLanes.js';
import { ObjectReplay } from './objectReplay.js';
import { summarizeChange, summarizeEvent, type RowCategory } from './summarizeChange.js';

/** A fault activity, drawn as a marker on every chart. */
export interface FaultMark {
  readonly t: number;
  /** `CrashNode`, `RecoverNode`, `PartitionNode`, `HealNode`, `KillPod`, `FailReadiness`. */
  readonly type: string;
  /** The node or pod it hit. */
  readonly target: string;
}

/** One row of the event list. */
export interface EventRow {
  readonly t: number;
  readonly cause: string;
  readonly category: RowCategory;
  readonly text: string;
}

/** What the report draws from the trace. */
export interface TraceAnalysis {
  readonly lanes: readonly NodeLane[];
  readonly faults: readonly FaultMark[];
  /** The first `maxRows` interesting entries. */
  readonly rows: readonly EventRow[];
  /** How many interesting entries there were in all. */
  readonly interesting: number;
}

const FAULT_ON: Readonly<Record<string, ['down' | 'partitioned', boolean]>> = {
  CrashNode: ['down', true],
  RecoverNode: ['down', false],
  PartitionNode: ['partitioned', true],
  HealNode: ['partitioned', false],
};

const REPLAYED = [
  'Node',
  'Pod',
  'EndpointSlice',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'Service',
];
const OBJECT_TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED']);
// Activities too frequent to list; their effect shows in the charts.
const QUIET_ACTIVITIES = new Set(['ProxySync']);

function apiState(node: Node): NodeApiState {
  const ready = node.status.conditions?.find((c) => c.type === 'Ready')?.status;
  return ready === 'True' ? 'Ready' : ready === 'False' ? 'NotReady' : 'Unknown';
}

const detailTarget = (e: TraceEntry): string => {
  const d = e.detail ?? {};
  const v = d['node'] ?? d['pod'] ?? d['zone'];
  return typeof v === 'string' ? v : '';
};

/** Reads the trace in order up to `end` and keeps at most `maxRows` event rows. */
export function analyzeTrace(
  entries: readonly TraceEntry[],
  end: number,
  maxRows: number,
): TraceAnalysis {
  const replay = new ObjectReplay(REPLAYED);
  const lanes = new NodeLaneTracker();
  const faults: FaultMark[] = [];
  const rows: EventRow[] = [];
  let interesting = 0;
  const push = (t: number, cause: string, category: RowCategory, text: string): void => {
    interesting += 1;
    if (rows.length < maxRows) rows.push({ t, cause, category, text });
  };

  for (const e of entries) {
    if (!OBJECT_TYPES.has(e.type)) {
      if (QUIET_ACTIVITIES.has(e.type)) continue;
      const target = detailTarget(e);
      if (e.cause === 'fault') {
        faults.push({ t: e.t, type: e.type, target });
        const lane = FAULT_ON[e.type];
        if (lane !== undefined) lanes.fault(target, e.t, lane[0], lane[1]);
        push(e.t, e.cause, 'fault', `${e.type} ${target}`.trimEnd());
      } else {
        const detail = e.detail === undefined ? '' : ` ${JSON.stringify(e.detail)}`;
        push(e.t, e.cause, 'other', `${e.type}${detail}`);
      }
      continue;
    }
    if (e.kind === 'Event') {
      if (e.type === 'ADDED' && e.object !== undefined) {
        const s = summarizeEvent(e.object as Event);
        if (s !== undefined) push(e.t, e.cause, s.category, s.text);
      }
      continue;
    }
    const change = replay.step(e);
    if (change === undefined || e.kind === undefined || e.key === undefined) continue;
    if (e.kind === 'Node' && change.after !== undefined) {
      const node = change.after as Node;
      lanes.observe(e.key, e.t, apiState(node), node.spec.unschedulable === true);
    }
    const s = summarizeChange(e.kind, e.key, change.before, change.after);
    if (s !== undefined) push(e.t, e.cause, s.category, s.text);
  }
  return { lanes: lanes.finish(end), faults, rows, interesting };
}
