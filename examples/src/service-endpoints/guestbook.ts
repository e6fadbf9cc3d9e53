/**
 * The guestbook example of the Kubernetes documentation, run in a simulated 3-zone cluster, and
 * what its Services really point at: every endpoint with its three conditions, what happens to an
 * endpoint while its pod shuts down, and what DNS answers.
 *
 * `main.ts` prints this; `service-endpoints.test.ts` asserts it.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { parseManifests, type DeploymentInput, type KubeObjectInput } from '@kubesim/core';
import { createSimulation, type EndpointView, type Simulation } from '@kubesim/sim';

/** The manifest file, unchanged from kubernetes/examples (resolved from this module, src or dist). */
export const GUESTBOOK_MANIFESTS = new URL(
  '../../../test/fixtures/kubernetes-examples/guestbook-all-in-one.yaml',
  import.meta.url,
);

/** The three Services the guestbook defines. */
export const GUESTBOOK_SERVICES = ['frontend', 'redis-master', 'redis-replica'] as const;

/**
 * How long the PHP frontend takes to finish its in-flight requests after SIGTERM. A simulated
 * container exits at once on TERM unless told otherwise, and then the terminating endpoint would
 * exist for zero virtual milliseconds; 20 s makes the shutdown visible.
 */
export const FRONTEND_SHUTDOWN = '20s';

/**
 * Reads the guestbook manifests and declares how the frontend behaves on shutdown. The behaviour
 * goes in the `kubesim.io/behavior` annotation of the pod template: that is the only change, and a
 * real cluster ignores the annotation.
 */
export function guestbookManifests(): KubeObjectInput[] {
  const text = readFileSync(GUESTBOOK_MANIFESTS, 'utf8');
  return parseManifests(text).map((obj) =>
    obj.kind === 'Deployment' && obj.metadata?.name === 'frontend'
      ? withBehavior(obj as DeploymentInput, `{ terminationDelay: ${FRONTEND_SHUTDOWN} }`)
      : obj,
  );
}

function withBehavior(deployment: DeploymentInput, behavior: string): DeploymentInput {
  const template = deployment.spec?.template ?? {};
  return {
    ...deployment,
    spec: {
      ...deployment.spec,
      template: {
        ...template,
        metadata: {
          ...template.metadata,
          annotations: { ...template.metadata?.annotations, 'kubesim.io/behavior': behavior },
        },
      },
    },
  };
}

/** A settled guestbook on three nodes, one per zone. */
export function startGuestbook(seed = 2025): Simulation {
  const sim = createSimulation({ seed });
  sim.addNodes(3, { zones: ['zone-a', 'zone-b', 'zone-c'] });
  sim.apply(guestbookManifests());
  // settle() runs the scheduler, the kubelets and every controller until nothing is left to do.
  sim.settle();
  return sim;
}

/** What a pod deletion does to the frontend's endpoints, in three snapshots. */
export interface FrontendDeletion {
  /** The pod that was deleted (`namespace/name`). */
  readonly deleted: string;
  /** Its IP: the endpoint to follow. */
  readonly ip: string;
  /** Endpoints right after the EndpointSlice controller saw the deletion (same virtual instant). */
  readonly duringShutdown: readonly EndpointView[];
  /** Endpoints once the replacement is Ready, while the old pod is still shutting down. */
  readonly replacementReady: readonly EndpointView[];
  /** When the replacement became Ready, ms after the delete. */
  readonly replacementReadyAfterMs: number;
  /**
   * Backend IPs of 30 new connections to `frontend` from another node at that moment, as
   * kube-proxy routes them: only ready endpoints while any exist (§4.2).
   */
  readonly routedWhileShuttingDown: readonly string[];
  /** Endpoints after everything settled (the old pod is gone). */
  readonly settled: readonly EndpointView[];
  /** When the old endpoint disappeared, ms after the delete. */
  readonly goneAfterMs: number;
}

/**
 * `kubectl delete pod` on one frontend pod, followed in virtual time. Upstream (k8s-semantics
 * §3.11, §5.12): the endpoint stays in its slice while the pod shuts down, with
 * `terminating: true`, `ready: false`, and `serving` still tracking the pod's Ready condition;
 * the ReplicaSet creates a replacement at once (a terminating pod no longer counts, §7.1); the
 * endpoint disappears only when the pod object is gone.
 */
export function deleteOneFrontendPod(sim: Simulation): FrontendDeletion {
  const victim = sim.endpointsOf('frontend')[0];
  if (victim?.podKey === undefined) throw new Error('the frontend has no endpoint to delete');
  const { podKey, ip } = victim;
  const start = sim.now;
  const others = new Set(sim.endpointsOf('frontend').map((e) => e.podKey));

  sim.delete('Pod', podKey);
  // Controllers see the change after their watch delay (0 ms by default): run that instant.
  sim.runFor(0);
  const duringShutdown = sim.endpointsOf('frontend');

  const isReplacement = (e: EndpointView): boolean =>
    e.ready && e.podKey !== undefined && !others.has(e.podKey);
  if (!sim.runUntil((s) => s.endpointsOf('frontend').some(isReplacement), { timeout: '1m' })) {
    throw new Error('no replacement became ready within a minute');
  }
  const replacementReady = sim.endpointsOf('frontend');
  const replacementReadyAfterMs = sim.now - start;
  const client = sim.list('Node').find((n) => n.metadata.name !== victim.nodeName);
  const routedWhileShuttingDown = Array.from({ length: 30 }, () => {
    const r = sim.connect({ from: { node: client?.metadata.name ?? '' }, to: 'frontend' });
    return r.outcome === 'ok' ? (r.ip ?? '?') : r.outcome;
  });

  sim.runUntil((s) => !s.endpointsOf('frontend').some((e) => e.podKey === podKey), {
    timeout: '2m',
  });
  const goneAfterMs = sim.now - start;
  sim.settle();
  return {
    deleted: podKey,
    ip,
    duringShutdown,
    replacementReady,
    replacementReadyAfterMs,
    routedWhileShuttingDown,
    settled: sim.endpointsOf('frontend'),
    goneAfterMs,
  };
}

/** One endpoint as a line of text. */
export function formatEndpoint(e: EndpointView): string {
  return [
    e.ip.padEnd(12),
    String(e.podKey).padEnd(36),
    `${String(e.nodeName)}/${String(e.zone)}`.padEnd(14),
    `ready=${e.ready}`.padEnd(11),
    `serving=${e.serving}`.padEnd(13),
    `terminating=${e.terminating}`,
  ].join(' ');
}
