/**
 * Test helpers (not exported): pods, Services and nodes written through a real Store.
 * @packageDocumentation
 */
import type { Pod } from '../objects/pod.js';
import type { Service } from '../objects/service.js';
import { Store } from '../store/index.js';
import { makeNode, makePod, makeService } from '../testing/fixtures.js';

/** Creates a pod and gives it an IP and a Ready condition, as the kubelet would. */
export function runPod(
  store: Store,
  name: string,
  labels: Record<string, string>,
  ip: string,
  ready: boolean,
  nodeName = 'n1',
): Pod {
  const manifest = makePod({ name, labels, nodeName });
  const created = store.create(manifest);
  return store.updateStatus({
    ...created,
    status: {
      ...created.status,
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  });
}

/** Creates a Service selecting `selector` with port 80 → 8080. */
export function createService(
  store: Store,
  name: string,
  selector: Record<string, string> | undefined,
  spec: Partial<Service['spec']> = {},
): Service {
  const s = makeService({ name, ...(selector ? { selector } : {}), spec });
  const { clusterIP: _ip, clusterIPs: _ips, ...rest } = s.spec;
  return store.create({ ...s, spec: rest }) as Service;
}

/** A store with nodes n1 (zone-a) and n2 (zone-b). */
export function storeWithNodes(): Store {
  const store = new Store();
  store.create(makeNode('n1', 'zone-a'));
  store.create(makeNode('n2', 'zone-b'));
  return store;
}
