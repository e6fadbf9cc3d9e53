/**
 * The pod spec, shared by Pods and the pod templates of workloads (kubernetes
 * `pkg/apis/core/validation/validation.go` `ValidatePodSpec`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { duplicate, index, invalid, notFound, notSupported, required } from './fieldIssues.js';
import { absent, get, int, list, obj, str } from './json.js';
import { validateLabels } from './labels.js';
import { isDns1123Label, isDns1123Subdomain, isQualifiedName } from './names.js';
import { validateAffinity, validateTopologySpreadConstraints } from './affinity.js';
import { validateContainers } from './container.js';
import { validateTolerations } from './tolerations.js';

/** Pod restart policies, as upstream lists them. */
export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] as const;

function nonNegative(v: unknown, path: string, issues: FieldIssue[]): number | undefined {
  const n = int(v, path, issues);
  if (n !== undefined && n < 0) issues.push(invalid(path, n, 'must be greater than or equal to 0'));
  return n;
}

/** `readinessGates[].conditionType`: required, a qualified name (upstream `validateReadinessGates`). */
function validateReadinessGates(v: unknown, path: string, issues: FieldIssue[]): void {
  (list(v, path, issues) ?? []).forEach((g, i) => {
    const gate = obj(g, `${path}[${i}]`, issues);
    if (gate === undefined) return;
    const p = `${path}[${i}].conditionType`;
    const type = str(get(gate, 'conditionType'), p, issues);
    if (type === undefined || type === '') issues.push(required(p));
    else for (const msg of isQualifiedName(type)) issues.push(invalid(p, type, msg));
  });
}

/**
 * Validates a pod spec at `path` (`spec`, or `spec.template.spec` in workloads): at least one
 * container, containers and init containers, restart and DNS policies, grace periods,
 * hostname/subdomain, nodeSelector, nodeName and tolerations.
 */
export function validatePodSpec(
  v: unknown,
  path: string,
  issues: FieldIssue[],
  opts: { claimVolumes?: readonly string[] } = {},
): void {
  const s = obj(v, path, issues);
  if (s !== undefined) validateVolumes(s, path, opts.claimVolumes ?? [], issues);
  if (s === undefined) {
    if (absent(v)) issues.push(required(`${path}.containers`));
    return;
  }
  const names = { containers: new Set<string>(), ports: new Set<string>() };
  const containers = list(get(s, 'containers'), `${path}.containers`, issues);
  if (containers?.length === 0 || absent(get(s, 'containers'))) {
    issues.push(required(`${path}.containers`));
  }
  validateContainers(get(s, 'initContainers'), `${path}.initContainers`, names, true, issues);
  validateContainers(containers, `${path}.containers`, names, false, issues);
  const restart = str(get(s, 'restartPolicy'), `${path}.restartPolicy`, issues);
  if (restart !== undefined && !(RESTART_POLICIES as readonly string[]).includes(restart)) {
    issues.push(notSupported(`${path}.restartPolicy`, restart, RESTART_POLICIES));
  }
  const dns = str(get(s, 'dnsPolicy'), `${path}.dnsPolicy`, issues);
  if (dns !== undefined && !(DNS_POLICIES as readonly string[]).includes(dns)) {
    issues.push(notSupported(`${path}.dnsPolicy`, dns, DNS_POLICIES));
  }
  nonNegative(
    get(s, 'terminationGracePeriodSeconds'),
    `${path}.terminationGracePeriodSeconds`,
    issues,
  );
  const deadline = int(get(s, 'activeDeadlineSeconds'), `${path}.activeDeadlineSeconds`, issues);
  if (deadline !== undefined && (deadline < 1 || deadline > 2147483647)) {
    issues.push(
      invalid(
        `${path}.activeDeadlineSeconds`,
        deadline,
        'must be between 1 and 2147483647, inclusive',
      ),
    );
  }
  for (const f of ['hostname', 'subdomain']) {
    const h = str(get(s, f), `${path}.${f}`, issues);
    if (h !== undefined && h !== '') {
      for (const msg of isDns1123Label(h)) issues.push(invalid(`${path}.${f}`, h, msg));
    }
  }
  const nodeName = str(get(s, 'nodeName'), `${path}.nodeName`, issues);
  if (nodeName !== undefined && nodeName !== '') {
    for (const msg of isDns1123Subdomain(nodeName))
      issues.push(invalid(`${path}.nodeName`, nodeName, msg));
  }
  issues.push(...validateLabels(get(s, 'nodeSelector'), `${path}.nodeSelector`));
  validateTolerations(get(s, 'tolerations'), `${path}.tolerations`, issues);
  validateAffinity(get(s, 'affinity'), `${path}.affinity`, issues);
  validateTopologySpreadConstraints(
    get(s, 'topologySpreadConstraints'),
    `${path}.topologySpreadConstraints`,
    issues,
  );
  validateReadinessGates(get(s, 'readinessGates'), `${path}.readinessGates`, issues);
  str(get(s, 'serviceAccountName'), `${path}.serviceAccountName`, issues);
  str(get(s, 'schedulerName'), `${path}.schedulerName`, issues);
  int(get(s, 'priority'), `${path}.priority`, issues);
}

/**
 * `volumes` names (DNS-1123 labels, unique) and every container's `volumeMounts` (a name that is a
 * volume, a mountPath), as upstream `ValidateVolumes` / `ValidateVolumeMounts` do. A StatefulSet
 * template may also mount its volumeClaimTemplates (`claimVolumes`).
 */
function validateVolumes(
  s: Readonly<Record<string, unknown>>,
  path: string,
  claimVolumes: readonly string[],
  issues: FieldIssue[],
): void {
  const known = new Set(claimVolumes);
  const volumes = list(get(s, 'volumes'), `${path}.volumes`, issues) ?? [];
  volumes.forEach((vol, i) => {
    const namePath = `${index(`${path}.volumes`, i)}.name`;
    const name = str(get(obj(vol, index(`${path}.volumes`, i), issues), 'name'), namePath, issues);
    if (name === undefined || name === '') {
      issues.push(required(namePath));
      return;
    }
    for (const msg of isDns1123Label(name)) issues.push(invalid(namePath, name, msg));
    if (known.has(name) && !claimVolumes.includes(name)) issues.push(duplicate(namePath, name));
    known.add(name);
  });
  for (const group of ['initContainers', 'containers']) {
    const containers = list(get(s, group), `${path}.${group}`, []) ?? [];
    containers.forEach((c, ci) => {
      const cPath = index(`${path}.${group}`, ci);
      const mounts =
        list(get(obj(c, cPath, []), 'volumeMounts'), `${cPath}.volumeMounts`, issues) ?? [];
      mounts.forEach((m, mi) => {
        const mPath = index(`${cPath}.volumeMounts`, mi);
        const mount = obj(m, mPath, issues);
        const name = str(get(mount, 'name'), `${mPath}.name`, issues);
        if (name === undefined || name === '') issues.push(required(`${mPath}.name`));
        else if (!known.has(name)) issues.push(notFound(`${mPath}.name`, name));
        const mountPath = str(get(mount, 'mountPath'), `${mPath}.mountPath`, issues);
        if (mountPath === undefined || mountPath === '')
          issues.push(required(`${mPath}.mountPath`));
      });
    });
  }
}
