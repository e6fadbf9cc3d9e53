/**
 * core/v1 Events about objects, aggregated like client-go's event recorder.
 * @packageDocumentation
 */
import { kindInfo, normalizeKey } from '../objects/kinds.js';
import type { Event } from '../objects/node.js';
import { createObject } from './createObject.js';
import { deepFreeze } from './deepFreeze.js';
import type { StoreCore } from './storeCore.js';
import type { EventRegarding } from './types.js';

/** The component named in `source` of every Event the store records for the model. */
export const EVENT_SOURCE_COMPONENT = 'kubesim';

// Frozen and shared by every Event recorded: each would otherwise hold an equal copy.
const SOURCE = Object.freeze({ component: EVENT_SOURCE_COMPONENT });

/**
 * Records an Event about `regarding`. The same object, type, reason and message increment
 * `count` and move `lastTimestamp` on the existing Event instead of creating another. The Event
 * lives in the object's namespace (`default` for cluster-scoped objects) and is named
 * `<object name>.<hex nanoseconds of now>` like upstream's recorder (tools/record/event.go).
 * Returns undefined, recording nothing, when that namespace is missing or terminating (the
 * recorder drops events the API refuses).
 */
export function recordEvent(
  core: StoreCore,
  regarding: EventRegarding,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): Event | undefined {
  const nk = normalizeKey(regarding.kind, regarding.key);
  const ns = nk.namespace ?? 'default';
  const nsObj = core.get('Namespace', ns);
  if (nsObj === undefined || nsObj.metadata.deletionTimestamp !== undefined) return undefined;
  const target = core.get(regarding.kind, nk.key);
  // Equal strings the store already holds (the Namespace's and the object's names) instead of
  // the ones cut from the key: each Event would otherwise keep its own copies.
  const namespace = nsObj.metadata.name === ns ? nsObj.metadata.name : ns;
  const name = target?.metadata.name === nk.name ? target.metadata.name : nk.name;
  const uid = regarding.uid ?? target?.metadata.uid;
  const involvedObject = {
    kind: regarding.kind,
    ...(nk.namespace === undefined ? {} : { namespace }),
    name,
    ...(uid === undefined ? {} : { uid }),
    apiVersion: target?.apiVersion ?? kindInfo(regarding.kind)?.apiVersion ?? 'v1',
  };
  const now = core.nowTimestamp();
  // client-go's recorder aggregates repeats keyed on source, involvedObject (kind, namespace,
  // name, fieldPath, uid, apiVersion), type, reason and message (tools/record/events_cache.go
  // getEventKey, EventLogger.eventObserve: count+1, lastTimestamp moved, name kept). kubesim has
  // one source and no fieldPath, and keys on the rest but apiVersion; unlike getEventKey's plain
  // join of the parts, two different tuples never match (EventIndex compares field by field).
  const existingKey = core.tables.indexes.eventWith({
    kind: regarding.kind,
    namespace: nk.namespace === undefined ? '' : namespace,
    name,
    uid: uid ?? '',
    type,
    reason,
    message,
  });
  const existing = existingKey === undefined ? undefined : core.get('Event', existingKey);
  if (existingKey !== undefined && existing !== undefined) {
    const rv = core.nextResourceVersion();
    // A plain copy (no immer draft): fields present keep their places, absent ones go last in
    // this order, as the recipe assigning them would leave them.
    const event = existing as Event;
    const next: Event = Object.freeze({
      ...event,
      count: (event.count ?? 1) + 1,
      lastTimestamp: now,
      metadata: Object.freeze({ ...event.metadata, resourceVersion: String(rv) }),
    });
    return core.write('Event', existingKey, next, rv) as Event;
  }
  let suffix = hexNanos(core.nowMs());
  if (core.get('Event', `${namespace}/${name}.${suffix}`) !== undefined) {
    let nanos = BigInt(core.nowMs()) * 1_000_000n;
    do {
      nanos += 1n;
      suffix = nanos.toString(16);
    } while (core.get('Event', `${namespace}/${name}.${suffix}`) !== undefined);
  }
  // Frozen before it is created: the store shares it instead of copying a literal nobody else holds.
  const manifest = deepFreeze({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.${suffix}`, namespace },
    involvedObject,
    reason,
    message,
    type,
    source: SOURCE,
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  });
  return createObject(core, manifest) as Event;
}

// The last virtual millisecond whose nanoseconds were written in hex, and that text: the Events
// of one instant share it (the BigInt arithmetic costs more than the rest of the name).
let hexFor = -1;
let hexText = '';

/** `ms` milliseconds as nanoseconds in lower-case hex, as upstream's recorder names Events. */
function hexNanos(ms: number): string {
  if (ms !== hexFor) {
    hexText = (BigInt(ms) * 1_000_000n).toString(16);
    hexFor = ms;
  }
  return hexText;
}
