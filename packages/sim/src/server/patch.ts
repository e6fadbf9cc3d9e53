/**
 * The three patch types of PATCH: JSON merge patch (RFC 7386), JSON Patch (RFC 6902, `test`
 * included) and strategic merge patch (apimachinery pkg/util/strategicpatch, the directives
 * kubectl sends: `$patch`, `$retainKeys`, `$setElementOrder/…`, `$deleteFromPrimitiveList/…`).
 * @packageDocumentation
 */
import { deepEqual } from '@kubesim/core';
import { ApiError, badRequest } from './status.js';
import { itemKey, listStrategy } from './mergeKeys.js';

type Json = unknown;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** RFC 7386 JSON merge patch. */
export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) Reflect.deleteProperty(out, k);
    else out[k] = jsonMergePatch(out[k], v);
  }
  return out;
}

function unescapePointer(seg: string): string {
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

function pointer(path: unknown): string[] {
  if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) {
    throw badRequest(
      `the server rejected our request due to an error in our request: invalid JSON Patch path ${JSON.stringify(path)}`,
    );
  }
  return path === '' ? [] : path.slice(1).split('/').map(unescapePointer);
}

function patchFailed(message: string): ApiError {
  return new ApiError(422, 'Invalid', message);
}

function getAt(doc: Json, segs: readonly string[]): Json {
  let cur = doc;
  for (const s of segs) {
    if (Array.isArray(cur)) {
      const i = Number(s);
      if (!/^\d+$/.test(s) || i >= cur.length)
        throw patchFailed(`jsonpatch: index ${s} out of bounds`);
      cur = cur[i];
    } else if (isObj(cur) && s in cur) {
      cur = cur[s];
    } else {
      throw patchFailed(`jsonpatch: path /${segs.join('/')} not found`);
    }
  }
  return cur;
}

// Applies `fn` to the parent container of `segs` (copy-on-write down the path).
function atParent(
  doc: Json,
  segs: readonly string[],
  fn: (parent: Obj | Json[], last: string) => void,
): Json {
  if (segs.length === 0)
    throw patchFailed('jsonpatch: the root cannot be the target of this operation');
  const copy = (v: Json): Obj | Json[] => {
    if (Array.isArray(v)) return [...(v as Json[])];
    if (isObj(v)) return { ...v };
    throw patchFailed(`jsonpatch: path /${segs.join('/')} not found`);
  };
  const root = copy(doc);
  let cur: Obj | Json[] = root;
  for (const s of segs.slice(0, -1)) {
    const child: Json = Array.isArray(cur) ? cur[Number(s)] : cur[s];
    if (child === undefined) throw patchFailed(`jsonpatch: path /${segs.join('/')} not found`);
    const next = copy(child);
    if (Array.isArray(cur)) cur[Number(s)] = next;
    else cur[s] = next;
    cur = next;
  }
  fn(cur, segs[segs.length - 1] ?? '');
  return root;
}

function addAt(doc: Json, segs: readonly string[], value: Json): Json {
  if (segs.length === 0) return value;
  return atParent(doc, segs, (parent, last) => {
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (!/^(\d+|-)$/.test(last) || i > parent.length)
        throw patchFailed(`jsonpatch: index ${last} out of bounds`);
      parent.splice(i, 0, value);
    } else parent[last] = value;
  });
}

function removeAt(doc: Json, segs: readonly string[]): Json {
  getAt(doc, segs);
  return atParent(doc, segs, (parent, last) => {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else Reflect.deleteProperty(parent, last);
  });
}

/** RFC 6902 JSON Patch; a failed `test` or a missing path is 422 as upstream answers. */
export function jsonPatch(doc: Json, ops: Json): Json {
  if (!Array.isArray(ops))
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let cur = doc;
  for (const raw of ops) {
    if (!isObj(raw))
      throw badRequest('json: cannot unmarshal into Go value of type jsonpatch.Operation');
    const segs = pointer(raw['path']);
    switch (raw['op']) {
      case 'add':
        cur = addAt(cur, segs, structuredClone(raw['value']));
        break;
      case 'remove':
        cur = removeAt(cur, segs);
        break;
      case 'replace':
        getAt(cur, segs);
        cur =
          segs.length === 0
            ? structuredClone(raw['value'])
            : addAt(removeAt(cur, segs), segs, structuredClone(raw['value']));
        break;
      case 'move': {
        const from = pointer(raw['from']);
        const value = getAt(cur, from);
        cur = addAt(removeAt(cur, from), segs, value);
        break;
      }
      case 'copy':
        cur = addAt(cur, segs, structuredClone(getAt(cur, pointer(raw['from']))));
        break;
      case 'test': {
        const actual = getAt(cur, segs);
        if (!deepEqual(actual, raw['value'])) {
          throw patchFailed(
            `the server rejected our request due to an error in our request: testing value /${segs.join('/')} failed: test failed`,
          );
        }
        break;
      }
      default:
        throw badRequest(`Unexpected kind: ${String(raw['op'])}`);
    }
  }
  return cur;
}

/** Strategic merge patch of `patch` onto `target`; `path` is the field path from the object root. */
export function strategicMergePatch(target: Json, patch: Json, path: readonly string[] = []): Json {
  if (!isObj(patch)) return patch;
  if (patch['$patch'] === 'replace') {
    const out = { ...patch };
    delete out['$patch'];
    return out;
  }
  if (patch['$patch'] === 'delete') return undefined;
  const out: Obj = isObj(target) ? { ...target } : {};
  const retain = patch['$retainKeys'];
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const cur = out[field];
      if (Array.isArray(cur) && Array.isArray(v)) {
        out[field] = cur.filter((x) => !v.some((d) => deepEqual(d, x)));
      }
      continue;
    }
    if (v === null) {
      Reflect.deleteProperty(out, k);
      continue;
    }
    const fieldPath = [...path, k];
    if (Array.isArray(v)) out[k] = mergeList(out[k], v, fieldPath);
    else if (isObj(v)) {
      const merged = strategicMergePatch(out[k], v, fieldPath);
      if (merged === undefined) Reflect.deleteProperty(out, k);
      else out[k] = merged;
    } else out[k] = v;
  }
  if (Array.isArray(retain)) {
    for (const k of Object.keys(out)) if (!retain.includes(k)) Reflect.deleteProperty(out, k);
  }
  return out;
}

function mergeList(target: Json, patch: Json[], path: readonly string[]): Json[] {
  const strategy = listStrategy(path);
  const base: Json[] = Array.isArray(target) ? (target as Json[]) : [];
  if (strategy.type === 'set') {
    const out = [...base];
    for (const v of patch) if (!out.some((x) => deepEqual(x, v))) out.push(v);
    return out;
  }
  if (strategy.type === 'atomic') {
    if (patch.some((p) => isObj(p) && p['$patch'] === 'replace'))
      return patch.filter((p) => !(isObj(p) && p['$patch'] === 'replace'));
    return patch;
  }
  if (patch.some((p) => isObj(p) && p['$patch'] === 'replace')) {
    return patch.filter((p) => !(isObj(p) && p['$patch'] === 'replace'));
  }
  const out = [...base];
  for (const item of patch) {
    const key = itemKey(item, strategy.keys);
    const i = out.findIndex((x) => itemKey(x, strategy.keys) === key);
    if (isObj(item) && item['$patch'] === 'delete') {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = strategicMergePatch(out[i], item, path);
    else out.push(strategicMergePatch(undefined, item, path));
  }
  return out;
}
