// Model-based runs start from a fork of the setup settled once: a run from the fork must be the
// run from scratch (same trace, same hash, same objects), and runs must not see each other.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CrashNodeCommand,
  DrainCommand,
  ScaleCommand,
  commands,
  modelRunSetup,
  modelRunSetupFromScratch,
  type SimCommand,
  type SimModel,
  type SimReal,
} from './commands.js';

type Start = () => { model: SimModel; real: SimReal };

/** Runs `cmds` from `start`; the trace hash, entries and objects it ended with. */
function run(start: Start, cmds: readonly SimCommand[]) {
  let real: SimReal | undefined;
  fc.modelRun(() => {
    const s = start();
    real = s.real;
    return s;
  }, cmds);
  const sim = (real as SimReal).sim;
  return {
    hash: sim.trace.hash(),
    entries: sim.trace.entries.length,
    now: sim.now,
    final: sim.snapshot(),
  };
}

describe('model-based runs from a fork of the settled setup', () => {
  it('equal the same runs from scratch, trace and objects, for generated command sequences', () => {
    fc.assert(
      fc.property(commands({ maxCommands: 8, maxStep: 60_000 }), (cmds) => {
        const list = [...cmds];
        const forked = run(modelRunSetup(), list);
        const scratch = run(modelRunSetupFromScratch(), list);
        expect(forked).toEqual(scratch);
      }),
      { numRuns: 25, seed: 12 },
    );
  }, 120_000);

  it('does the same for another node count (a second cached setup)', () => {
    const list = [new CrashNodeCommand('node-3'), new ScaleCommand(4)];
    const cmds = [
      ...list,
      ...fc
        .sample(commands({ nodes: 4, maxCommands: 4 }), { numRuns: 1, seed: 3 })
        .flatMap((c) => [...c]),
    ];
    expect(run(modelRunSetup({ nodes: 4 }), cmds)).toEqual(
      run(modelRunSetupFromScratch({ nodes: 4 }), cmds),
    );
  });

  it('starts every run from the settled setup: runs never see each other’s changes', () => {
    const setup = modelRunSetup();
    const a = setup();
    const b = setup();
    const before = { hash: b.real.sim.trace.hash(), final: b.real.sim.snapshot() };
    expect(a.real.sim.now).toBeGreaterThan(0);
    expect(a.real.sim.list('Pod').every((p) => p.status.phase === 'Running')).toBe(true);
    expect(a.real.sim.list('Pod')).toHaveLength(3);

    fc.modelRun(() => a, [new DrainCommand('node-0'), new ScaleCommand(0)]);
    a.real.sim.runFor('2m');
    expect(a.real.sim.list('Pod')).toHaveLength(0);
    expect(b.real.sim.trace.hash()).toBe(before.hash);
    expect(b.real.sim.snapshot()).toEqual(before.final);
    expect(b.real.sim.list('Pod')).toHaveLength(3);
    expect(b.real.sim.get('Node', 'node-0')?.spec.unschedulable).not.toBe(true);

    // A later run starts where b started, not where a ended.
    const c = setup();
    expect(c.real.sim.trace.hash()).toBe(before.hash);
    expect(c.real.sim.snapshot()).toEqual(before.final);
    expect(c.model.cordoned.size).toBe(0);
  });
});
