import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  BEHAVIOR_ANNOTATION,
  DEFAULT_BEHAVIOR,
  parseBehavior,
  resolveBehavior,
} from './behavior.js';
import { BehaviorInvalidError } from './kubeletErrors.js';
import { LeaseClock } from './leaseClock.js';
import { PodIpPool } from './podIpPool.js';
import { restartDecision, shouldRestart } from './restartBackoff.js';
import { shutdownPlan } from './shutdownPlan.js';

describe('parseBehavior', () => {
  it('reads JSON and YAML flow with Go durations and ms numbers', () => {
    expect(BEHAVIOR_ANNOTATION).toBe('kubesim.io/behavior');
    const b = parseBehavior(
      '{ readyAfter: 5s, crashAfter: 1500, exitCode: 2, readinessFailing: [{ from: 1m, for: 30s }, { from: 2m }] }',
    );
    expect(b.readyAfter).toBe(5000);
    expect(b.crashAfter).toBe(1500);
    expect(b.exitCode).toBe(2);
    expect(b.readinessFailing).toEqual([
      { from: 60_000, until: 90_000 },
      { from: 120_000, until: Infinity },
    ]);
    expect(parseBehavior('{"terminationDelay": "2s"}').terminationDelay).toBe(2000);
    expect(parseBehavior('{}')).toEqual(DEFAULT_BEHAVIOR);
  });

  it('names the field it refuses', () => {
    const refused = (text: string): BehaviorInvalidError => {
      try {
        parseBehavior(text);
      } catch (e) {
        if (e instanceof BehaviorInvalidError) return e;
      }
      throw new Error(`accepted ${text}`);
    };
    expect(refused('{ readyAftr: 5s }').field).toBe('readyAftr');
    expect(refused('{ crashAfter: soon }').field).toBe('crashAfter');
    expect(refused('{ exitCode: 300 }').field).toBe('exitCode');
    expect(refused('{ livenessFailing: [{ for: 5s }] }').field).toBe('livenessFailing[0].from');
    expect(refused('[1, 2]').code).toBe('BehaviorInvalid');
    expect(refused('{ unclosed').field).toBe('');
  });

  it('lays a behaviour over a base', () => {
    const base = resolveBehavior({ terminationDelay: '10s' });
    expect(parseBehavior('{ readyAfter: 1s }', base)).toMatchObject({
      readyAfter: 1000,
      terminationDelay: 10_000,
    });
  });
});

describe('PodIpPool', () => {
  it('skips the network address and the gateway, and reuses freed addresses lowest first', () => {
    const pool = new PodIpPool('10.128.3.0/24');
    expect([pool.allocate(), pool.allocate(), pool.allocate()]).toEqual([
      '10.128.3.2',
      '10.128.3.3',
      '10.128.3.4',
    ]);
    expect(pool.release('10.128.3.3')).toBe(true);
    expect(pool.release('10.128.3.3')).toBe(false);
    expect(pool.allocate()).toBe('10.128.3.3');
    expect(pool.allocate()).toBe('10.128.3.5');
  });

  it('hands out 253 addresses of a /24 (not the broadcast), then none', () => {
    const pool = new PodIpPool('10.128.3.0/24');
    const all = Array.from({ length: 253 }, () => pool.allocate());
    expect(all.at(-1)).toBe('10.128.3.254');
    expect(new Set(all).size).toBe(253);
    expect(pool.allocate()).toBeUndefined();
    pool.release('10.128.3.100');
    expect(pool.allocate()).toBe('10.128.3.100');
  });
});

describe('restartDecision', () => {
  const policy = { initial: 10_000, max: 300_000, reset: 600_000 };

  it('waits 0, 10, 20, 40, 80, 160, 300, 300 s for quick crashes', () => {
    let entry: number | undefined;
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const d = restartDecision(policy, entry, 0, 1000);
      delays.push(d.delay / 1000);
      entry = d.next;
    }
    expect(delays).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
    expect(restartDecision(policy, entry, 0, 600_001).delay).toBe(0);
    expect(restartDecision(policy, entry, 0, 600_000).delay).toBe(300_000);
  });

  it('follows restartPolicy', () => {
    expect([
      shouldRestart('Always', 0),
      shouldRestart('OnFailure', 0),
      shouldRestart('OnFailure', 1),
      shouldRestart('Never', 1),
    ]).toEqual([true, false, true, false]);
  });
});

describe('shutdownPlan', () => {
  const plan = (preStop: number, terminationDelay: number, grace = 30_000) =>
    shutdownPlan({ seenAt: 1000, grace, preStop, terminationDelay, minimumGrace: 2000 });

  it('exits on TERM when the app is quick, is killed at grace expiry otherwise', () => {
    expect(plan(5000, 3000)).toEqual({ termAt: 6000, killAt: 31_000, exitAt: 9000, exitCode: 0 });
    expect(plan(0, 60_000)).toMatchObject({ exitAt: 31_000, exitCode: 137 });
  });

  it('grants 2 s after a preStop hook that overran, and never less than 2 s between TERM and KILL', () => {
    expect(plan(40_000, 10_000)).toEqual({
      termAt: 31_000,
      killAt: 33_000,
      exitAt: 33_000,
      exitCode: 137,
    });
    expect(plan(29_500, 10_000).killAt).toBe(32_500);
  });

  it('never exits before TERM or after the extended grace period', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 100_000 }),
        fc.nat({ max: 100_000 }),
        fc.nat({ max: 100_000 }),
        (p, d, g) => {
          const r = plan(p, d, g);
          expect(r.exitAt).toBeGreaterThanOrEqual(r.termAt);
          expect(r.exitAt).toBeLessThanOrEqual(1000 + Math.max(g, Math.min(p, g) + 2000));
        },
      ),
    );
  });
});

describe('LeaseClock', () => {
  it('renews at start + k × interval while alive and resumes from a restart', () => {
    const c = new LeaseClock(10_000, 3000);
    expect(c.lastRenewal(2999)).toBeUndefined();
    expect(c.lastRenewal(3000)).toBe(3000);
    c.stop(33_000);
    expect(c.lastRenewal(40_000)).toBe(23_000);
    c.restart(50_000);
    expect(c.lastRenewal(49_000)).toBe(23_000);
    expect(c.lastRenewal(75_000)).toBe(70_000);
  });
});
