import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AdvanceTimeCommand,
  CrashNodeCommand,
  InvariantViolationError,
  commands,
  modelRunChecked,
  modelRunSetup,
} from './commands.js';

describe('model-based commands', () => {
  it('random command sequences keep every built-in invariant', () => {
    fc.assert(
      fc.property(commands({ maxCommands: 12 }), (cmds) => {
        modelRunChecked(cmds);
      }),
      { numRuns: 30, seed: 7 },
    );
  }, 60_000);

  it('never crashes more nodes than the model allows', () => {
    const { model } = modelRunSetup({ maxNodesDown: 1 })();
    model.down.add('node-0');
    expect(new CrashNodeCommand('node-1').check(model)).toBe(false);
  });

  it('reports a broken invariant as an InvariantViolationError', () => {
    const { real } = modelRunSetup()();
    real.sim.runFor('30s');
    real.sim.update('PodDisruptionBudget', 'web', (p) => {
      p.spec.maxUnavailable = 0;
    });
    real.sim.runFor('1s');
    const pod = real.sim.list('Pod')[0]?.metadata.name ?? '';
    real.sim.updateStatus('Pod', pod, (p) => {
      (p.status.conditions ??= []).push({
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'EvictionByEvictionAPI',
      });
    });
    expect(() => {
      new AdvanceTimeCommand(1_000).run(
        {
          nodes: [],
          down: new Set(),
          cordoned: new Set(),
          replicas: 3,
          revision: 0,
          maxNodesDown: 1,
        },
        real,
      );
    }).toThrow(InvariantViolationError);
  });
});
