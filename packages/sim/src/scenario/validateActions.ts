/**
 * Validation of what happens during a scenario: actions, faults and traffic.
 * @packageDocumentation
 */
import { ScenarioError, formatDuration, simulatedKinds } from '@kubesim/core';
import type { FaultSpec } from '../simulation/faults.js';
import type { ScenarioAction, ScenarioTraffic } from './types.js';
import {
  isMap,
  joinPath,
  readDuration,
  readInteger,
  readMap,
  readName,
  show,
  typeName,
} from './fieldReaders.js';
import { validateManifests } from './validateParts.js';

/** The fields of each action type, besides `at` and `type`. */
const ACTION_FIELDS: Readonly<Record<ScenarioAction['type'], readonly string[]>> = {
  apply: ['manifests'],
  delete: ['kind', 'key', 'gracePeriodSeconds'],
  scale: ['kind', 'key', 'replicas'],
  rollout: ['key', 'image'],
  drain: ['node'],
  uncordon: ['node'],
  evict: ['pod'],
};

/** The fault types `sim.faults.schedule` knows. */
export const FAULT_TYPES: readonly FaultSpec['type'][] = [
  'crashNode',
  'partitionNode',
  'killPod',
  'failReadiness',
  'zoneOutage',
];

/** Reads an absolute time that must fall within the horizon. */
function readTime(value: unknown, path: string, horizon: number): number {
  const at = readDuration(value, path, 'when it happens, from the start');
  if (at > horizon) {
    throw new ScenarioError(
      path,
      `${formatDuration(at)} is after the horizon (${formatDuration(horizon)}); it would never happen`,
    );
  }
  return at;
}

/** Reads the `type` of an entry against a list of known types. */
function readType<T extends string>(value: unknown, path: string, known: readonly T[]): T {
  if (value === undefined) {
    throw new ScenarioError(path, `Required value: one of ${known.join(', ')}`);
  }
  if (typeof value !== 'string' || !(known as readonly string[]).includes(value)) {
    throw new ScenarioError(path, `Unsupported value: ${show(value)}: one of ${known.join(', ')}`);
  }
  return value as T;
}

/** Checks `actions[i]`. */
export function validateAction(value: unknown, path: string, horizon: number): ScenarioAction {
  if (!isMap(value)) throw new ScenarioError(path, `must be a mapping, got ${typeName(value)}`);
  const types = Object.keys(ACTION_FIELDS) as ScenarioAction['type'][];
  const type = readType(value.type, `${path}.type`, types);
  const o = readMap(value, path, ['at', 'type', ...ACTION_FIELDS[type]]);
  readTime(o.at, `${path}.at`, horizon);
  const p = (field: string): string => joinPath(path, field);
  switch (type) {
    case 'apply':
      if (o.manifests === undefined) throw new ScenarioError(p('manifests'), 'Required value');
      validateManifests(o.manifests, p('manifests'));
      break;
    case 'delete': {
      const kind = readName(o.kind, p('kind'), 'a simulated kind such as Pod or Deployment');
      if (!(simulatedKinds as readonly string[]).includes(kind)) {
        throw new ScenarioError(
          p('kind'),
          `Unsupported value: ${show(kind)}: one of ${simulatedKinds.join(', ')}`,
        );
      }
      readName(o.key, p('key'), "the object's key, namespace/name");
      if (o.gracePeriodSeconds !== undefined) {
        readInteger(o.gracePeriodSeconds, p('gracePeriodSeconds'), 0, 'seconds');
      }
      break;
    }
    case 'scale':
      readType(o.kind, p('kind'), ['Deployment', 'StatefulSet']);
      readName(o.key, p('key'), "the workload's key, namespace/name");
      readInteger(o.replicas, p('replicas'), 0, 'the new replica count');
      break;
    case 'rollout':
      readName(o.key, p('key'), "the Deployment's key, namespace/name");
      if (o.image !== undefined) readName(o.image, p('image'), 'a container image');
      break;
    case 'drain':
    case 'uncordon':
      readName(o.node, p('node'), 'a node name');
      break;
    case 'evict':
      readName(o.pod, p('pod'), "the pod's key, namespace/name");
      break;
  }
  return o as unknown as ScenarioAction;
}

/** Checks `faults[i]`. */
export function validateFault(value: unknown, path: string, horizon: number): FaultSpec {
  const o = readMap(value, path, ['at', 'type', 'target', 'duration']);
  readType(o.type, `${path}.type`, FAULT_TYPES);
  readTime(o.at, `${path}.at`, horizon);
  readName(o.target, `${path}.target`, 'a node name, a pod key or a zone');
  if (o.duration !== undefined) readDuration(o.duration, `${path}.duration`, 'how long', true);
  return o as unknown as FaultSpec;
}

/** Checks one traffic source: a pod key, `{ pod }`, `{ node }` or `{ external: true }`. */
function validateSource(value: unknown, path: string): void {
  if (typeof value === 'string') {
    readName(value, path, 'a pod key');
    return;
  }
  if (isMap(value) && 'external' in value) {
    const o = readMap(value, path, ['external']);
    if (o.external !== true) throw new ScenarioError(`${path}.external`, 'must be true');
    return;
  }
  if (isMap(value) && 'node' in value) {
    readName(readMap(value, path, ['node']).node, `${path}.node`, 'a node name');
    return;
  }
  const o = readMap(value, path, ['pod', 'node', 'external']);
  readName(o.pod, `${path}.pod`, 'a pod key (or use node or external: true)');
}

/** Checks `traffic[i]`. */
export function validateTraffic(value: unknown, path: string, horizon: number): ScenarioTraffic {
  const o = readMap(value, path, ['from', 'to', 'every', 'start', 'until']);
  if (o.from === undefined) {
    throw new ScenarioError(
      `${path}.from`,
      'Required value: a pod key, { node }, or { external: true }',
    );
  }
  if (Array.isArray(o.from)) {
    const list = o.from as readonly unknown[];
    if (list.length === 0) throw new ScenarioError(`${path}.from`, 'must not be empty');
    list.forEach((src, i) => {
      validateSource(src, `${path}.from[${i}]`);
    });
  } else {
    validateSource(o.from, `${path}.from`);
  }
  if (isMap(o.to)) {
    const lb = readMap(o.to, `${path}.to`, ['loadBalancer', 'port']);
    readName(
      lb.loadBalancer,
      `${path}.to.loadBalancer`,
      "a LoadBalancer Service such as 'default/web'",
    );
    if (
      lb.port !== undefined &&
      (typeof lb.port !== 'number' || !Number.isInteger(lb.port) || lb.port < 1 || lb.port > 65535)
    ) {
      throw new ScenarioError(`${path}.to.port`, `must be a port 1-65535, got ${show(lb.port)}`);
    }
  } else {
    readName(
      o.to,
      `${path}.to`,
      "a target such as 'web', 'web.shop:80' or 'http://shop.example.com/'",
    );
  }
  readDuration(o.every, `${path}.every`, 'the interval between requests', true);
  const start = o.start === undefined ? 0 : readTime(o.start, `${path}.start`, horizon);
  if (o.until !== undefined) {
    const until = readDuration(o.until, `${path}.until`, 'when to stop');
    if (until < start) {
      throw new ScenarioError(
        `${path}.until`,
        `must not be before start (${formatDuration(start)})`,
      );
    }
  }
  return o as unknown as ScenarioTraffic;
}

const PRESETS = ['gce', 'aws', 'azure', 'default'];

/** Checks `external`: `{ loadBalancers?: { preset, provisioningDelay, addressPool }, ingressController?: true | { … } }`. */
export function validateExternal(value: unknown, path: string): void {
  const o = readMap(value, path, ['loadBalancers', 'ingressController']);
  if (o.loadBalancers !== undefined) {
    const lb = readMap(o.loadBalancers, `${path}.loadBalancers`, [
      'preset',
      'provisioningDelay',
      'addressPool',
    ]);
    if (
      lb.preset !== undefined &&
      (typeof lb.preset !== 'string' || !PRESETS.includes(lb.preset))
    ) {
      throw new ScenarioError(
        `${path}.loadBalancers.preset`,
        `Unsupported value: ${show(lb.preset)}: one of ${PRESETS.join(', ')}`,
      );
    }
    if (lb.provisioningDelay !== undefined) {
      readDuration(lb.provisioningDelay, `${path}.loadBalancers.provisioningDelay`, 'a duration');
    }
    if (lb.addressPool !== undefined) {
      readName(
        lb.addressPool,
        `${path}.loadBalancers.addressPool`,
        "a CIDR such as '198.51.100.0/24'",
      );
    }
  }
  const ic = o.ingressController;
  if (ic !== undefined && ic !== true) {
    const m = readMap(ic, `${path}.ingressController`, [
      'replicas',
      'className',
      'syncPeriodMs',
      'tries',
      'externalTrafficPolicy',
    ]);
    for (const f of ['replicas', 'syncPeriodMs', 'tries'] as const) {
      const v = m[f];
      if (
        v !== undefined &&
        (typeof v !== 'number' || !Number.isInteger(v) || v < (f === 'syncPeriodMs' ? 0 : 1))
      ) {
        throw new ScenarioError(
          `${path}.ingressController.${f}`,
          `must be a whole number, got ${show(v)}`,
        );
      }
    }
    if (m.className !== undefined) {
      readName(m.className, `${path}.ingressController.className`, 'an IngressClass name');
    }
    if (
      m.externalTrafficPolicy !== undefined &&
      m.externalTrafficPolicy !== 'Local' &&
      m.externalTrafficPolicy !== 'Cluster'
    ) {
      throw new ScenarioError(
        `${path}.ingressController.externalTrafficPolicy`,
        `Unsupported value: ${show(m.externalTrafficPolicy)}: Local or Cluster`,
      );
    }
  }
}
