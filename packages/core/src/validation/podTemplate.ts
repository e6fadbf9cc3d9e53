/**
 * The pod template of a workload (kubernetes `pkg/apis/apps/validation/validation.go`
 * `ValidatePodTemplateSpecForReplicaSet`, `ValidatePodTemplateSpecForStatefulSet`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import type { Selector } from '../selector/types.js';
import { forbidden, invalid, notSupported, required } from './fieldIssues.js';
import { absent, get, obj, str, stringMap } from './json.js';
import { validateTemplateMeta } from './objectMeta.js';
import { validatePodSpec } from './podSpec.js';

/**
 * Validates `spec.template` at `path`: labels and annotations, labels matching `selector` (when
 * the selector is valid and not empty), the pod spec, `restartPolicy` Always (absent is
 * defaulted to Always) and no `activeDeadlineSeconds`.
 */
export function validateWorkloadTemplate(
  v: unknown,
  path: string,
  selector: Selector | undefined,
  kind: string,
  issues: FieldIssue[],
  claimVolumes: readonly string[] = [],
): void {
  if (absent(v)) {
    issues.push(required(path));
    return;
  }
  const t = obj(v, path, issues);
  if (t === undefined) return;
  const metaPath = `${path}.metadata`;
  validateTemplateMeta(get(t, 'metadata'), metaPath, issues);
  const labels = new Map(stringMap(get(obj(get(t, 'metadata'), metaPath, []), 'labels'), '', []));
  if (selector !== undefined && !selector.empty && !selector.matches(Object.fromEntries(labels))) {
    issues.push(
      invalid(
        `${metaPath}.labels`,
        Object.fromEntries(labels),
        '`selector` does not match template `labels`',
      ),
    );
  }
  const specPath = `${path}.spec`;
  validatePodSpec(get(t, 'spec'), specPath, issues, { claimVolumes });
  const spec = obj(get(t, 'spec'), specPath, []);
  const restart = str(get(spec, 'restartPolicy'), `${specPath}.restartPolicy`, []);
  if (restart !== undefined && restart !== 'Always') {
    issues.push(notSupported(`${specPath}.restartPolicy`, restart, ['Always']));
  }
  if (!absent(get(spec, 'activeDeadlineSeconds'))) {
    issues.push(
      forbidden(
        `${specPath}.activeDeadlineSeconds`,
        `activeDeadlineSeconds in ${kind} is not Supported`,
      ),
    );
  }
}
