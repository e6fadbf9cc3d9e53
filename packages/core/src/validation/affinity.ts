/**
 * A pod's scheduling constraints: `affinity` (node affinity, pod affinity and anti-affinity) and
 * `topologySpreadConstraints`, so the scheduler never meets a selector or operator it cannot read
 * (upstream pkg/apis/core/validation/validation.go `validateAffinity`,
 * `validateNodeSelectorRequirement`, `validatePodAffinityTerm`, `validateTopologySpreadConstraints`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { validateLabelSelector } from '../selector/index.js';
import { duplicate, forbidden, invalid, notSupported, required } from './fieldIssues.js';
import { absent, get, int, list, obj, str } from './json.js';
import type { JsonObject } from './json.js';
import { isQualifiedName } from './names.js';

const NODE_SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const;
const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'] as const;

function validateNodeSelectorRequirement(
  r: JsonObject,
  path: string,
  fieldSelector: boolean,
  issues: FieldIssue[],
): void {
  const key = str(get(r, 'key'), `${path}.key`, issues);
  if (key === undefined || key === '') issues.push(required(`${path}.key`));
  else if (fieldSelector) {
    if (key !== 'metadata.name') {
      issues.push(notSupported(`${path}.key`, key, ['metadata.name']));
    }
  } else {
    for (const msg of isQualifiedName(key)) issues.push(invalid(`${path}.key`, key, msg));
  }
  const op = str(get(r, 'operator'), `${path}.operator`, issues);
  const values = list(get(r, 'values'), `${path}.values`, issues) ?? [];
  values.forEach((v, i) => {
    str(v, `${path}.values[${i}]`, issues);
  });
  if (op === undefined) {
    issues.push(required(`${path}.operator`));
    return;
  }
  const allowed = fieldSelector ? (['In', 'NotIn'] as const) : NODE_SELECTOR_OPERATORS;
  if (!(allowed as readonly string[]).includes(op)) {
    issues.push(notSupported(`${path}.operator`, op, allowed));
    return;
  }
  if ((op === 'In' || op === 'NotIn') && values.length === 0) {
    issues.push(required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (fieldSelector && values.length !== 1) {
    issues.push(
      required(
        `${path}.values`,
        "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
      ),
    );
  } else if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) {
    issues.push(
      forbidden(
        `${path}.values`,
        "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ),
    );
  } else if (op === 'Gt' || op === 'Lt') {
    const v = values[0];
    if (values.length !== 1) {
      issues.push(
        required(
          `${path}.values`,
          "must be specified single value when `operator` is 'Lt' or 'Gt'",
        ),
      );
    } else if (typeof v === 'string' && !/^-?\d+$/.test(v)) {
      issues.push(invalid(`${path}.values[0]`, v, 'must be an integer'));
    }
  }
}

function validateNodeSelectorTerm(t: unknown, path: string, issues: FieldIssue[]): void {
  const term = obj(t, path, issues);
  if (term === undefined) return;
  for (const [field, isField] of [
    ['matchExpressions', false],
    ['matchFields', true],
  ] as const) {
    const reqs = list(get(term, field), `${path}.${field}`, issues) ?? [];
    reqs.forEach((r, i) => {
      const p = `${path}.${field}[${i}]`;
      const req = obj(r, p, issues);
      if (req !== undefined) validateNodeSelectorRequirement(req, p, isField, issues);
    });
  }
}

function validateWeight(w: unknown, path: string, issues: FieldIssue[]): void {
  const weight = int(w, path, issues);
  if (weight === undefined) {
    if (absent(w)) issues.push(required(path));
  } else if (weight < 1 || weight > 100) {
    issues.push(invalid(path, weight, 'must be in the range 1-100'));
  }
}

function validatePodAffinityTerm(t: unknown, path: string, issues: FieldIssue[]): void {
  const term = obj(t, path, issues);
  if (term === undefined) return;
  for (const field of ['labelSelector', 'namespaceSelector']) {
    const v = get(term, field);
    if (!absent(v)) issues.push(...validateLabelSelector(v, `${path}.${field}`));
  }
  const namespaces = list(get(term, 'namespaces'), `${path}.namespaces`, issues) ?? [];
  namespaces.forEach((n, i) => str(n, `${path}.namespaces[${i}]`, issues));
  const key = str(get(term, 'topologyKey'), `${path}.topologyKey`, issues);
  if (key === undefined || key === '') {
    issues.push(required(`${path}.topologyKey`, 'can not be empty'));
  } else {
    for (const msg of isQualifiedName(key)) issues.push(invalid(`${path}.topologyKey`, key, msg));
  }
  for (const field of ['matchLabelKeys', 'mismatchLabelKeys']) {
    const keys = list(get(term, field), `${path}.${field}`, issues) ?? [];
    keys.forEach((k, i) => str(k, `${path}.${field}[${i}]`, issues));
  }
}

function validatePodAffinity(v: unknown, path: string, issues: FieldIssue[]): void {
  const a = obj(v, path, issues);
  if (a === undefined) return;
  const req = `${path}.requiredDuringSchedulingIgnoredDuringExecution`;
  (list(get(a, 'requiredDuringSchedulingIgnoredDuringExecution'), req, issues) ?? []).forEach(
    (t, i) => {
      validatePodAffinityTerm(t, `${req}[${i}]`, issues);
    },
  );
  const pref = `${path}.preferredDuringSchedulingIgnoredDuringExecution`;
  (list(get(a, 'preferredDuringSchedulingIgnoredDuringExecution'), pref, issues) ?? []).forEach(
    (w, i) => {
      const p = `${pref}[${i}]`;
      const wt = obj(w, p, issues);
      if (wt === undefined) return;
      validateWeight(get(wt, 'weight'), `${p}.weight`, issues);
      const term = get(wt, 'podAffinityTerm');
      if (absent(term)) issues.push(required(`${p}.podAffinityTerm`));
      else validatePodAffinityTerm(term, `${p}.podAffinityTerm`, issues);
    },
  );
}

function validateNodeAffinity(v: unknown, path: string, issues: FieldIssue[]): void {
  const a = obj(v, path, issues);
  if (a === undefined) return;
  const reqPath = `${path}.requiredDuringSchedulingIgnoredDuringExecution`;
  const req = obj(get(a, 'requiredDuringSchedulingIgnoredDuringExecution'), reqPath, issues);
  if (req !== undefined) {
    const terms = list(get(req, 'nodeSelectorTerms'), `${reqPath}.nodeSelectorTerms`, issues);
    if (terms === undefined || terms.length === 0) {
      issues.push(
        required(`${reqPath}.nodeSelectorTerms`, 'must have at least one node selector term'),
      );
    }
    (terms ?? []).forEach((t, i) => {
      validateNodeSelectorTerm(t, `${reqPath}.nodeSelectorTerms[${i}]`, issues);
    });
  }
  const pref = `${path}.preferredDuringSchedulingIgnoredDuringExecution`;
  (list(get(a, 'preferredDuringSchedulingIgnoredDuringExecution'), pref, issues) ?? []).forEach(
    (w, i) => {
      const p = `${pref}[${i}]`;
      const wt = obj(w, p, issues);
      if (wt === undefined) return;
      validateWeight(get(wt, 'weight'), `${p}.weight`, issues);
      const term = get(wt, 'preference');
      if (absent(term)) issues.push(required(`${p}.preference`));
      else validateNodeSelectorTerm(term, `${p}.preference`, issues);
    },
  );
}

/** Validates a pod spec's `affinity` at `path` (node, pod and pod anti-affinity). */
export function validateAffinity(v: unknown, path: string, issues: FieldIssue[]): void {
  const a = obj(v, path, issues);
  if (a === undefined) return;
  validateNodeAffinity(get(a, 'nodeAffinity'), `${path}.nodeAffinity`, issues);
  validatePodAffinity(get(a, 'podAffinity'), `${path}.podAffinity`, issues);
  validatePodAffinity(get(a, 'podAntiAffinity'), `${path}.podAntiAffinity`, issues);
}

/** Validates a pod spec's `topologySpreadConstraints` at `path`. */
export function validateTopologySpreadConstraints(
  v: unknown,
  path: string,
  issues: FieldIssue[],
): void {
  const seen = new Set<string>();
  (list(v, path, issues) ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    const tsc = obj(c, p, issues);
    if (tsc === undefined) return;
    const skew = int(get(tsc, 'maxSkew'), `${p}.maxSkew`, issues);
    if (skew === undefined) {
      if (absent(get(tsc, 'maxSkew')))
        issues.push(invalid(`${p}.maxSkew`, 0, 'must be greater than zero'));
    } else if (skew <= 0) {
      issues.push(invalid(`${p}.maxSkew`, skew, 'must be greater than zero'));
    }
    const key = str(get(tsc, 'topologyKey'), `${p}.topologyKey`, issues);
    if (key === undefined || key === '')
      issues.push(required(`${p}.topologyKey`, 'can not be empty'));
    const when = str(get(tsc, 'whenUnsatisfiable'), `${p}.whenUnsatisfiable`, issues);
    if (when === undefined) issues.push(required(`${p}.whenUnsatisfiable`));
    else if (!(WHEN_UNSATISFIABLE as readonly string[]).includes(when)) {
      issues.push(notSupported(`${p}.whenUnsatisfiable`, when, WHEN_UNSATISFIABLE));
    }
    const pair = `${key ?? ''}\u0000${when ?? ''}`;
    if (key !== undefined && when !== undefined) {
      if (seen.has(pair))
        issues.push(duplicate(`${p}.{topologyKey, whenUnsatisfiable}`, `{${key}, ${when}}`));
      seen.add(pair);
    }
    const minDomains = int(get(tsc, 'minDomains'), `${p}.minDomains`, issues);
    if (minDomains !== undefined && minDomains <= 0) {
      issues.push(invalid(`${p}.minDomains`, minDomains, 'must be greater than 0'));
    }
    const selector = get(tsc, 'labelSelector');
    if (!absent(selector)) issues.push(...validateLabelSelector(selector, `${p}.labelSelector`));
    const keys = list(get(tsc, 'matchLabelKeys'), `${p}.matchLabelKeys`, issues) ?? [];
    keys.forEach((k, j) => str(k, `${p}.matchLabelKeys[${j}]`, issues));
  });
}
