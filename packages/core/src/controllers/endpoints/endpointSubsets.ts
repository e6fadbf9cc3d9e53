/**
 * Canonical form and truncation of legacy Endpoints subsets (§3.23–3.24), after
 * kubernetes/kubernetes pkg/api/v1/endpoints/util.go `RepackSubsets`, `SortSubsets` and
 * pkg/controller/endpoint/endpoints_controller.go `truncateEndpoints`.
 * @packageDocumentation
 */
import type { EndpointAddress, EndpointSubset, EndpointsPort } from '../../objects/discovery.js';

/** One (address, port) fact before packing: `port` undefined for a headless Service without ports. */
export interface AddressPort {
  readonly address: EndpointAddress;
  readonly port: EndpointsPort | undefined;
  readonly ready: boolean;
}

const addressKey = (a: EndpointAddress): string =>
  JSON.stringify([a.ip, a.targetRef?.uid ?? '', a.targetRef?.name ?? '']);
const portKey = (p: EndpointsPort | undefined): string =>
  p === undefined
    ? ''
    : JSON.stringify([p.name ?? '', p.port, p.protocol ?? '', p.appProtocol ?? '']);
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Packs (address, port) facts into canonical subsets: ports offered by exactly the same addresses
 * (with the same readiness) share a subset. An address ready on a port in one fact and not ready
 * in another counts as ready. Ports are sorted by name, port, protocol; addresses by IP; subsets by
 * their ports.
 */
export function packSubsets(facts: readonly AddressPort[]): EndpointSubset[] {
  const columns: FactColumns = {
    addresses: facts.map((f) => f.address),
    addressKeys: facts.map((f) => addressKey(f.address)),
    ports: facts.map((f) => f.port),
    portKeys: facts.map((f) => portKey(f.port)),
    ready: facts.map((f) => f.ready),
  };
  return packFactColumns(columns) ?? [];
}

/** The key of a port, as {@link FactColumns} wants it. */
export const endpointsPortKey = portKey;

/**
 * Facts as columns (fact `i` is `addresses[i]`, `ports[i]`, `ready[i]`), with each fact's address
 * key and port key. An address key need not be the full one: any key that is equal for two
 * addresses whose full keys (IP, targetRef uid and name) are equal will do, such as the targetRef
 * uid (an existing string, nothing to build or keep). Where two different addresses turn out to
 * share a key, the facts are packed again under full keys.
 */
export interface FactColumns {
  readonly addresses: readonly EndpointAddress[];
  readonly addressKeys: readonly string[];
  readonly ports: readonly (EndpointsPort | undefined)[];
  readonly portKeys: readonly string[];
  readonly ready: readonly boolean[];
}

/** {@link packSubsets} of facts given as {@link FactColumns}. */
export function packColumns(columns: FactColumns): EndpointSubset[] {
  return (
    packFactColumns(columns) ??
    packFactColumns({ ...columns, addressKeys: columns.addresses.map(addressKey) }) ??
    []
  );
}

// Undefined when two addresses of different full keys share an address key (the keys do not
// partition the facts as full keys would). Otherwise the partition, the first address of each
// class and every order are those of full keys: a key only names a class, equal sets of classes
// give equal group keys, and addresses of the same IP are ordered by their full keys.
function packFactColumns(columns: FactColumns): EndpointSubset[] | undefined {
  const { addressKeys, portKeys } = columns;
  const addresses = new Map<string, EndpointAddress>();
  const byPort = new Map<
    string,
    { port: EndpointsPort | undefined; ready: Map<string, boolean> }
  >();
  for (let i = 0; i < addressKeys.length; i++) {
    const address = columns.addresses[i] as EndpointAddress;
    const ak = addressKeys[i] as string;
    const known = addresses.get(ak);
    if (known === undefined) addresses.set(ak, address);
    else if (known !== address && addressKey(known) !== addressKey(address)) return undefined;
    const pk = portKeys[i] as string;
    let entry = byPort.get(pk);
    if (entry === undefined) {
      entry = { port: columns.ports[i], ready: new Map() };
      byPort.set(pk, entry);
    }
    entry.ready.set(ak, columns.ready[i] === true || entry.ready.get(ak) === true);
  }
  const groups = new Map<string, { ports: EndpointsPort[]; ready: Map<string, boolean> }>();
  // With a single port list there is a single group: its key need not be built.
  const single = byPort.size === 1;
  for (const { port, ready } of byPort.values()) {
    const key = single ? '' : JSON.stringify([...ready].sort(([a], [b]) => cmp(a, b)));
    let group = groups.get(key);
    if (group === undefined) {
      group = { ports: [], ready };
      groups.set(key, group);
    }
    if (port !== undefined) group.ports.push(port);
  }
  const subsets: EndpointSubset[] = [];
  for (const { ports, ready } of groups.values()) {
    // By IP, then by full address key (built only for addresses that share an IP).
    const pick = (want: boolean): EndpointAddress[] => {
      const picked: EndpointAddress[] = [];
      for (const [k, r] of ready) {
        const a = r === want ? addresses.get(k) : undefined;
        if (a !== undefined) picked.push(a);
      }
      picked.sort((a, b) => cmp(a.ip, b.ip) || cmp(addressKey(a), addressKey(b)));
      return picked;
    };
    const readyAddrs = pick(true);
    const notReady = pick(false);
    subsets.push({
      ...(readyAddrs.length > 0 ? { addresses: readyAddrs } : {}),
      ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}),
      ...(ports.length > 0
        ? { ports: [...ports].sort((a, b) => cmp(portKey(a), portKey(b))) }
        : {}),
    });
  }
  const subsetKey = (s: EndpointSubset): string =>
    JSON.stringify([
      (s.ports ?? []).map(portKey),
      (s.addresses ?? s.notReadyAddresses ?? [])[0]?.ip,
    ]);
  return subsets.sort((a, b) => cmp(subsetKey(a), subsetKey(b)));
}

/** Total addresses (ready and not ready) of the subsets. */
export function countAddresses(subsets: readonly EndpointSubset[]): number {
  return subsets.reduce(
    (n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0),
    0,
  );
}

/**
 * Truncates subsets to at most `max` addresses; undefined when they fit. Ready addresses are kept
 * first: if the ready ones alone exceed `max`, every not-ready address goes and the ready ones are
 * cut; otherwise only not-ready ones are cut. Each subset keeps a share proportional to its count,
 * rounded up, until the budget runs out (so later subsets may get less).
 */
export function truncateSubsets(
  subsets: readonly EndpointSubset[],
  max: number,
): EndpointSubset[] | undefined {
  const totalReady = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
  const totalNotReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
  if (totalReady + totalNotReady <= max) return undefined;
  const cutReady = totalReady > max;
  const budget = cutReady ? max : max - totalReady;
  const total = cutReady ? totalReady : totalNotReady;
  let left = budget;
  return subsets.map((s) => {
    const list = (cutReady ? s.addresses : s.notReadyAddresses) ?? [];
    const share = Math.min(Math.ceil((list.length / total) * budget), left);
    const kept = list.slice(0, Math.max(share, 0));
    left -= kept.length;
    const { addresses: _a, notReadyAddresses: _n, ...rest } = s;
    const out: EndpointSubset = { ...rest };
    const readyOut = cutReady ? kept : (s.addresses ?? []);
    const notReadyOut = cutReady ? [] : kept;
    if (readyOut.length > 0) out.addresses = readyOut;
    if (notReadyOut.length > 0) out.notReadyAddresses = notReadyOut;
    return out;
  });
}
