/**
 * Validation of a CustomResourceDefinition as the API server does it
 * (apiextensions-apiserver pkg/apis/apiextensions/validation/validation.go
 * `ValidateCustomResourceDefinition`), and the custom kind an accepted CRD defines. kubesim runs
 * no conversion webhooks: `spec.conversion.strategy` must be `None`.
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { forbidden, invalid, notSupported, required } from '../validation/fieldIssues.js';
import { isDns1035Label, isDns1123Subdomain } from '../validation/names.js';
import { checkStructuralSchema } from './checkStructuralSchema.js';
import { deepEqual } from '../store/deepEqual.js';
import type {
  CustomKind,
  CustomKindVersion,
  CustomResourceColumnDefinition,
} from './customResourceDefinition.js';
import { isJsonObject } from './schemaTypes.js';

/** The outcome of {@link validateCustomResourceDefinition}. */
export interface CrdCheck {
  /** Refusals; empty when the CRD is valid. */
  readonly issues: FieldIssue[];
  /** Warnings an accepted CRD carries (CEL rules kubesim ignores). */
  readonly warnings: string[];
  /** The kind the CRD defines, when it is valid. */
  readonly kind: CustomKind | undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function dns1035(value: string, path: string, issues: FieldIssue[]): void {
  for (const msg of isDns1035Label(value)) issues.push(invalid(path, value, msg));
}

function jsonPathUnder(path: string, value: unknown, root: string, issues: FieldIssue[]): void {
  if (typeof value !== 'string' || value === '') {
    issues.push(required(path));
  } else if (!value.startsWith(`${root}.`) || value.length <= root.length + 1) {
    issues.push(invalid(path, value, `should be a json path under ${root}`));
  }
}

function checkNames(spec: Record<string, unknown>, issues: FieldIssue[]): void {
  const names = isJsonObject(spec['names']) ? spec['names'] : undefined;
  if (names === undefined) {
    issues.push(required('spec.names'));
    return;
  }
  const plural = str(names['plural']);
  if (plural === undefined || plural === '') issues.push(required('spec.names.plural'));
  else dns1035(plural, 'spec.names.plural', issues);
  const singular = str(names['singular']);
  if (singular !== undefined && singular !== '') dns1035(singular, 'spec.names.singular', issues);
  const kind = str(names['kind']);
  if (kind === undefined || kind === '') issues.push(required('spec.names.kind'));
  else dns1035(kind.toLowerCase(), 'spec.names.kind', issues);
  const listKind = str(names['listKind']);
  if (listKind !== undefined && listKind !== '') {
    dns1035(listKind.toLowerCase(), 'spec.names.listKind', issues);
    if (listKind === kind) {
      issues.push(
        invalid('spec.names.listKind', listKind, 'kind and listKind may not be the same'),
      );
    }
  }
  const short = Array.isArray(names['shortNames']) ? (names['shortNames'] as unknown[]) : [];
  short.forEach((s, i) => {
    if (typeof s === 'string') dns1035(s, `spec.names.shortNames[${i}]`, issues);
    else issues.push(invalid(`spec.names.shortNames[${i}]`, s, 'must be a string'));
  });
  const categories = Array.isArray(names['categories']) ? (names['categories'] as unknown[]) : [];
  categories.forEach((c, i) => {
    if (typeof c === 'string') dns1035(c, `spec.names.categories[${i}]`, issues);
    else issues.push(invalid(`spec.names.categories[${i}]`, c, 'must be a string'));
  });
}

const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const COLUMN_FORMATS = [
  'byte',
  'date',
  'date-time',
  'double',
  'float',
  'int32',
  'int64',
  'password',
];

/** The Age column served for a version that declares no printer columns. */
const DEFAULT_COLUMNS: readonly CustomResourceColumnDefinition[] = [
  {
    name: 'Age',
    type: 'date',
    jsonPath: '.metadata.creationTimestamp',
    description: 'When the object was created, printed as its age.',
  },
];

/**
 * `additionalPrinterColumns[]` as ValidateCustomResourceColumnDefinition checks them (the
 * required jsonPath is reported under the Go field name `JSONPath`, as upstream does).
 */
function checkColumns(
  raw: unknown,
  path: string,
  issues: FieldIssue[],
): CustomResourceColumnDefinition[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.push(invalid(path, raw, 'must be a list'));
    return [];
  }
  const out: CustomResourceColumnDefinition[] = [];
  raw.forEach((c: unknown, j) => {
    const at = `${path}[${j}]`;
    const col = isJsonObject(c) ? c : {};
    const name = str(col['name']) ?? '';
    const type = str(col['type']) ?? '';
    const format = str(col['format']) ?? '';
    const jsonPath = str(col['jsonPath']) ?? '';
    const before = issues.length;
    if (name === '') issues.push(required(`${at}.name`));
    if (type === '')
      issues.push(required(`${at}.type`, `must be one of ${COLUMN_TYPES.join(',')}`));
    else if (!COLUMN_TYPES.includes(type)) {
      issues.push(invalid(`${at}.type`, type, `must be one of ${COLUMN_TYPES.join(',')}`));
    }
    if (format !== '' && !COLUMN_FORMATS.includes(format)) {
      issues.push(invalid(`${at}.format`, format, `must be one of ${COLUMN_FORMATS.join(',')}`));
    }
    if (jsonPath === '') issues.push(required(`${at}.JSONPath`));
    else if (!jsonPath.startsWith('.')) {
      issues.push(
        invalid(`${at}.JSONPath`, jsonPath, 'must be a simple json path starting with .'),
      );
    }
    const priority = col['priority'];
    if (issues.length > before) return;
    out.push({
      name,
      type,
      jsonPath,
      ...(format !== '' ? { format } : {}),
      ...(typeof col['description'] === 'string' && col['description'] !== ''
        ? { description: col['description'] }
        : {}),
      ...(typeof priority === 'number' && priority !== 0 ? { priority } : {}),
    });
  });
  return out;
}

/**
 * Where a version's settings are reported, and whether this version reports them: the ones
 * identical in every version are lifted to the top level and reported once (see
 * {@link validateCustomResourceDefinition}).
 */
interface VersionPaths {
  /** `spec.validation` or `spec.versions[i].schema`. */
  readonly schema: string;
  readonly schemaReported: boolean;
  /** `spec.subresources` or `spec.versions[i].subresources`. */
  readonly subresources: string;
  readonly subresourcesReported: boolean;
  /** `spec.additionalPrinterColumns` or `spec.versions[i].additionalPrinterColumns`. */
  readonly columns: string;
  readonly columnsReported: boolean;
}

function checkVersion(
  v: unknown,
  i: number,
  at: VersionPaths,
  warnings: string[],
  issues: FieldIssue[],
): CustomKindVersion | undefined {
  const path = `spec.versions[${i}]`;
  if (!isJsonObject(v)) {
    issues.push(invalid(path, v, 'must be an object'));
    return undefined;
  }
  const name = str(v['name']);
  if (name === undefined || name === '') issues.push(required(`${path}.name`));
  else dns1035(name, `${path}.name`, issues);
  const schemaHolder = isJsonObject(v['schema']) ? v['schema'] : undefined;
  const schema = schemaHolder?.['openAPIV3Schema'];
  if (!isJsonObject(schema)) {
    // Without a schema there is none to lift: upstream asks each version for one.
    issues.push(required(`${path}.schema.openAPIV3Schema`, 'schemas are required'));
  } else if (at.schemaReported) {
    const check = checkStructuralSchema(schema, `${at.schema}.openAPIV3Schema`);
    issues.push(...check.issues);
    warnings.push(...check.warnings);
  }
  const sub = isJsonObject(v['subresources']) ? v['subresources'] : undefined;
  const scale = sub !== undefined && isJsonObject(sub['scale']) ? sub['scale'] : undefined;
  const subIssues = at.subresourcesReported ? issues : [];
  if (scale !== undefined) {
    jsonPathUnder(
      `${at.subresources}.scale.specReplicasPath`,
      scale['specReplicasPath'],
      '.spec',
      subIssues,
    );
    jsonPathUnder(
      `${at.subresources}.scale.statusReplicasPath`,
      scale['statusReplicasPath'],
      '.status',
      subIssues,
    );
    const selector = scale['labelSelectorPath'];
    if (selector !== undefined && selector !== null && selector !== '') {
      const s = str(selector) ?? '';
      if (!s.startsWith('.spec.') && !s.startsWith('.status.')) {
        subIssues.push(
          invalid(
            `${at.subresources}.scale.labelSelectorPath`,
            selector,
            'should be a json path under either .spec or .status',
          ),
        );
      }
    }
  }
  const columns = checkColumns(
    v['additionalPrinterColumns'],
    at.columns,
    at.columnsReported ? issues : [],
  );
  if (name === undefined || !isJsonObject(schema)) return undefined;
  const scaleOut =
    scale === undefined
      ? undefined
      : {
          specReplicasPath: String(scale['specReplicasPath']),
          statusReplicasPath: String(scale['statusReplicasPath']),
          ...(typeof scale['labelSelectorPath'] === 'string'
            ? { labelSelectorPath: scale['labelSelectorPath'] }
            : {}),
        };
  return {
    name,
    served: v['served'] === true,
    storage: v['storage'] === true,
    schema: schema,
    statusSubresource: sub !== undefined && isJsonObject(sub['status']),
    scale: scaleOut,
    deprecationWarning:
      v['deprecated'] === true
        ? (str(v['deprecationWarning']) ?? `${name} is deprecated`)
        : undefined,
    printerColumns: columns.length > 0 ? columns : DEFAULT_COLUMNS,
  };
}

/**
 * Validates a CRD manifest (`spec` and the `metadata.name` rule; the rest of metadata is checked
 * like any object's). Returns the issues and, when there are none, the kind it defines.
 *
 * @example
 * ```ts
 * validateCustomResourceDefinition(crd).issues;
 * // e.g. [{ path: 'metadata.name', message: 'Invalid value: "widget": must be spec.names.plural+"."+spec.group', … }]
 * ```
 */
export function validateCustomResourceDefinition(crd: unknown): CrdCheck {
  const issues: FieldIssue[] = [];
  const warnings: string[] = [];
  const o = isJsonObject(crd) ? crd : {};
  const meta = isJsonObject(o['metadata']) ? o['metadata'] : {};
  const spec = isJsonObject(o['spec']) ? o['spec'] : undefined;
  if (spec === undefined) {
    issues.push(required('spec'));
    return { issues, warnings, kind: undefined };
  }
  const group = str(spec['group']);
  if (group === undefined || group === '') {
    issues.push(required('spec.group'));
  } else {
    for (const msg of isDns1123Subdomain(group)) issues.push(invalid('spec.group', group, msg));
    if (!group.includes('.')) {
      issues.push(invalid('spec.group', group, 'should be a domain with at least one dot'));
    }
  }
  const scope = str(spec['scope']);
  if (scope === undefined || scope === '') issues.push(required('spec.scope'));
  else if (scope !== 'Namespaced' && scope !== 'Cluster') {
    issues.push(notSupported('spec.scope', scope, ['Cluster', 'Namespaced']));
  }
  checkNames(spec, issues);
  const names = isJsonObject(spec['names']) ? spec['names'] : {};
  const plural = str(names['plural']) ?? '';
  const name = str(meta['name']) ?? '';
  if (plural !== '' && group !== undefined && name !== `${plural}.${group}`) {
    issues.push(invalid('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  }
  const conversion = isJsonObject(spec['conversion']) ? spec['conversion'] : undefined;
  const strategy = conversion === undefined ? 'None' : (str(conversion['strategy']) ?? 'None');
  if (strategy !== 'None') {
    issues.push(
      strategy === 'Webhook'
        ? forbidden(
            'spec.conversion.strategy',
            'kubesim runs no conversion webhooks; only "None" is supported',
          )
        : notSupported('spec.conversion.strategy', strategy, ['None', 'Webhook']),
    );
  }
  if (spec['preserveUnknownFields'] === true) {
    issues.push(
      invalid(
        'spec.preserveUnknownFields',
        true,
        'must be false in order to use defaults in the schema',
      ),
    );
  }
  const rawVersions = Array.isArray(spec['versions']) ? (spec['versions'] as unknown[]) : [];
  if (rawVersions.length === 0)
    issues.push(
      required('spec.versions', 'must have exactly one version marked as storage version'),
    );
  const versions: CustomKindVersion[] = [];
  const seen = new Set<string>();
  // Settings identical in every version (always so with a single version) are reported at the
  // top level, once: the v1 to internal conversion lifts a schema to spec.validation,
  // subresources to spec.subresources and columns to spec.additionalPrinterColumns before
  // validation (apiextensions v1 conversion.go, Convert_v1_CustomResourceDefinitionSpec_To_
  // apiextensions_CustomResourceDefinitionSpec; validation.go then checks them there).
  const field = (v: unknown, name: string): unknown =>
    isJsonObject(v) ? (v[name] ?? undefined) : undefined;
  const identical = (name: string): boolean =>
    rawVersions.every((v) => deepEqual(field(v, name), field(rawVersions[0], name)));
  const columnsOf = (v: unknown): unknown =>
    isJsonObject(v) && Array.isArray(v['additionalPrinterColumns'])
      ? v['additionalPrinterColumns']
      : [];
  const identicalColumns = rawVersions.every((v) =>
    deepEqual(columnsOf(v), columnsOf(rawVersions[0])),
  );
  const identicalSchema = identical('schema');
  const identicalSubresources = identical('subresources');
  rawVersions.forEach((v, i) => {
    const own = `spec.versions[${i}]`;
    const at: VersionPaths = {
      schema: identicalSchema ? 'spec.validation' : `${own}.schema`,
      schemaReported: !identicalSchema || i === 0,
      subresources: identicalSubresources ? 'spec.subresources' : `${own}.subresources`,
      subresourcesReported: !identicalSubresources || i === 0,
      columns: identicalColumns
        ? 'spec.additionalPrinterColumns'
        : `${own}.additionalPrinterColumns`,
      columnsReported: !identicalColumns || i === 0,
    };
    const checked = checkVersion(v, i, at, warnings, issues);
    if (checked === undefined) return;
    if (seen.has(checked.name)) {
      issues.push({
        path: `spec.versions[${i}].name`,
        type: 'FieldValueDuplicate',
        message: `Duplicate value: ${JSON.stringify(checked.name)}`,
      });
    }
    seen.add(checked.name);
    versions.push(checked);
  });
  const storage = versions.filter((v) => v.storage);
  const storageCount = rawVersions.filter((v) => isJsonObject(v) && v['storage'] === true).length;
  if (rawVersions.length > 0 && storageCount !== 1) {
    issues.push(
      invalid(
        'spec.versions',
        rawVersions.map((v) => (isJsonObject(v) ? v['name'] : v)),
        'must have exactly one version marked as storage version',
      ),
    );
  }
  if (issues.length > 0 || group === undefined) return { issues, warnings, kind: undefined };
  const kindName = str(names['kind']) ?? '';
  const kind: CustomKind = {
    crdName: name,
    group,
    kind: kindName,
    listKind: str(names['listKind']) ?? `${kindName}List`,
    plural,
    singular: str(names['singular']) ?? kindName.toLowerCase(),
    shortNames: (names['shortNames'] as string[] | undefined) ?? [],
    categories: (names['categories'] as string[] | undefined) ?? [],
    namespaced: scope === 'Namespaced',
    versions,
    storageVersion: storage[0]?.name ?? '',
  };
  return { issues, warnings, kind };
}

/** Issues for a change to an existing CRD that upstream refuses (immutable group and scope). */
export function validateCustomResourceDefinitionUpdate(
  live: CustomKind,
  next: CustomKind,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (live.group !== next.group)
    issues.push(invalid('spec.group', next.group, 'field is immutable'));
  if (live.namespaced !== next.namespaced) {
    issues.push(
      invalid('spec.scope', next.namespaced ? 'Namespaced' : 'Cluster', 'field is immutable'),
    );
  }
  if (live.kind !== next.kind) {
    issues.push(
      invalid('spec.names.kind', next.kind, 'kubesim does not rename a stored custom kind'),
    );
  }
  return issues;
}
