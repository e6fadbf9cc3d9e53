/**
 * What a pod asks of a node: its effective cpu and memory requests and its host ports.
 * @packageDocumentation
 */
import { bytes, cpuMillis } from '../../quantity/parseQuantity.js';
import type { Container, Pod } from '../../objects/pod.js';

/** For scoring only: the cpu a container without a cpu request is counted as (pkg/scheduler/util `DefaultMilliCPURequest`). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** For scoring only: the memory a container without a memory request is counted as, 200 MiB (`DefaultMemoryRequest`). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/**
 * A pod's effective requests. `milliCpu`/`memory` are what the filters compare against free
 * capacity; `nonZeroMilliCpu`/`nonZeroMemory` count a container without a request as 100m /
 * 200 MiB and feed the LeastAllocated score only.
 */
export interface PodRequests {
  readonly milliCpu: number;
  readonly memory: number;
  readonly nonZeroMilliCpu: number;
  readonly nonZeroMemory: number;
}

interface Pair {
  cpu: number;
  mem: number;
}

function containerRequest(c: Container, nonZero: boolean): Pair {
  const req = c.resources?.requests;
  const cpu = req?.['cpu'];
  const mem = req?.['memory'];
  return {
    cpu:
      cpu === undefined
        ? nonZero
          ? DEFAULT_MILLI_CPU_REQUEST
          : 0
        : parsed(cpuMemo, cpu, cpuMillis),
    mem: mem === undefined ? (nonZero ? DEFAULT_MEMORY_REQUEST : 0) : parsed(bytesMemo, mem, bytes),
  };
}

/**
 * Parsed request quantities by their written form: pods made from one template each carry their
 * own containers array (so {@link podRequests}' memo misses) but the same few strings.
 */
const cpuMemo = new Map<string | number, number>();
const bytesMemo = new Map<string | number, number>();
/** A bound on distinct quantities kept: past it the memo starts over. */
const MAX_QUANTITIES = 1024;

function parsed(
  memo: Map<string | number, number>,
  q: string | number,
  parse: (q: string | number) => number,
): number {
  let v = memo.get(q);
  if (v === undefined) {
    v = parse(q); // throws for a malformed quantity, as before (nothing is kept)
    if (memo.size >= MAX_QUANTITIES) memo.clear();
    memo.set(q, v);
  }
  return v;
}

// component-helpers/resource `PodRequests`: app containers and restartable init containers
// (sidecars) run together; each regular init container runs alone next to the sidecars started
// before it; the pod needs the larger of the two, per resource.
function effective(pod: Pod, nonZero: boolean): Pair {
  const sum: Pair = { cpu: 0, mem: 0 };
  for (const c of pod.spec.containers) {
    const r = containerRequest(c, nonZero);
    sum.cpu += r.cpu;
    sum.mem += r.mem;
  }
  const sidecars: Pair = { cpu: 0, mem: 0 };
  const init: Pair = { cpu: 0, mem: 0 };
  for (const c of pod.spec.initContainers ?? []) {
    const r = containerRequest(c, nonZero);
    let cpu: number;
    let mem: number;
    if (c.restartPolicy === 'Always') {
      sum.cpu += r.cpu;
      sum.mem += r.mem;
      sidecars.cpu += r.cpu;
      sidecars.mem += r.mem;
      cpu = sidecars.cpu;
      mem = sidecars.mem;
    } else {
      cpu = r.cpu + sidecars.cpu;
      mem = r.mem + sidecars.mem;
    }
    init.cpu = Math.max(init.cpu, cpu);
    init.mem = Math.max(init.mem, mem);
  }
  return { cpu: Math.max(sum.cpu, init.cpu), mem: Math.max(sum.mem, init.mem) };
}

/**
 * The effective requests of `pod`: max(app containers + sidecars, each regular init container
 * plus the sidecars started before it), per resource. Pod overhead is not modelled.
 * @example
 * // containers 250m + 250m, one init container 1 cpu → milliCpu 1000
 * podRequests(pod).milliCpu === 1000
 */
export function podRequests(pod: Pod): PodRequests {
  // Stored objects are immutable and a bind or status write keeps the containers array, so the
  // quantities are parsed once per pod template rather than at every cycle and cache update.
  const containers = pod.spec.containers;
  const init = pod.spec.initContainers;
  const memo = requestsMemo.get(containers);
  if (memo !== undefined && memo.init === init) return memo.requests;
  const actual = effective(pod, false);
  const nonZero = effective(pod, true);
  const requests: PodRequests = {
    milliCpu: actual.cpu,
    memory: actual.mem,
    nonZeroMilliCpu: nonZero.cpu,
    nonZeroMemory: nonZero.mem,
  };
  requestsMemo.set(containers, { init, requests });
  return requests;
}

/** {@link podRequests} by containers array (with the init containers it was computed with). */
const requestsMemo = new WeakMap<
  readonly Container[],
  { readonly init: readonly Container[] | undefined; readonly requests: PodRequests }
>();

/** One host port a pod wants: protocol, IP (`0.0.0.0` when unset) and port. */
export interface HostPort {
  readonly protocol: string;
  readonly ip: string;
  readonly port: number;
}

/**
 * The host ports of the pod's containers (ports with `hostPort` > 0), as the NodePorts filter
 * reads them (pkg/scheduler/framework/plugins/nodeports). An empty `hostIP` means `0.0.0.0`.
 */
export function podHostPorts(pod: Pod): readonly HostPort[] {
  const out: HostPort[] = [];
  if (!pod.spec.containers.some((c) => c.ports !== undefined && c.ports.length > 0)) return out;
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) {
      if (p.hostPort === undefined || p.hostPort <= 0) continue;
      out.push({
        protocol: p.protocol,
        ip: p.hostIP === undefined || p.hostIP === '' ? '0.0.0.0' : p.hostIP,
        port: p.hostPort,
      });
    }
  }
  return out;
}
