/**
 * The Website operator: for each Website it keeps a Deployment and a Service of the same name,
 * owned by the Website (deleting the Website garbage-collects both), and reports readiness in the
 * Website's status. A controller in kubesim's sense: `keysFor` and a pure `reconcile` returning a
 * plan, run by `sim.addController` like the built-in ones.
 *
 * `{ bug: 'recreate-degraded' }` plants a bug real operators have shipped: once the site has run,
 * a Deployment that loses a ready replica is "healed" by deleting and recreating it, which takes
 * every pod down at once. Nothing goes wrong until a fault makes one pod unready.
 * @packageDocumentation
 */
import {
  customObject,
  type Action,
  type Controller,
  type Deployment,
  type OwnerReference,
  type Plan,
  type Service,
} from '@kubesim/core';
import type { Website, WebsiteStatus } from './websiteCrd.js';

/** Options of {@link websiteController}. */
export interface WebsiteControllerOptions {
  /** Plant the recreate-on-degraded bug. @defaultValue undefined (the correct operator) */
  readonly bug?: 'recreate-degraded';
}

function ownerRef(site: Website): OwnerReference {
  return {
    apiVersion: 'example.com/v1',
    kind: 'Website',
    name: site.metadata.name,
    uid: site.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The Deployment a Website wants: its replicas of its image, spread one per node. */
export function desiredDeployment(site: Website): Deployment {
  const app = `website-${site.metadata.name}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: site.metadata.name,
      namespace: site.metadata.namespace,
      labels: { app },
      ownerReferences: [ownerRef(site)],
    },
    spec: {
      replicas: site.spec.replicas,
      selector: { matchLabels: { app } },
      template: {
        metadata: { labels: { app } },
        spec: {
          affinity: {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                { labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' },
              ],
            },
          },
          containers: [
            {
              name: 'web',
              image: site.spec.image,
              ports: [{ name: 'http', containerPort: site.spec.port }],
              readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
            },
          ],
        },
      },
    },
  } as unknown as Deployment;
}

/** The Service a Website wants: port 80 to the pods' `http` port. */
export function desiredService(site: Website): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: site.metadata.name,
      namespace: site.metadata.namespace,
      ownerReferences: [ownerRef(site)],
    },
    spec: {
      selector: { app: `website-${site.metadata.name}` },
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  } as unknown as Service;
}

function ownerKey(obj: {
  metadata: { namespace?: string; ownerReferences?: readonly OwnerReference[] };
}) {
  const owner = obj.metadata.ownerReferences?.find(
    (o) => o.kind === 'Website' && o.controller === true,
  );
  return owner === undefined ? undefined : `${obj.metadata.namespace ?? 'default'}/${owner.name}`;
}

/** The Website operator (see the module comment). */
export function websiteController(opts: WebsiteControllerOptions = {}): Controller {
  return {
    name: 'website-operator',
    keysFor(ev) {
      if (ev.kind === 'Website') return [ev.key];
      if (ev.kind !== 'Deployment' && ev.kind !== 'Service') return [];
      const key =
        ownerKey(ev.object) ?? (ev.oldObject === undefined ? undefined : ownerKey(ev.oldObject));
      return key === undefined ? [] : [key];
    },
    reconcile(view, key): Plan {
      const site = view.getInert('Website', key) as Website | undefined;
      if (site === undefined || site.metadata.deletionTimestamp !== undefined)
        return { actions: [] };
      const actions: Action[] = [];
      const dep = view.get('Deployment', key);
      const want = desiredDeployment(site);
      const ready = dep?.status.readyReplicas ?? 0;
      const wasRunning = site.status?.phase === 'Running';
      let phase: WebsiteStatus['phase'];
      if (dep === undefined) {
        actions.push({ verb: 'create', object: want });
        phase = wasRunning ? 'Recreating' : 'Pending';
      } else if (opts.bug === 'recreate-degraded' && wasRunning && ready < site.spec.replicas) {
        // The planted bug: "self-healing" by recreation takes every replica down at once.
        actions.push({ verb: 'delete', kind: 'Deployment', key, uid: dep.metadata.uid });
        phase = 'Recreating';
      } else {
        const container = dep.spec.template.spec.containers[0] as
          { image?: string; ports?: readonly { containerPort?: number }[] } | undefined;
        const same =
          dep.spec.replicas === want.spec.replicas &&
          container?.image === site.spec.image &&
          container.ports?.[0]?.containerPort === site.spec.port;
        if (!same) {
          actions.push({
            verb: 'update',
            object: {
              ...want,
              metadata: { ...want.metadata, resourceVersion: dep.metadata.resourceVersion },
            },
          });
        }
        phase = ready >= site.spec.replicas ? 'Running' : wasRunning ? 'Degraded' : 'Pending';
      }
      if (view.get('Service', key) === undefined) {
        actions.push({ verb: 'create', object: desiredService(site) });
      }
      const status: WebsiteStatus = { phase, readyReplicas: ready };
      if (
        site.status?.phase !== status.phase ||
        site.status?.readyReplicas !== status.readyReplicas
      ) {
        actions.push({
          verb: 'updateStatus',
          object: customObject({ ...site, status }),
        });
      }
      return { actions };
    },
  };
}
