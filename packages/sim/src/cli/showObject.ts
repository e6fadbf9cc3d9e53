/**
 * `--show kind/name`: what `kubectl describe` would print about an object after the run.
 * @packageDocumentation
 */
import { NotFoundError, kindInfo, knownKinds } from '@kubesim/core';
import type { Kind } from '@kubesim/core';
import { stringify } from 'yaml';
import { KubectlUnsupportedError } from '../kubectl/errors.js';
import type { Simulation } from '../simulation/types.js';
import { UsageError } from './cliErrors.js';

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

/**
 * What `kubectl describe` prints for the object (`sim.describe`); for a kind without a describe
 * printer, the object as `kubectl get -o yaml` prints it; for an object that does not exist,
 * kubectl's NotFound line.
 */
export function showObject(sim: Simulation, text: string): string {
  const { kind, key } = parseShowTarget(text);
  try {
    return sim.describe(kind, key);
  } catch (err) {
    if (err instanceof NotFoundError) return `Error from server (NotFound): ${err.message}`;
    if (!(err instanceof KubectlUnsupportedError)) throw err;
  }
  const obj = sim.get(kind, key);
  if (obj === undefined) return `Error from server (NotFound): ${text} not found`;
  return `${text}:\n${stringify(obj).trimEnd()}`;
}
