// The behaviour the node-failure example prints, asserted.
import { describe, expect, it } from 'vitest';
import { CRASH_AT_MS, runNodeFailure } from './nodeFailure.js';
import { nodeFailureReport } from './report.js';

describe('node-failure example: a node loses power under traffic', () => {
  const run = runNodeFailure();
  const { start, end } = run.window;

  it('black-holes the dead backend for more than 45 s and at most 60 s', () => {
    expect(start).toBe(CRASH_AT_MS);
    expect(end).toBeDefined();
    const length = (end ?? Infinity) - start;
    expect(length).toBeGreaterThan(45_000);
    expect(length).toBeLessThanOrEqual(60_000);
  });

  it('times out connections only inside the window, and only those', () => {
    const bucketMs = run.outcomes.bucketMs;
    const overlapsWindow = (t: number) => t < (end ?? Infinity) && t + bucketMs > start;
    const timeouts = run.outcomes.buckets.filter((b) => b.timeout > 0);
    expect(timeouts.length).toBeGreaterThan(0);
    expect(timeouts.every((b) => overlapsWindow(b.t))).toBe(true);
    // Nothing is refused: two live replicas always remain.
    expect(run.outcomes.total.refused).toBe(0);
    // About a third of the connections in the window go to the dead pod (uniform per connection).
    const inWindow = run.outcomes.buckets.filter((b) => overlapsWindow(b.t));
    const sent = inWindow.reduce((n, b) => n + b.ok + b.timeout, 0);
    const lost = inWindow.reduce((n, b) => n + b.timeout, 0);
    expect(lost / sent).toBeGreaterThan(0.2);
    expect(lost / sent).toBeLessThan(0.45);
  });

  it('follows the upstream timeline: Unknown and not-ready together, NoExecute, deletion 300 s later, replacement', () => {
    const t = run.times;
    expect(t.nodeUnknown).toBe(end);
    expect(t.endpointNotReady).toBe(t.nodeUnknown);
    expect(t.noExecuteTaint).toBeGreaterThanOrEqual(t.nodeUnknown ?? Infinity);
    expect((t.podDeleted ?? 0) - (t.noExecuteTaint ?? 0)).toBe(300_000);
    expect(t.replacementReady).toBeGreaterThanOrEqual(t.podDeleted ?? Infinity);
    expect(run.replacement).toBeDefined();
    // The old pod stays Terminating: its node is dead, no kubelet confirms the end.
    expect(run.sim.get('Pod', run.victim)?.metadata.deletionTimestamp).toBeDefined();
    expect(run.sim.get('Pod', run.replacement ?? '')?.spec.nodeName).not.toBe(run.crashedNode);
  });

  it('writes an HTML report that names the run by its trace hash', () => {
    const html = nodeFailureReport(run);
    expect(html.startsWith('<!DOCTYPE html>') || html.startsWith('<!doctype html>')).toBe(true);
    // The summary shows the hash that proves two runs identical.
    expect(html).toContain(`data-testid="trace-hash">${run.sim.trace.hash()}<`);
    expect(html).toContain(run.crashedNode);
  });

  it('replays byte for byte from its seed', () => {
    expect(runNodeFailure().sim.trace.hash()).toBe(run.sim.trace.hash());
  });
});
