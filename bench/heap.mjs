// Event-queue throughput: kubesim's struct-of-arrays EventQueue vs a plain array-of-objects
// binary heap, both ordered by (time, sequence). Prints one JSON line per measurement.
// Run after building: `npx tsc -b packages/sim && node bench/heap.mjs [events] [rounds]`.
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { EventQueue } from '../packages/sim/dist/engine/index.js';

const print = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);

const N = Number(process.argv[2] ?? 1e6);
const ROUNDS = Number(process.argv[3] ?? 5);

/** The obvious heap: one object per event. */
class ObjectHeap {
  items = [];
  seq = 0;
  push(time, payload) {
    const item = { time, seq: this.seq++, payload };
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (less(a[p], item)) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = item;
    return item.seq;
  }
  pop() {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0) {
      let i = 0;
      const n = a.length;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && less(a[c + 1], a[c])) c++;
        if (less(last, a[c])) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top.payload;
  }
  get size() {
    return this.items.length;
  }
}

function less(x, y) {
  return x.time < y.time || (x.time === y.time && x.seq < y.seq);
}

// Deterministic times (an LCG), with many ties: 1e6 events over 1e5 distinct milliseconds.
function times(n) {
  const out = new Float64Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s % 100_000;
  }
  return out;
}

function run(name, make, ts) {
  const q = make();
  const t0 = performance.now();
  for (let i = 0; i < ts.length; i++) q.push(ts[i], i);
  const t1 = performance.now();
  let check = 0;
  let prev = -1;
  while (q.size > 0) {
    const p = q.pop();
    check = (check + p) % 1_000_000_007;
    if (ts[p] < prev) throw new Error(`${name}: out of order`);
    prev = ts[p];
  }
  const t2 = performance.now();
  return { pushMs: t1 - t0, popMs: t2 - t1, check };
}

const ts = times(N);
const impls = [
  ['EventQueue', () => new EventQueue()],
  ['ObjectHeap', () => new ObjectHeap()],
];
const best = {};
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, make] of impls) {
    const m = run(name, make, ts);
    const line = {
      bench: 'heap',
      impl: name,
      round: r,
      events: N,
      pushMs: +m.pushMs.toFixed(1),
      popMs: +m.popMs.toFixed(1),
      pushPerSec: Math.round(N / (m.pushMs / 1000)),
      popPerSec: Math.round(N / (m.popMs / 1000)),
      check: m.check,
    };
    print(line);
    const total = m.pushMs + m.popMs;
    if (best[name] === undefined || total < best[name].total) best[name] = { ...line, total };
  }
}
for (const [name] of impls) {
  const b = best[name];
  print({
    bench: 'heap',
    impl: name,
    summary: 'best',
    events: N,
    pushMs: b.pushMs,
    popMs: b.popMs,
    totalMs: +b.total.toFixed(1),
  });
}
