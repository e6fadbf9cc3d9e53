/**
 * Toleration matching as the taint eviction controller does it (upstream `ToleratesTaint`,
 * `GetMatchingTolerations` and `getMinTolerationTime`; pkg/controller/tainteviction/taint_eviction.go).
 * @packageDocumentation
 */
import type { Taint } from '../../objects/node.js';
import type { Toleration } from '../../objects/pod.js';

/**
 * Whether `toleration` tolerates `taint`: an empty effect matches every effect, an empty key
 * (with `Exists`) every key; operator `Exists` ignores the value, `Equal` (the default) compares it.
 * @example toleratesTaint({ key: 'k', operator: 'Exists' }, { key: 'k', effect: 'NoExecute' }) === true
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  const effect = toleration.effect ?? '';
  if (effect !== '' && effect !== taint.effect) return false;
  const key = toleration.key ?? '';
  if (key !== '' && key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case 'Exists':
      return true;
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

/** The result of {@link matchTolerations}. */
export interface TolerationMatch {
  /** Every taint is tolerated. */
  readonly allTolerated: boolean;
  /** For each taint, the first toleration that tolerates it (empty when not all are tolerated). */
  readonly used: readonly Toleration[];
}

/** Which tolerations cover `taints` (upstream `GetMatchingTolerations`). */
export function matchTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
): TolerationMatch {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => toleratesTaint(t, taint));
    if (match === undefined) return { allTolerated: false, used: [] };
    used.push(match);
  }
  return { allTolerated: true, used };
}

/**
 * How long a pod may stay, in ms, given the tolerations it uses: the minimum `tolerationSeconds`
 * (≤ 0 → 0, evict now); undefined when none has seconds (tolerated forever); 0 for none used.
 * @example minTolerationMs([{ tolerationSeconds: 300 }, { tolerationSeconds: 60 }]) === 60_000
 */
export function minTolerationMs(used: readonly Toleration[]): number | undefined {
  if (used.length === 0) return 0;
  let min: number | undefined;
  for (const t of used) {
    if (t.tolerationSeconds === undefined) continue;
    if (t.tolerationSeconds <= 0) return 0;
    if (min === undefined || t.tolerationSeconds < min) min = t.tolerationSeconds;
  }
  return min === undefined ? undefined : min * 1000;
}
