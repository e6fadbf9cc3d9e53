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
  const added: Toleration[] = [];
  if (!tolerations.some((t) => covers(t, TAINT_NODE_NOT_READY))) {
    added.push({
      key: TAINT_NODE_NOT_READY,
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: notReadySeconds,
    });
  }
  if (!tolerations.some((t) => covers(t, TAINT_NODE_UNREACHABLE))) {
    added.push({
      key: TAINT_NODE_UNREACHABLE,
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: unreachableSeconds,
    });
  }
  return added.length === 0 ? tolerations : [...tolerations, ...added];
}
