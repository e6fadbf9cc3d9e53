/**
 * Server-side Tables (meta.k8s.io/v1 Table), what kubectl asks for with
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` (staging apiserver
 * pkg/endpoints/handlers/response.go asTable; `includeObject` None, Metadata (default) or Object).
 * @packageDocumentation
 */
import type { CustomKind, StoredObject } from '@kubesim/core';
import { compareKubeVersions, type ResourceInfo, type ResourceTable } from './resources.js';
import { customTableColumns, tableColumnsOf, type TableColumns } from './tableColumns.js';
import { badRequest } from './status.js';

/** `includeObject` of a Table request. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** Reads `includeObject`; 400 for another value. */
export function includeObjectOf(query: URLSearchParams): IncludeObject {
  const v = query.get('includeObject') ?? 'Metadata';
  if (v === 'None' || v === 'Metadata' || v === 'Object') return v;
  throw badRequest(
    `includeObject: Unsupported value: "${v}": supported values: "Metadata", "None", "Object"`,
  );
}

function rowObject(obj: StoredObject, include: IncludeObject): unknown {
  if (include === 'Object') return obj;
  if (include === 'None') return undefined;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** The columns of a served resource: a custom kind's printer columns at its version, else the kind's. */
export function columnsOf(table: ResourceTable, r: ResourceInfo): TableColumns {
  const custom = table.customKind(r.kind);
  const columns = custom === undefined ? undefined : customKindColumns(custom, r.version);
  return columns ?? tableColumnsOf(r.kind);
}

/**
 * A custom kind's Table columns at `version`, by default at the version `kubectl get` asks for:
 * the group's preferred one, the first served version by Kubernetes version priority (discovery's
 * order, see {@link ResourceTable.groups}). Undefined when that version is not there.
 */
export function customKindColumns(kind: CustomKind, version?: string): TableColumns | undefined {
  const served = kind.versions.filter((v) => v.served);
  const chosen =
    version === undefined
      ? [...served].sort((a, b) => compareKubeVersions(a.name, b.name))[0]
      : kind.versions.find((v) => v.name === version);
  return chosen === undefined ? undefined : customTableColumns(chosen.printerColumns);
}

/** A Table of `objects` with columns `t`; `headers: false` leaves out the column definitions. */
export function toTable(
  t: TableColumns,
  objects: readonly StoredObject[],
  nowEpochMs: number,
  opts: { include: IncludeObject; headers: boolean; resourceVersion: string; continue?: string },
): Record<string, unknown> {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {
      resourceVersion: opts.resourceVersion,
      ...(opts.continue !== undefined ? { continue: opts.continue } : {}),
    },
    ...(opts.headers ? { columnDefinitions: t.columns } : { columnDefinitions: null }),
    rows: objects.map((o) => {
      const object = rowObject(o, opts.include);
      return { cells: t.cells(o, nowEpochMs), ...(object !== undefined ? { object } : {}) };
    }),
  };
}
