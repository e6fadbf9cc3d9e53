/**
 * Which pods `kubectl drain` evicts from a node, as a pure function of a view (k8s.io/kubectl
 * pkg/drain filters.go: skipDeleted, daemonSet, mirrorPod, localStorage and unreplicated filters,
 * applied in that order; the first filter that refuses or skips a pod decides).
 * @packageDocumentation
 */
import type { ClusterView } from '../../store/view.js';
import type { Pod } from '../../objects/pod.js';
import { controllerOf, keyOf } from './pdbSelection.js';

/** kubectl drain's retry interval after a 429 ("will retry after 5s"). */
export const DRAIN_RETRY_INTERVAL_MS = 5000;

/** The annotation that marks a static pod's mirror (`kubernetes.io/config.mirror`). */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** kubectl drain's flags that decide which pods it may evict. */
export interface DrainConstraints {
  /** `--force`: evict pods that declare no controller. @defaultValue `false` */
  force?: boolean;
  /** `--ignore-daemonsets`: skip DaemonSet pods instead of refusing. @defaultValue `true` */
  ignoreDaemonSets?: boolean;
  /** `--delete-emptydir-data`: evict pods with emptyDir volumes. @defaultValue `true` */
  deleteEmptyDirData?: boolean;
}

/** What `kubectl drain` would do with the pods of one node. */
export interface DrainPlan {
  /** Pods to evict, in kubectl's (key) order; terminal ones are simply deleted by the API. */
  readonly pods: readonly Pod[];
  /** Pods left alone: DaemonSet-managed (with --ignore-daemonsets) and mirror pods. */
  readonly skipped: readonly Pod[];
  /** Pods that make kubectl refuse the whole drain (it evicts nothing while any exists). */
  readonly blocking: readonly Pod[];
  /** kubectl's warnings, e.g. `ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x`. */
  readonly warnings: readonly string[];
  /**
   * kubectl's error when `blocking` is not empty, e.g.
   * `cannot delete Pods that declare no controller (use --force to override): default/debug`.
   */
  readonly error: string | undefined;
}

type Verdict =
  | { readonly delete: true; readonly warning?: string }
  | { readonly delete: false; readonly warning?: string; readonly fatal?: string };

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

const isTerminal = (pod: Pod): boolean =>
  pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';

const hasEmptyDir = (pod: Pod): boolean =>
  ((pod.spec as { volumes?: readonly { emptyDir?: unknown }[] }).volumes ?? []).some(
    (v) => v.emptyDir !== undefined && v.emptyDir !== null,
  );

function verdict(pod: Pod, o: Required<DrainConstraints>): Verdict {
  let warning: string | undefined;
  const ref = controllerOf(pod);
  // DaemonSets are not simulated, so an owning DaemonSet is taken to exist (no orphan case).
  if (ref?.kind === 'DaemonSet' && !isTerminal(pod)) {
    return o.ignoreDaemonSets
      ? { delete: false, warning: DAEMONSET_WARNING }
      : { delete: false, fatal: DAEMONSET_FATAL };
  }
  if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return { delete: false };
  if (hasEmptyDir(pod) && !isTerminal(pod)) {
    if (!o.deleteEmptyDirData) return { delete: false, fatal: LOCAL_STORAGE_FATAL };
    warning = LOCAL_STORAGE_WARNING;
  }
  if (ref === undefined && !isTerminal(pod)) {
    if (!o.force) return { delete: false, fatal: UNMANAGED_FATAL };
    warning = UNMANAGED_WARNING;
  }
  return warning === undefined ? { delete: true } : { delete: true, warning };
}

function grouped(byMessage: Map<string, string[]>, prefix: string): string[] {
  return [...byMessage].map(([msg, pods]) => `${prefix}${msg}: ${pods.join(', ')}`);
}

/**
 * The pods `kubectl drain <node> --ignore-daemonsets --delete-emptydir-data` would evict (flags
 * adjustable through `opts`): everything bound to the node except DaemonSet-managed and mirror
 * pods; pods without a controller block the drain unless `force`. Terminal pods always pass.
 * @example podsToEvict(view, 'node-1').pods.map((p) => p.metadata.name)
 */
export function podsToEvict(
  view: ClusterView,
  nodeName: string,
  opts: DrainConstraints = {},
): DrainPlan {
  const o: Required<DrainConstraints> = {
    force: opts.force ?? false,
    ignoreDaemonSets: opts.ignoreDaemonSets ?? true,
    deleteEmptyDirData: opts.deleteEmptyDirData ?? true,
  };
  const pods: Pod[] = [];
  const skipped: Pod[] = [];
  const blocking: Pod[] = [];
  const warnings = new Map<string, string[]>();
  const fatals = new Map<string, string[]>();
  const note = (into: Map<string, string[]>, msg: string, pod: Pod): void => {
    into.set(msg, [...(into.get(msg) ?? []), keyOf(pod)]);
  };
  for (const pod of view.podsOnNode(nodeName)) {
    const v = verdict(pod, o);
    if (v.warning !== undefined) note(warnings, v.warning, pod);
    if (v.delete) {
      pods.push(pod);
    } else if (v.fatal === undefined) {
      skipped.push(pod);
    } else {
      blocking.push(pod);
      note(fatals, v.fatal, pod);
    }
  }
  const errors = grouped(fatals, 'cannot delete ');
  return {
    pods,
    skipped,
    blocking,
    warnings: grouped(warnings, ''),
    error:
      errors.length === 0 ? undefined : errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`,
  };
}
