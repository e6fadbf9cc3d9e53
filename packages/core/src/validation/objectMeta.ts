/**
 * `apiVersion`, `kind` and `metadata` of a manifest (apimachinery `pkg/api/validation/objectmeta.go`
 * `ValidateObjectMeta`; the name rule per kind is each kind's `Validate…Name` in
 * kubernetes `pkg/apis/<group>/validation`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import type { KindInfo } from '../objects/kinds.js';
import { kindInfo, servesApiVersion } from '../objects/kinds.js';
import { forbidden, invalid, required } from './fieldIssues.js';
import { get, obj, str } from './json.js';
import type { JsonObject } from './json.js';
import { validateAnnotations, validateLabels } from './labels.js';
import {
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isValidPathSegmentName,
} from './names.js';

/** Validates a name; `prefix` is true for a generateName (a trailing `-` is then allowed). */
export type NameValidator = (name: string, prefix: boolean) => string[];

// Upstream `maskTrailingDash`: a generateName may end in '-' since a suffix follows.
function masked(fn: (s: string) => string[]): NameValidator {
  return (name, prefix) =>
    fn(prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -1)}a` : name);
}

const subdomain = masked(isDns1123Subdomain);
const label = masked(isDns1123Label);
const dns1035 = masked(isDns1035Label);
const pathSegment: NameValidator = (name, prefix) =>
  prefix ? isValidPathSegmentName(name.replace(/-$/, 'a')) : isValidPathSegmentName(name);

// Kinds whose names are not DNS-1123 subdomains. Service: ValidateServiceName (DNS-1035 label);
// Namespace: ValidateNamespaceName; StatefulSet: ValidateStatefulSetName (DNS label since v1.30);
// RBAC kinds: ValidateRBACName (path segment).
const nameRules: Readonly<Record<string, NameValidator>> = {
  Service: dns1035,
  Namespace: label,
  StatefulSet: label,
  Role: pathSegment,
  RoleBinding: pathSegment,
  ClusterRole: pathSegment,
  ClusterRoleBinding: pathSegment,
};

/** The name rule of `kind`: DNS-1123 subdomain unless the kind's upstream validator differs. */
export function nameValidatorFor(kind: string): NameValidator {
  return nameRules[kind] ?? subdomain;
}

/**
 * Checks `apiVersion` and `kind`. Returns what kubesim knows of the kind when the pair is one a
 * current cluster serves, else undefined (and the issues say why).
 */
export function validateTypeMeta(o: JsonObject, issues: FieldIssue[]): KindInfo | undefined {
  const kind = str(get(o, 'kind'), 'kind', issues);
  const apiVersion = str(get(o, 'apiVersion'), 'apiVersion', issues);
  if (kind === undefined || kind === '') {
    if (get(o, 'kind') === undefined || kind === '') issues.push(required('kind'));
    return undefined;
  }
  if (apiVersion === undefined || apiVersion === '') {
    if (get(o, 'apiVersion') === undefined || apiVersion === '')
      issues.push(required('apiVersion'));
    return undefined;
  }
  const info = kindInfo(kind);
  if (info === undefined) {
    issues.push(invalid('kind', kind, `no matches for kind "${kind}" in version "${apiVersion}"`));
    return undefined;
  }
  if (!servesApiVersion(info, apiVersion)) {
    issues.push(
      invalid(
        'apiVersion',
        apiVersion,
        `no matches for kind "${kind}" in version "${apiVersion}": ${kind} is served as "${info.apiVersion}"`,
      ),
    );
    return undefined;
  }
  return info;
}

/** What {@link validateObjectMeta} needs to know of the object. */
export interface ObjectMetaRules {
  /** Name format of the kind. */
  readonly nameFn: NameValidator;
  /** False for cluster-scoped kinds, which may not carry a namespace. */
  readonly namespaced: boolean;
}

/**
 * Validates `metadata` at `path`: a name (or generateName) in the kind's format, the namespace
 * (a DNS-1123 label; forbidden on cluster-scoped kinds; absent is fine, admission defaults it),
 * labels and annotations.
 */
export function validateObjectMeta(
  meta: unknown,
  path: string,
  rules: ObjectMetaRules,
  issues: FieldIssue[],
): void {
  const m = obj(meta, path, issues);
  const name = str(get(m, 'name'), `${path}.name`, issues);
  const generateName = str(get(m, 'generateName'), `${path}.generateName`, issues);
  if (generateName !== undefined && generateName !== '') {
    for (const msg of rules.nameFn(generateName, true)) {
      issues.push(invalid(`${path}.generateName`, generateName, msg));
    }
  }
  if (name === undefined || name === '') {
    if (generateName === undefined || generateName === '') {
      issues.push(required(`${path}.name`, 'name or generateName is required'));
    }
  } else {
    for (const msg of rules.nameFn(name, false)) issues.push(invalid(`${path}.name`, name, msg));
  }
  const namespace = str(get(m, 'namespace'), `${path}.namespace`, issues);
  if (namespace !== undefined && namespace !== '') {
    if (!rules.namespaced) {
      issues.push(forbidden(`${path}.namespace`, 'not allowed on this type'));
    } else {
      for (const msg of isDns1123Label(namespace)) {
        issues.push(invalid(`${path}.namespace`, namespace, msg));
      }
    }
  }
  issues.push(...validateLabels(get(m, 'labels'), `${path}.labels`));
  issues.push(...validateAnnotations(get(m, 'annotations'), `${path}.annotations`));
}

/** Labels and annotations of a pod template's metadata (`spec.template.metadata`). */
export function validateTemplateMeta(meta: unknown, path: string, issues: FieldIssue[]): void {
  const m = obj(meta, path, issues);
  issues.push(...validateLabels(get(m, 'labels'), `${path}.labels`));
  issues.push(...validateAnnotations(get(m, 'annotations'), `${path}.annotations`));
}
