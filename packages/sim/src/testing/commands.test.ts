import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AdvanceTimeCommand,
  CrashNodeCommand,
  InvariantViolationError,
  ScaleCommand,
  commands,
  modelRunChecked,
  modelRunSetup,
} from './commands.js';
import { agreesWithKubeProxy } from './checks/index.js';
import { CLIENTS, type DiscoveryClient } from './sixClients.test-helper.js';

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

describe('model-based commands with the code under test', () => {
  it('attaches the subject before the workload and runs its checks after every instant', () => {
    const phases = new Set<string>();
    let attachedAt = -1;
    let nodesAtAttach = -1;
    modelRunChecked([new ScaleCommand(2), new AdvanceTimeCommand(5_000)], {
      attach: (sim) => {
        attachedAt = sim.now;
        nodesAtAttach = sim.list('Node').length;
        return CLIENTS['correct']!(sim);
      },
      checks: [
        agreesWithKubeProxy((c: DiscoveryClient, svc) => c.backends(svc)),
        (_c, _sim, phase) => void phases.add(phase),
      ],
    });
    expect([attachedAt, nodesAtAttach]).toEqual([0, 0]);
    expect([...phases].sort()).toEqual(['end', 'step']);
  });

  it('throws an InvariantViolationError naming a broken check', () => {
    expect(() => {
      modelRunChecked([new AdvanceTimeCommand(5_000)], {
        attach: CLIENTS['caches the first answer forever']!,
        checks: [agreesWithKubeProxy((c: DiscoveryClient, svc) => c.backends(svc))],
      });
    }).toThrow(/agrees-with-kube-proxy at t=\d+: default\/web/);
  });
});
