/**
 * Stable revision names for a StatefulSet's pod template.
 * @packageDocumentation
 */
import type { PodTemplateSpec } from '../../objects/pod.js';
import type { StatefulSet } from '../../objects/apps.js';
import { computePodTemplateHash } from '../shared/podTemplateHash.js';

/**
 * The hash part of a revision name: FNV-1a of the template's canonical JSON, its decimal form
 * safe-encoded, as upstream names ControllerRevisions (`history.HashControllerRevision`). The
 * exact bytes hashed differ from upstream (Go's object printer); the properties that matter hold:
 * equal templates give equal hashes, and the result is a valid label value.
 * @example templateHash(template) // e.g. '7c9d5b8f4'
 */
export function templateHash(template: PodTemplateSpec): string {
  // The same canonical JSON, FNV-1a and safe encoding as a Deployment's pod-template-hash.
  return computePodTemplateHash(template);
}

/**
 * The revision name of the set's current template, `<sts>-<hash>`: the value of
 * `status.updateRevision` and of each new pod's `controller-revision-hash` label. Like upstream,
 * a set name longer than 52 characters yields a label value over 63 characters, which pod
 * admission refuses.
 * @example revisionName(cassandra) // 'cassandra-' + templateHash(cassandra.spec.template)
 */
export function revisionName(set: StatefulSet): string {
  return `${set.metadata.name}-${templateHash(set.spec.template)}`;
}
