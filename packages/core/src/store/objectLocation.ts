/**
 * Where a manifest lives in the store: its kind, namespace, name and key.
 * @packageDocumentation
 */
import { ValidationError } from '../errors.js';
import type { KindInfo } from '../objects/kinds.js';
import { kindInfo } from '../objects/kinds.js';
import { checkCreate } from './admissionChecks.js';
import { isRecord } from './looseObject.js';
import type { LooseObject } from './looseObject.js';

/** The resolved location of a manifest. */
export interface ObjectLocation {
  readonly info: KindInfo;
  readonly kind: string;
  /** Present for namespaced kinds (`default` when the manifest names none). */
  readonly namespace: string | undefined;
  /** Empty when the manifest relies on `generateName`. */
  readonly name: string;
  /** `namespace/name` or `name`. */
  readonly key: string;
}

/**
 * Reads kind, namespace and name of `input`. Throws ValidationError when `input` is not an object
 * manifest of a kind Kubernetes has.
 */
export function locate(input: unknown): ObjectLocation & { readonly object: LooseObject } {
  if (!isRecord(input) || typeof input['kind'] !== 'string' || !isRecord(input['metadata'])) {
    checkCreate(input);
    throw new ValidationError(
      [{ path: 'metadata', type: 'FieldValueRequired', message: 'Required value' }],
      typeof (input as { kind?: unknown } | null)?.kind === 'string'
        ? (input as { kind: string }).kind
        : undefined,
    );
  }
  const object = input as LooseObject;
  const info = kindInfo(object.kind);
  if (info === undefined) {
    checkCreate(input);
    throw new ValidationError(
      [
        {
          path: 'kind',
          type: 'FieldValueNotSupported',
          message: `Unsupported value: ${JSON.stringify(object.kind)}: Kubernetes has no such kind`,
        },
      ],
      object.kind,
    );
  }
  const meta = object.metadata;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const ns =
    typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
  const namespace = info.namespaced ? ns : undefined;
  const key = namespace === undefined ? name : `${namespace}/${name}`;
  return { info, kind: object.kind, namespace, name, key, object };
}
