/**
 * The pod spec, shared by Pods and the pod templates of workloads (kubernetes
 * `pkg/apis/core/validation/validation.go` `ValidatePodSpec`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { invalid, notSupported, required } from './fieldIssues.js';
import { absent, get, int, list, obj, str } from './json.js';
import { validateLabels } from './labels.js';
import { isDns1123Label, isDns1123Subdomain } from './names.js';
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

/**
 * Validates a pod spec at `path` (`spec`, or `spec.template.spec` in workloads): at least one
 * container, containers and init containers, restart and DNS policies, grace periods,
 * hostname/subdomain, nodeSelector, nodeName and tolerations.
 */
export function validatePodSpec(v: unknown, path: string, issues: FieldIssue[]): void {
  const s = obj(v, path, issues);
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
  str(get(s, 'serviceAccountName'), `${path}.serviceAccountName`, issues);
  str(get(s, 'schedulerName'), `${path}.schedulerName`, issues);
  int(get(s, 'priority'), `${path}.priority`, issues);
}
