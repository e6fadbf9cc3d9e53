/**
 * The DefaultTolerationSeconds admission plugin (§6.7,
 * plugin/pkg/admission/defaulttolerationseconds/admission.go).
 * @packageDocumentation
 */
import type { Toleration } from '../objects/pod.js';

/** Taint the node lifecycle controller puts on a node whose Ready condition is False. */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
/** Taint the node lifecycle controller puts on a node whose Ready condition is Unknown. */
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';

/**
 * True when `toleration` already covers the NoExecute taint `key` in the plugin's sense: its key
 * is `key` or empty, and its effect is `NoExecute` or empty. Operator and value are not looked at.
 */
function covers(toleration: Toleration, key: string): boolean {
  const k = toleration.key ?? '';
  const effect = toleration.effect ?? '';
  return (k === key || k === '') && (effect === 'NoExecute' || effect === '');
}

/**
 * The tolerations of a pod after the plugin: `not-ready:NoExecute` and `unreachable:NoExecute`
 * (operator `Exists`, `tolerationSeconds` from the config, 300 s by default) are appended unless
 * the pod already tolerates them. Returns `tolerations` itself when nothing is added.
 *
 * @example
 * ```ts
 * withDefaultTolerationSeconds([], 300, 300)
 * // [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
 * //  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]
 * ```
 */
export function withDefaultTolerationSeconds(
  tolerations: readonly Toleration[],
  notReadySeconds: number,
  unreachableSeconds: number,
): readonly Toleration[] {
  const notReady = !tolerations.some((t) => covers(t, TAINT_NODE_NOT_READY));
  const unreachable = !tolerations.some((t) => covers(t, TAINT_NODE_UNREACHABLE));
  if (!notReady && !unreachable) return tolerations;
  // Most pods have no tolerations of their own: they all get the same frozen pair.
  if (tolerations.length === 0) return defaultPair(notReadySeconds, unreachableSeconds);
  const added: Toleration[] = [];
  if (notReady) added.push(defaultToleration(TAINT_NODE_NOT_READY, notReadySeconds));
  if (unreachable) added.push(defaultToleration(TAINT_NODE_UNREACHABLE, unreachableSeconds));
  return [...tolerations, ...added];
}

// The plugin's tolerations are values of the config alone: kept frozen and shared by every pod
// (stored objects are frozen, so sharing them is safe and a pod's copy costs nothing).
const kept = new Map<string, Toleration>();
const keptPairs = new Map<string, readonly Toleration[]>();

function defaultToleration(key: string, seconds: number): Toleration {
  const id = `${key} ${seconds}`;
  let t = kept.get(id);
  if (t === undefined) {
    t = Object.freeze({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
    kept.set(id, t);
  }
  return t;
}

function defaultPair(notReadySeconds: number, unreachableSeconds: number): readonly Toleration[] {
  const id = `${notReadySeconds} ${unreachableSeconds}`;
  let pair = keptPairs.get(id);
  if (pair === undefined) {
    pair = Object.freeze([
      defaultToleration(TAINT_NODE_NOT_READY, notReadySeconds),
      defaultToleration(TAINT_NODE_UNREACHABLE, unreachableSeconds),
    ]);
    keptPairs.set(id, pair);
  }
  return pair;
}
