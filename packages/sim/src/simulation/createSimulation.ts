/**
 * `createSimulation`: a cluster in virtual time.
 * @packageDocumentation
 */
import { ConfigError } from '@kubesim/core';
import { resolveSimConfig } from '../engine/index.js';
import { MetricsRecorder } from '../traffic/metrics.js';
import { createWorld, type KubeletFactory } from '../world/index.js';
import { attachMetrics } from './attachMetrics.js';
import { defaultControllers } from './defaultControllers.js';
import { defaultKubelet } from './defaultKubelet.js';
import { SimulationImpl } from './simulationImpl.js';
import type { Simulation, SimulationOptions } from './types.js';

/** @internal Extra wiring for tests of the engine itself. */
export interface InternalSimulationOptions extends SimulationOptions {
  kubelet?: KubeletFactory;
}

/** The options createSimulation takes (kubelet: the engine tests' wiring). */
const OPTION_KEYS = new Set(['seed', 'config', 'keepTrace', 'kubelet']);
/**
 * Creates a simulated cluster: the bootstrap namespaces and `kubernetes` Service, the controllers
 * (scheduler, ReplicaSet, Deployment, StatefulSet, EndpointSlice, Endpoints, mirroring), a kubelet
 * and a kube-proxy view per node once nodes are added, all in virtual time from `config.startTime`.
 *
 * @example
 * ```ts
 * const sim = createSimulation({ seed: 42 });
 * sim.addNodes(3, { zones: ['a', 'b', 'c'] });
 * sim.apply(manifestsYaml);
 * sim.settle();
 * sim.endpointsOf('default/web'); // every endpoint, merged from all slices
 * ```
 * @throws ConfigError when a config value is out of range (the message names the field).
 */
export function createSimulation(options: InternalSimulationOptions = {}): Simulation {
  const raw: unknown = options;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError('options', 'must be an object such as { seed: 1, config: { … } }');
  }
  for (const key of Object.keys(raw)) {
    // A setting at the top level (`{ maxNodes: 3 }`) would be silently ignored: say where it goes.
    if (!OPTION_KEYS.has(key)) {
      throw new ConfigError(
        key,
        `is not an option of createSimulation (seed, config, keepTrace); settings go in config: { ${key}: … }`,
      );
    }
  }
  const config = resolveSimConfig(options.config ?? {});
  const seed = String(options.seed ?? 0);
  const world = createWorld({
    seed,
    config,
    controllers: defaultControllers,
    kubelet: options.kubelet ?? defaultKubelet,
    keepTrace: options.keepTrace ?? true,
    evict: (store, podKey) => {
      store.evict(podKey);
    },
  });
  // Metrics watch the World from outside it: ready endpoints per slice event, black-hole windows
  // closed after each kube-proxy sync.
  const metrics = new MetricsRecorder();
  attachMetrics(world, metrics);
  return new SimulationImpl(world, metrics);
}
