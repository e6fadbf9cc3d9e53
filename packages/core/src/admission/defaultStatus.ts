/**
 * The status defaults of a status write (PUT …/status), without re-defaulting the rest of an
 * object whose spec and metadata are the stored, already defaulted ones.
 * @packageDocumentation
 */

type Status = Record<string, unknown>;

// Go's zero values of the non-pointer status fields each kind serializes (the same ones
// defaultObject fills on create).
const zeroValues: Readonly<Record<string, Readonly<Status>>> = {
  Pod: { phase: 'Pending' },
  Deployment: {},
  ReplicaSet: { replicas: 0 },
  StatefulSet: { replicas: 0 },
  Namespace: { phase: 'Active' },
  Node: {},
  Service: {},
  PodDisruptionBudget: {
    disruptionsAllowed: 0,
    currentHealthy: 0,
    desiredHealthy: 0,
    expectedPods: 0,
  },
};

function isRecord(v: unknown): v is Status {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `status` with the defaults of `kind` filled in, as {@link defaultObject} would fill them on the
 * whole object: zero values of the counts and phases, a Node's `allocatable` from `capacity`, a
 * LoadBalancer ingress point's `ipMode: VIP`. Returns `status` itself when nothing is missing;
 * otherwise a copy (the input is never mutated). Kinds without status defaults keep it as written.
 *
 * @example
 * ```ts
 * defaultStatus('ReplicaSet', {}, { readyReplicas: 2 }); // { readyReplicas: 2, replicas: 0 }
 * ```
 */
export function defaultStatus(kind: string, spec: unknown, status: unknown): unknown {
  const zeros = Object.hasOwn(zeroValues, kind) ? zeroValues[kind] : undefined;
  if (zeros === undefined) return status;
  let out: Status | undefined = isRecord(status) ? undefined : {};
  const base = (): Status => (out ??= { ...(status as Status) });
  const current = (): Status => out ?? (status as Status);
  for (const [k, v] of Object.entries(zeros)) {
    if (current()[k] === undefined || current()[k] === null) base()[k] = v;
  }
  if (kind === 'Node') {
    const s = current();
    if (s['allocatable'] === undefined && s['capacity'] !== undefined) {
      base()['allocatable'] = isRecord(s['capacity']) ? { ...s['capacity'] } : s['capacity'];
    }
  } else if (kind === 'Service' && isRecord(spec) && spec['type'] === 'LoadBalancer') {
    const lb = current()['loadBalancer'];
    const ingress =
      isRecord(lb) && Array.isArray(lb['ingress']) ? (lb['ingress'] as unknown[]) : [];
    if (
      ingress.some(
        (i) =>
          isRecord(i) && typeof i['ip'] === 'string' && i['ip'] !== '' && i['ipMode'] === undefined,
      )
    ) {
      const withMode = ingress.map((i) =>
        isRecord(i) && typeof i['ip'] === 'string' && i['ip'] !== '' && i['ipMode'] === undefined
          ? { ...i, ipMode: 'VIP' }
          : i,
      );
      base()['loadBalancer'] = { ...(lb as Status), ingress: withMode };
    }
  }
  return out ?? status;
}
