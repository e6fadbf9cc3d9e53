import { RunningHash } from '@kubesim/core';
import { describe, expect, it } from 'vitest';
import { diffPatches } from './diffPatches.js';
import { TRACE_FORMAT_VERSION, TRACE_HASH_PREAMBLE, TraceLog, type TracedChange } from './trace.js';

// The trace builds and hashes its entries when read, not when appended. These tests pin the
// definition the hash had when every entry was hashed on append: the text hashed for entry
// `seq` is JSON.stringify({ seq, ...entry }) after the format's preamble, MODIFIED entries carry
// the patches from the previous version and ADDED ones the whole object.

function pod(n: number, ready: boolean): object {
  return Object.freeze({
    metadata: Object.freeze({ name: `p${n}`, resourceVersion: String(n) }),
    status: Object.freeze({ ready }),
  });
}

/** A change sequence: each pod added, then flipped, then deleted; an activity every 7 changes. */
function feed(log: TraceLog, count: number, from = 0): void {
  for (let i = from; i < from + count; i++) {
    const kind = 'Pod';
    const key = `default/p${i % 50}`;
    const base = { t: i * 10, cause: i % 2 === 0 ? 'kubelet/node-0' : 'user', kind, key, rv: i };
    const phase = i % 3;
    const change: TracedChange =
      phase === 0
        ? { ...base, type: 'ADDED', object: pod(i, false) }
        : phase === 1
          ? { ...base, type: 'MODIFIED', oldObject: pod(i - 1, false), object: pod(i, true) }
          : { ...base, type: 'DELETED', oldObject: pod(i - 1, true), object: pod(i - 1, true) };
    log.appendChange(change);
    if (i % 7 === 0)
      log.append({ t: i * 10, cause: 'kube-proxy', type: 'ProxySync', detail: { changes: i } });
  }
}

/** The hash as the eager definition computes it, from the entries a keeping log built. */
function eagerHash(log: TraceLog): string {
  const h = new RunningHash().mix(TRACE_HASH_PREAMBLE);
  for (const e of log.entries) h.mix(JSON.stringify(e));
  return h.hex();
}

describe('the trace format version', () => {
  it('is in toJSON and read first by the hash, so an empty trace hashes to the preamble alone', () => {
    const log = new TraceLog(true);
    expect(TRACE_FORMAT_VERSION).toBe(2);
    expect(log.toJSON()).toEqual({ format: TRACE_FORMAT_VERSION, hash: log.hash(), entries: [] });
    expect(TRACE_HASH_PREAMBLE).toContain(String(TRACE_FORMAT_VERSION));
    expect(log.hash()).toBe(new RunningHash().mix(TRACE_HASH_PREAMBLE).hex());
    expect(log.hash()).not.toBe(new RunningHash().hex());
  });
});

describe('TraceLog builds and hashes entries when read', () => {
  it('gives the eager definition of the hash across several buffer flushes', () => {
    const log = new TraceLog(true);
    feed(log, 3000);
    expect(log.length).toBe(3000 + Math.ceil(3000 / 7));
    expect(log.entries).toHaveLength(log.length);
    expect(log.hash()).toBe(eagerHash(log));
    const modified = log.entries.find((e) => e.type === 'MODIFIED');
    expect(modified?.patches).toEqual(diffPatches(pod(0, false), pod(1, true)));
    expect(log.entries.find((e) => e.type === 'ADDED')?.object).toEqual(pod(0, false));
    expect(log.entries.map((e) => e.seq)).toEqual(log.entries.map((_, i) => i));
  });

  it('hashes the same whether entries are kept or not, and whenever it is read', () => {
    const kept = new TraceLog(true);
    const lean = new TraceLog(false);
    const readOften = new TraceLog(false);
    feed(kept, 2500);
    feed(lean, 2500);
    for (let i = 0; i < 2500; i += 100) {
      feed(readOften, 100, i);
      readOften.hash();
    }
    expect(lean.hash()).toBe(kept.hash());
    expect(readOften.hash()).toBe(kept.hash());
    expect(lean.entries).toHaveLength(0);
  });

  it('reads an activity detail when appended: changing it afterwards changes nothing', () => {
    const a = new TraceLog(false);
    const b = new TraceLog(false);
    const detail: Record<string, unknown> = { node: 'node-1' };
    a.append({ t: 1, cause: 'fault', type: 'CrashNode', detail });
    detail['node'] = 'node-2';
    b.append({ t: 1, cause: 'fault', type: 'CrashNode', detail: { node: 'node-1' } });
    expect(a.hash()).toBe(b.hash());
  });

  it('hashLater answers the hash as of when it was asked, even after more entries', () => {
    const log = new TraceLog(false);
    const reference = new TraceLog(false);
    feed(log, 400);
    feed(reference, 400);
    const later = log.hashLater();
    feed(log, 2000, 400);
    expect(log.hash()).not.toBe(reference.hash());
    expect(later()).toBe(reference.hash());
    // Asked before anything was flushed, read after a flush passed it.
    const early = new TraceLog(false);
    feed(early, 10);
    const at10 = early.hashLater();
    feed(early, 1500, 10);
    early.hash();
    const ten = new TraceLog(false);
    feed(ten, 10);
    expect(at10()).toBe(ten.hash());
  });

  it('a fork taken with entries pending continues like the original', () => {
    const parent = new TraceLog(true);
    feed(parent, 300);
    const child = parent.fork();
    feed(parent, 900, 300);
    feed(child, 900, 300);
    expect(child.hash()).toBe(parent.hash());
    expect(child.entries).toEqual(parent.entries);
    feed(child, 5, 1200);
    expect(child.hash()).not.toBe(parent.hash());
    expect(parent.length).toBe(child.length - 5 - 1);
  });
});
