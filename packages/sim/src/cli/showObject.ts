/**
 * `--show kind/name`: what `kubectl describe` would print about an object after the run.
 * @packageDocumentation
 */
import { kindInfo, knownKinds } from '@kubesim/core';
import type { Kind } from '@kubesim/core';
import type { Simulation } from '../simulation/types.js';
import { UsageError } from './parseArgs.js';

const SHORT_NAMES: Readonly<Record<string, string>> = {
  svc: 'Service',
  po: 'Pod',
  no: 'Node',
  deploy: 'Deployment',
  rs: 'ReplicaSet',
  sts: 'StatefulSet',
  pdb: 'PodDisruptionBudget',
  ep: 'Endpoints',
  ns: 'Namespace',
};

/** Reads `service/web`, `svc/shop/web` or `deployments/web` into a kind and a key. */
export function parseShowTarget(text: string): { kind: Kind; key: string } {
  const slash = text.indexOf('/');
  if (slash <= 0 || slash === text.length - 1) {
    throw new UsageError(`--show wants kind/name (e.g. service/web), got ${JSON.stringify(text)}`);
  }
  const word = text.slice(0, slash).toLowerCase();
  const key = text.slice(slash + 1);
  const kind =
    SHORT_NAMES[word] ??
    knownKinds.find((k) => {
      const lower = k.kind.toLowerCase();
      return lower === word || `${lower}s` === word || `${lower}es` === word;
    })?.kind;
  if (kind === undefined || kindInfo(kind)?.simulated !== true) {
    throw new UsageError(`--show: ${JSON.stringify(word)} is not a kind kubesim simulates`);
  }
  return { kind: kind as Kind, key };
}

/** What `kubectl describe` prints for the object (`sim.describe`). */
export function showObject(sim: Simulation, text: string): string {
  const { kind, key } = parseShowTarget(text);
  return sim.describe(kind, key);
}
