/**
 * User actions of a generated scenario, drawn as data that names its targets by index (so the
 * draw does not depend on the rest of the scenario and shrinks on its own), then made concrete
 * against the objects the scenario has.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { KubeObjectInput } from '@kubesim/core';
import type { ScenarioAction } from '../../scenario/types.js';
import { conditionsArb, sliceManifest, type DrawnConditions } from '../endpointSliceArb.js';
import { endpointsManifest } from '../endpointsArb.js';

/** An action as drawn. */
export type RawAction =
  | {
      readonly kind: 'scale';
      readonly at: number;
      readonly target: number;
      readonly replicas: number;
    }
  | {
      readonly kind: 'rollout';
      readonly at: number;
      readonly target: number;
      readonly image: string;
    }
  | { readonly kind: 'deleteDeployment'; readonly at: number; readonly target: number }
  | { readonly kind: 'drain'; readonly at: number; readonly target: number; readonly hold: number }
  | { readonly kind: 'evict'; readonly at: number; readonly target: number }
  | {
      readonly kind: 'changeSelector';
      readonly at: number;
      readonly target: number;
      readonly app: number;
    }
  | {
      readonly kind: 'recreateService';
      readonly at: number;
      readonly target: number;
      readonly gap: number;
    }
  | {
      readonly kind: 'rewriteSlice';
      readonly at: number;
      readonly target: number;
      readonly slice: number;
      readonly endpoints: readonly { readonly ip: number; readonly conditions: DrawnConditions }[];
    }
  | {
      readonly kind: 'deleteSlice';
      readonly at: number;
      readonly target: number;
      readonly slice: number;
    }
  | {
      readonly kind: 'rewriteEndpoints';
      readonly at: number;
      readonly target: number;
      readonly addresses: readonly { readonly ip: number; readonly notReady: boolean }[];
    };

/** Which action kinds to draw. */
export interface ActionKinds {
  readonly maxReplicas: number;
  readonly maxAt: number;
  readonly allPodsTerminating: boolean;
  readonly selectorChanges: boolean;
  readonly serviceRecreation: boolean;
  readonly userEndpoints: boolean;
}

/** Raw actions of the enabled kinds; times shrink toward 0. */
export function rawActionArb(k: ActionKinds): fc.Arbitrary<RawAction> {
  const at = fc.integer({ min: 0, max: k.maxAt });
  const target = fc.nat({ max: 9 });
  const kinds: fc.WeightedArbitrary<RawAction>[] = [
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('scale' as const),
        at,
        target,
        replicas: fc.integer({ min: 0, max: k.maxReplicas }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('rollout' as const),
        at,
        target,
        image: fc.constantFrom('app:2', 'app:3'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('drain' as const),
        at,
        target,
        hold: fc.integer({ min: 1_000, max: k.maxAt }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('evict' as const), at, target }) },
  ];
  if (k.allPodsTerminating)
    kinds.push({
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('deleteDeployment' as const), at, target }),
    });
  if (k.selectorChanges)
    kinds.push({
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('changeSelector' as const),
        at,
        target,
        app: fc.nat({ max: 9 }),
      }),
    });
  if (k.serviceRecreation)
    kinds.push({
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('recreateService' as const),
        at,
        target,
        gap: fc.integer({ min: 0, max: 20_000 }),
      }),
    });
  if (k.userEndpoints) {
    const ep = fc.record({ ip: fc.nat({ max: 4 }), conditions: conditionsArb() });
    kinds.push(
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('rewriteSlice' as const),
          at,
          target,
          slice: fc.nat({ max: 1 }),
          endpoints: fc.uniqueArray(ep, { selector: (e) => e.ip, maxLength: 3 }),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('deleteSlice' as const),
          at,
          target,
          slice: fc.nat({ max: 1 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('rewriteEndpoints' as const),
          at,
          target,
          addresses: fc.uniqueArray(fc.record({ ip: fc.nat({ max: 4 }), notReady: fc.boolean() }), {
            selector: (a) => a.ip,
            maxLength: 4,
          }),
        }),
      },
    );
  }
  return fc.oneof(...kinds);
}

/** A Service of the scenario, as actions need it. */
export interface ServiceSlot {
  readonly name: string;
  /** The manifest as applied at t = 0. */
  readonly manifest: KubeObjectInput;
  readonly selector: boolean;
  /** Names of its user-written slices, in slot order (empty: none). */
  readonly slices: readonly string[];
  readonly legacyEndpoints: boolean;
  /** Address of user-written endpoint `k` of slice `j` (j = -1: the legacy Endpoints). */
  readonly address: (slice: number, k: number) => string;
  readonly port: number;
}

/** What the actions may target. */
export interface ActionTargets {
  readonly horizon: number;
  readonly deployments: readonly string[];
  readonly services: readonly ServiceSlot[];
  readonly nodes: readonly string[];
  readonly pods: readonly string[];
  readonly apps: readonly string[];
  readonly uncordonAfterDrain: boolean;
}

function pick<T>(list: readonly T[], i: number): T | undefined {
  return list.length === 0 ? undefined : list[i % list.length];
}

/** The concrete actions, sorted by time; drawn actions without a target or past the horizon are dropped. */
export function concreteActions(raw: readonly RawAction[], t: ActionTargets): ScenarioAction[] {
  const out: ScenarioAction[] = [];
  const last = t.horizon - 1;
  for (const a of raw) {
    if (a.at > last) continue;
    switch (a.kind) {
      case 'scale':
      case 'rollout':
      case 'deleteDeployment': {
        const key = pick(t.deployments, a.target);
        if (key === undefined) break;
        if (a.kind === 'scale')
          out.push({ at: a.at, type: 'scale', kind: 'Deployment', key, replicas: a.replicas });
        else if (a.kind === 'rollout') out.push({ at: a.at, type: 'rollout', key, image: a.image });
        else out.push({ at: a.at, type: 'delete', kind: 'Deployment', key });
        break;
      }
      case 'drain': {
        const node = pick(t.nodes, a.target);
        if (node === undefined) break;
        out.push({ at: a.at, type: 'drain', node });
        if (t.uncordonAfterDrain)
          out.push({ at: Math.min(last, a.at + a.hold), type: 'uncordon', node });
        break;
      }
      case 'evict': {
        const pod = pick(t.pods, a.target);
        if (pod !== undefined) out.push({ at: a.at, type: 'evict', pod });
        break;
      }
      case 'changeSelector': {
        const svc = pick(
          t.services.filter((s) => s.selector),
          a.target,
        );
        const app = pick(t.apps, a.app);
        if (svc === undefined || app === undefined) break;
        const m = svc.manifest as { spec: Record<string, unknown> };
        out.push({
          at: a.at,
          type: 'apply',
          manifests: [{ ...svc.manifest, spec: { ...m.spec, selector: { app } } }],
        });
        break;
      }
      case 'recreateService': {
        const svc = pick(t.services, a.target);
        if (svc === undefined) break;
        const back = Math.min(last, a.at + a.gap);
        out.push({ at: a.at, type: 'delete', kind: 'Service', key: `default/${svc.name}` });
        out.push({ at: back, type: 'apply', manifests: [svc.manifest] });
        break;
      }
      case 'rewriteSlice':
      case 'deleteSlice': {
        const svc = pick(
          t.services.filter((s) => s.slices.length > 0),
          a.target,
        );
        if (svc === undefined) break;
        const j = a.slice % svc.slices.length;
        const name = svc.slices[j] ?? '';
        if (a.kind === 'deleteSlice') {
          out.push({ at: a.at, type: 'delete', kind: 'EndpointSlice', key: `default/${name}` });
          break;
        }
        const endpoints = a.endpoints.map((e) => ({
          ip: svc.address(j, e.ip),
          conditions: e.conditions,
        }));
        out.push({
          at: a.at,
          type: 'apply',
          manifests: [sliceManifest(name, svc.name, svc.port, endpoints)],
        });
        break;
      }
      case 'rewriteEndpoints': {
        const svc = pick(
          t.services.filter((s) => s.legacyEndpoints),
          a.target,
        );
        if (svc === undefined) break;
        const list = a.addresses.map((x) => ({ ip: svc.address(-1, x.ip), notReady: x.notReady }));
        out.push({
          at: a.at,
          type: 'apply',
          manifests: [endpointsManifest(svc.name, svc.port, list)],
        });
        break;
      }
    }
  }
  return out.sort((a, b) => Number(a.at) - Number(b.at));
}
