// sim.fork() (issue 12): a fork run to the same end as its parent writes the same trace entries
// after the fork point (same hash) and ends in the same state; forks given different actions never
// see each other's changes, and the parent sees neither.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, type Deployment } from '@kubesim/core';
import { createSimulation, type Simulation } from '@kubesim/sim';

function app(name: string, replicas: number): object[] {
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: {
            containers: [
              {
                name: 'main',
                image: `${name}:1`,
                ports: [{ containerPort: 8080, name: 'http' }],
                readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 },
                resources: { requests: { cpu: '100m', memory: '64Mi' } },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 'http' }] },
    },
  ];
}

type Action =
  | { at: number; type: 'crash' | 'recover' | 'partition' | 'heal' | 'drain'; node: number }
  | { at: number; type: 'deletePod'; app: number; index: number }
  | { at: number; type: 'scale'; app: number; replicas: number }
  | { at: number; type: 'rollout'; app: number; image: number };

interface Scenario {
  seed: number;
  nodes: number;
  apps: number[];
  traffic: boolean;
  actions: Action[];
  forkAt: number;
  /** Done by hand just before the fork (so the fork copies work pending at this instant). */
  atFork: Action | null;
  /** Watches deliver at once: work queued by `atFork` is still pending at the fork. */
  instantWatches: boolean;
}

const MINUTE = 60_000;
const END = 8 * MINUTE;
const at = fc.integer({ min: 0, max: END - MINUTE });
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    at,
    type: fc.constantFrom<'crash' | 'recover' | 'partition' | 'heal' | 'drain'>(
      'crash',
      'recover',
      'partition',
      'heal',
      'drain',
    ),
    node: fc.nat(3),
  }),
  fc.record({ at, type: fc.constant('deletePod' as const), app: fc.nat(1), index: fc.nat(3) }),
  fc.record({
    at,
    type: fc.constant('scale' as const),
    app: fc.nat(1),
    replicas: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({ at, type: fc.constant('rollout' as const), app: fc.nat(1), image: fc.nat(3) }),
);
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.nat(1000),
  nodes: fc.integer({ min: 2, max: 4 }),
  apps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 2 }),
  traffic: fc.boolean(),
  actions: fc.array(actionArb, { maxLength: 6 }),
  forkAt: fc.integer({ min: 0, max: END }),
  atFork: fc.option(actionArb),
  instantWatches: fc.boolean(),
});

const APPS = ['web', 'api'];

function perform(s: Simulation, sc: Scenario, a: Action): void {
  const name = 'app' in a ? (APPS[a.app % sc.apps.length] ?? 'web') : 'web';
  switch (a.type) {
    case 'crash':
      s.faults.crashNode(`node-${a.node % sc.nodes}`);
      return;
    case 'recover':
      s.faults.recoverNode(`node-${a.node % sc.nodes}`);
      return;
    case 'partition':
      s.faults.partitionNode(`node-${a.node % sc.nodes}`);
      return;
    case 'heal':
      s.faults.healNode(`node-${a.node % sc.nodes}`);
      return;
    case 'drain':
      s.drain(`node-${a.node % sc.nodes}`);
      return;
    case 'deletePod': {
      const pods = s.list('Pod', { labelSelector: `app=${name}` });
      const pod = pods[a.index % Math.max(1, pods.length)];
      if (pod !== undefined) s.delete('Pod', `default/${pod.metadata.name}`);
      return;
    }
    case 'scale':
      s.update('Deployment', name, (d) => {
        d.spec.replicas = a.replicas;
      });
      return;
    case 'rollout':
      s.update('Deployment', name, (d) => {
        const c = d.spec.template.spec.containers[0];
        if (c !== undefined) c.image = `${name}:${a.image + 2}`;
      });
      return;
  }
}

function build(sc: Scenario): Simulation {
  const sim = createSimulation({
    seed: sc.seed,
    ...(sc.instantWatches
      ? { config: { controllerWatchDelay: 0, kubeletWatchDelay: 0, proxyWatchDelay: 0 } }
      : {}),
  });
  sim.addNodes(sc.nodes, { zones: ['a', 'b', 'c'] });
  sim.apply(sc.apps.flatMap((r, i) => app(APPS[i] ?? 'web', r)));
  if (sc.traffic) sim.traffic({ from: { node: 'node-1' }, to: 'web', every: '2s' });
  for (const a of sc.actions) {
    sim.at(a.at, (s) => {
      perform(s, sc, a);
    });
  }
  return sim;
}

const KINDS = [
  'Node',
  'Pod',
  'Deployment',
  'ReplicaSet',
  'Service',
  'EndpointSlice',
  'Endpoints',
  'Event',
  'Lease',
] as const;

/** Every stored object of the kinds a scenario touches, as JSON. */
function state(sim: Simulation): string {
  return JSON.stringify(KINDS.map((k) => sim.list(k)));
}

function outcomes(sim: Simulation): string {
  return JSON.stringify(sim.metrics.outcomes('default/web'));
}

describe('sim.fork()', () => {
  it('a fork run to the same end writes the same trace after the fork point and ends in the same state', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const parent = build(sc);
        parent.runFor(sc.forkAt);
        if (sc.atFork !== null) perform(parent, sc, sc.atFork);
        const from = parent.trace.entries.length;
        const fork = parent.fork();
        expect(fork.now).toBe(parent.now);
        expect(fork.trace.hash()).toBe(parent.trace.hash());
        parent.runFor(END - sc.forkAt);
        fork.runFor(END - sc.forkAt);
        expect(fork.trace.entries.slice(from)).toEqual(parent.trace.entries.slice(from));
        expect(fork.trace.hash()).toBe(parent.trace.hash());
        expect(state(fork)).toBe(state(parent));
        expect(outcomes(fork)).toBe(outcomes(parent));
        expect(fork.stats()).toEqual(parent.stats());
        // And both match a run that never forked.
        const straight = build(sc);
        straight.runFor(sc.forkAt);
        if (sc.atFork !== null) perform(straight, sc, sc.atFork);
        straight.runFor(END - sc.forkAt);
        expect(parent.trace.hash()).toBe(straight.trace.hash());
      }),
      { numRuns: 8 },
    );
  });

  it('forks given different actions never see each other, and the parent sees neither', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(actionArb, { minLength: 1, maxLength: 3 }), (sc, extra) => {
        const parent = build({ ...sc, actions: [] });
        parent.runFor(sc.forkAt);
        const before = state(parent);
        const hashBefore = parent.trace.hash();
        const control = parent.fork();
        const a = parent.fork();
        const b = a.fork(); // a fork of a fork, made before a changes
        for (const act of extra) perform(a, sc, act);
        b.delete('Deployment', 'web');
        a.runFor('2m');
        b.runFor('2m');
        expect(state(parent)).toBe(before);
        expect(parent.trace.hash()).toBe(hashBefore);
        expect(b.get('Deployment', 'web')).toBeUndefined();
        expect(a.get('Deployment', 'web')).toBeDefined();
        expect(parent.get('Deployment', 'web')).toBeDefined();
        // The parent runs on as if no fork had been made.
        parent.runFor('2m');
        control.runFor('2m');
        expect(control.trace.hash()).toBe(parent.trace.hash());
        expect(state(control)).toBe(state(parent));
      }),
      { numRuns: 8 },
    );
  });

  // A fork shares state with its parent until one of them changes it (copy on first touch, in
  // either): these runs change one side first, or both by turns, and compare each side with a
  // simulation that never forked and did the same.
  it('a fork runs as if never forked when its parent ran on (with other actions) first', () => {
    fc.assert(
      fc.property(scenarioArb, actionArb, actionArb, (sc, mine, theirs) => {
        const parent = build(sc);
        parent.runFor(sc.forkAt);
        const fork = parent.fork();
        // The parent changes and runs first: everything the fork still shares must be unchanged.
        perform(parent, sc, theirs);
        parent.runFor('3m');
        perform(fork, sc, mine);
        fork.runFor('3m');
        const straight = build(sc);
        straight.runFor(sc.forkAt);
        perform(straight, sc, mine);
        straight.runFor('3m');
        expect(fork.trace.hash()).toBe(straight.trace.hash());
        expect(state(fork)).toBe(state(straight));
        expect(outcomes(fork)).toBe(outcomes(straight));
      }),
      { numRuns: 6 },
    );
  });

  it('many forks of one parent, run by turns in small steps with the parent, each run as if alone', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.option(actionArb), { minLength: 2, maxLength: 4 }),
        (sc, actions) => {
          const parent = build(sc);
          parent.runFor(sc.forkAt);
          // Work pending at the fork (a pod's graceful shutdown, a restart) outlives the first
          // 10 s, so the fork of a fork gets tasks of agents its parent has copied and changed.
          if (sc.atFork !== null) perform(parent, sc, sc.atFork);
          const sims = [parent, ...actions.slice(1).map(() => parent.fork())];
          // A fork of a fork, made after its parent has run (and copied what it touched).
          const first = sims[1] as Simulation;
          first.runFor('10s');
          const grandchild = first.fork();
          sims.forEach((s, i) => {
            const a = actions[i];
            if (a !== null && a !== undefined) perform(s, sc, a);
          });
          for (let t = 0; t < 12; t++) {
            for (const s of [...sims, grandchild]) s.runFor('5s');
          }
          sims.forEach((s, i) => {
            const straight = build(sc);
            straight.runFor(sc.forkAt);
            if (sc.atFork !== null) perform(straight, sc, sc.atFork);
            if (i === 1) straight.runFor('10s');
            const a = actions[i];
            if (a !== null && a !== undefined) perform(straight, sc, a);
            straight.runFor('1m');
            expect(s.trace.hash()).toBe(straight.trace.hash());
            expect(state(s)).toBe(state(straight));
            expect(outcomes(s)).toBe(outcomes(straight));
          });
          // The grandchild was forked from sims[1] before its action: it runs as sims[1] would
          // have without it.
          const straight = build(sc);
          straight.runFor(sc.forkAt);
          if (sc.atFork !== null) perform(straight, sc, sc.atFork);
          straight.runFor('10s');
          straight.runFor('1m');
          expect(grandchild.trace.hash()).toBe(straight.trace.hash());
          expect(state(grandchild)).toBe(state(straight));
        },
      ),
      { numRuns: 6 },
    );
  });

  it('a fork of a fork continues the agents its parent changed, not the ones shared before', () => {
    // A pod shuts down (20 s) across two forks: the first fork cuts the pod's node off (which
    // copies the node's agents there) before the second is forked from it, so the second must
    // run the pending shutdown against those agents: its status write is held by that node's
    // host and sent when the partition heals, not lost in a stale copy.
    const steps = (s: Simulation, fork?: (s: Simulation) => Simulation): Simulation => {
      let sim = s;
      sim.runFor('1m');
      sim.delete('Pod', `default/${sim.list('Pod')[0]?.metadata.name ?? ''}`);
      sim.runFor('1s');
      if (fork) sim = fork(sim);
      sim.faults.partitionNode('node-0');
      sim.runFor('5s');
      if (fork) sim = fork(sim);
      sim.runFor('2m');
      sim.faults.healNode('node-0');
      sim.runFor('10s');
      sim.update('Deployment', 'web', (d) => {
        d.spec.replicas = 6;
      });
      sim.runFor('1m');
      return sim;
    };
    const make = (): Simulation => {
      const sim = createSimulation({ seed: 3 });
      sim.addNodes(1);
      const [deployment, service] = app('web', 3) as [Deployment, object];
      // Each pod takes 20 s to exit after TERM: its shutdown is pending across both forks.
      deployment.spec.template.metadata = {
        ...deployment.spec.template.metadata,
        annotations: { 'kubesim.io/behavior': '{ terminationDelay: 20s }' },
      };
      sim.apply([deployment, service]);
      return sim;
    };
    const b = steps(make(), (s) => {
      const f = s.fork();
      // The side forked from runs on first (changing what it shares).
      s.runFor('10s');
      return f;
    });
    const straight = steps(make());
    expect(b.trace.hash()).toBe(straight.trace.hash());
    expect(state(b)).toBe(state(straight));
  });

  it('refuses to fork a simulation with outside traffic (not supported yet), naming it', () => {
    const sim = createSimulation({ seed: 1 });
    sim.addNodes(1);
    sim.addCloudLoadBalancers();
    expect(() => sim.fork()).toThrow(/cloud load balancers and the ingress controller/);
    expect(() => sim.fork()).toThrow(InvalidArgumentError);
  });

  it('refuses to fork inside a run with an InvalidArgumentError', () => {
    const sim = createSimulation({ seed: 1 });
    sim.addNodes(1);
    let inAt: unknown;
    sim.at('1s', (s) => {
      try {
        s.fork();
      } catch (err) {
        inAt = err;
      }
    });
    sim.runFor('2s');
    expect(inAt).toBeInstanceOf(InvalidArgumentError);
    expect((inAt as Error).message).toMatch(/cannot fork while the simulation is running/);
    expect(() =>
      sim.runUntil((s) => {
        s.fork();
        return true;
      }),
    ).toThrow(InvalidArgumentError);
    let inWatch: unknown;
    sim.watch('Pod', () => {
      try {
        sim.fork();
      } catch (err) {
        inWatch = err;
      }
    });
    sim.apply(app('web', 1));
    sim.runFor('5s');
    expect(inWatch).toBeInstanceOf(InvalidArgumentError);
    // Between runs it works, and the fork does not carry the watch.
    expect(sim.fork().now).toBe(sim.now);
  });
});
