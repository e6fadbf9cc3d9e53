// The image's real kubectl v1.32 against `kubesim serve --speed 30`: the guestbook from
// kubernetes/examples applied, inspected, scaled, rolled out, a node drained, a pod deleted,
// server-side apply after a client-side apply, a typo'd field, and `get pods -w` through a node
// crash. Each output is checked against the lines kubectl 1.32 prints for that state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireKubectl, sleep, startServe, type ServedCluster } from './kubectlHarness.js';

const root = new URL('../..', import.meta.url).pathname;
const guestbook = `${root}test/fixtures/kubernetes-examples/guestbook-all-in-one.yaml`;

requireKubectl();

const cols = (line: string): string[] => line.trim().split(/\s{2,}/);
const rows = (out: string): string[][] => out.trimEnd().split('\n').map(cols);
/** kubectl's AGE cell (HumanDuration): 45s, 2m5s, 12m. */
const AGE = /^(\d+s|\d+m(\d+s)?)$/;

interface Meta {
  name: string;
  labels: Record<string, string>;
}
interface Svc {
  metadata: Meta;
  spec: {
    type: string;
    clusterIP: string;
    ports: { port: number; nodePort?: number; protocol: string }[];
  };
}
interface Slice {
  metadata: Meta;
  ports: { port: number }[];
  endpoints: { addresses: string[] }[];
}
interface PodJson {
  metadata: Meta;
  status: { podIP: string };
}

let c: ServedCluster;
beforeAll(async () => {
  c = await startServe(['--speed', '30']);
}, 30_000);
afterAll(async () => {
  await c.stop();
});

/** `kubectl get <args> -o json`, parsed (a list, or the single object asked for). */
async function getJson(args: readonly string[]): Promise<unknown> {
  const out = await c.kubectl(['get', ...args, '-o', 'json']);
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout) as unknown;
}

describe('kubectl 1.32 against kubesim serve --speed 30', { timeout: 120_000 }, () => {
  it('applies the guestbook and waits for its rollouts', async () => {
    // kubectl's default --validate=strict: it finds fieldValidation on the PATCH operations of
    // the served OpenAPI v3 documents and leaves validation to the server.
    const applied = await c.kubectl(['apply', '-f', guestbook]);
    expect(applied.stderr).toBe('');
    expect(applied.stdout.trimEnd().split('\n')).toEqual([
      'service/redis-master created',
      'deployment.apps/redis-master created',
      'service/redis-replica created',
      'deployment.apps/redis-replica created',
      'service/frontend created',
      'deployment.apps/frontend created',
    ]);
    for (const d of ['redis-master', 'redis-replica', 'frontend']) {
      const st = await c.kubectl(['rollout', 'status', `deployment/${d}`, '--timeout=60s']);
      expect(st.stdout.trimEnd().split('\n').at(-1)).toBe(
        `deployment "${d}" successfully rolled out`,
      );
    }
  });

  it('get pods -o wide prints the wide columns for six running pods', async () => {
    const out = await c.kubectl(['get', 'pods', '-o', 'wide']);
    const [header, ...body] = rows(out.stdout);
    expect(header).toEqual([
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
      'NOMINATED NODE',
      'READINESS GATES',
    ]);
    expect(body).toHaveLength(6);
    for (const r of body) {
      expect(r[0]).toMatch(
        /^(frontend|redis-master|redis-replica)-[a-z0-9]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
      );
      expect(r.slice(1, 4)).toEqual(['1/1', 'Running', '0']);
      expect(r[4]).toMatch(/^\d+s$|^\d+m\d*s?$/);
      expect(r[5]).toMatch(/^10\.1[2-5]\d\.\d+\.\d+$/);
      expect(r[6]).toMatch(/^node-[0-2]$/);
      expect(r.slice(7)).toEqual(['<none>', '<none>']);
    }
  });

  it('get svc prints the NodePort frontend and the ClusterIP services', async () => {
    const out = await c.kubectl(['get', 'svc']);
    expect(out.stderr).toBe('');
    const [header, ...body] = rows(out.stdout);
    expect(header).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    // Every cell but AGE from the served objects, as kubectl's printService renders them.
    const svcs = (await getJson(['svc'])) as { items: Svc[] };
    const expected = svcs.items.map((s) => [
      s.metadata.name,
      s.spec.type,
      s.spec.clusterIP,
      '<none>',
      s.spec.ports
        .map((p) => `${p.port}${p.nodePort === undefined ? '' : `:${p.nodePort}`}/${p.protocol}`)
        .join(','),
    ]);
    expect(body.map((r) => r.slice(0, 5))).toEqual(expected);
    expect(expected.map((r) => r.slice(0, 2))).toEqual([
      ['frontend', 'NodePort'],
      ['kubernetes', 'ClusterIP'],
      ['redis-master', 'ClusterIP'],
      ['redis-replica', 'ClusterIP'],
    ]);
    expect(body[0]![4]).toMatch(/^80:3\d{4}\/TCP$/);
    expect(body[1]!.slice(2, 5)).toEqual(['10.96.0.1', '<none>', '443/TCP']);
    expect(body[2]![4]).toBe('6379/TCP');
    for (const r of body) expect(r[5]).toMatch(AGE);
  });

  it('get endpointslices lists one slice per service with its pod addresses', async () => {
    const out = await c.kubectl(['get', 'endpointslices']);
    expect(out.stderr).toBe('');
    const [header, ...body] = rows(out.stdout);
    expect(header).toEqual(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']);
    // One slice per Service, named by generateName "<service>-", its endpoints the ready pods'
    // IPs in the slice's order (kubectl lists at most three and then "+ N more...").
    const slices = (await getJson(['endpointslices'])) as { items: Slice[] };
    const pods = (await getJson(['pods', '-l', 'app in (guestbook,redis)'])) as {
      items: PodJson[];
    };
    const ipsOf = (labels: Record<string, string>) =>
      pods.items
        .filter((p) => Object.entries(labels).every(([k, v]) => p.metadata.labels[k] === v))
        .map((p) => p.status.podIP)
        .sort();
    expect(body.map((r) => r.slice(0, 4))).toEqual(
      slices.items.map((s) => [
        s.metadata.name,
        'IPv4',
        s.ports.map((p) => String(p.port)).join(','),
        s.endpoints.map((e) => e.addresses[0]).join(','),
      ]),
    );
    const row = (svc: string) => body.find((r) => r[0]!.startsWith(`${svc}-`))!;
    expect(row('frontend')[0]).toMatch(/^frontend-[a-z0-9]{5}$/);
    expect(row('frontend')[2]).toBe('80');
    expect(row('frontend')[3]!.split(',').sort()).toEqual(ipsOf({ tier: 'frontend' }));
    expect(row('frontend')[3]!.split(',')).toHaveLength(3);
    expect(row('redis-master')[3]!.split(',').sort()).toEqual(ipsOf({ role: 'master' }));
    expect(row('redis-replica')[3]!.split(',').sort()).toEqual(ipsOf({ role: 'replica' }));
    expect(body.find((r) => r[0] === 'kubernetes')?.slice(1, 3)).toEqual(['IPv4', '6443']);
    for (const r of body) expect(r[4]).toMatch(AGE);
  });

  it('describe svc frontend prints the service with its endpoints', async () => {
    const out = await c.kubectl(['describe', 'svc', 'frontend']);
    expect(out.stderr).toBe('');
    const svc = (await getJson(['svc', 'frontend'])) as Svc;
    const slices = (await getJson([
      'endpointslices',
      '-l',
      'kubernetes.io/service-name=frontend',
    ])) as { items: Slice[] };
    const endpoints = slices.items
      .flatMap((s) => s.endpoints.map((e) => `${e.addresses[0]!}:80`))
      .join(',');
    const ip = svc.spec.clusterIP;
    const nodePort = svc.spec.ports[0]!.nodePort!;
    // kubectl 1.32's describeService layout for this state: the last-applied annotation is not
    // shown, endpoints come from the Service's EndpointSlices, no events for a NodePort Service.
    expect(out.stdout).toBe(
      [
        'Name:                     frontend',
        'Namespace:                default',
        'Labels:                   app=guestbook',
        '                          tier=frontend',
        'Annotations:              <none>',
        'Selector:                 app=guestbook,tier=frontend',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        `IP:                       ${ip}`,
        `IPs:                      ${ip}`,
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        `NodePort:                 <unset>  ${nodePort}/TCP`,
        `Endpoints:                ${endpoints}`,
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
    expect(endpoints.split(',')).toHaveLength(3);
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(nodePort).toBeLessThanOrEqual(32767);
  });

  it('scales the frontend to 5 and rolls out', async () => {
    expect((await c.kubectl(['scale', 'deployment', 'frontend', '--replicas', '5'])).stdout).toBe(
      'deployment.apps/frontend scaled\n',
    );
    const st = await c.kubectl(['rollout', 'status', 'deployment', 'frontend', '--timeout=60s']);
    expect(st.stderr).toBe('');
    const progress = st.stdout.trimEnd().split('\n');
    expect(progress.at(-1)).toBe('deployment "frontend" successfully rolled out');
    // Before it, only kubectl's progress lines (kubectl rollout_status.go's DeploymentStatusViewer:
    // spec not yet observed, replicas not yet updated, old ones terminating, updated not yet
    // available), whichever states the poll happened to see.
    const waiting = [
      /^Waiting for deployment spec update to be observed\.\.\.$/,
      /^Waiting for deployment "frontend" rollout to finish: [0-4] out of 5 new replicas have been updated\.\.\.$/,
      /^Waiting for deployment "frontend" rollout to finish: \d+ old replicas are pending termination\.\.\.$/,
      /^Waiting for deployment "frontend" rollout to finish: [0-4] of 5 updated replicas are available\.\.\.$/,
    ];
    for (const line of progress.slice(0, -1)) {
      expect(
        waiting.some((re) => re.test(line)),
        line,
      ).toBe(true);
    }
    const [, ...body] = rows((await c.kubectl(['get', 'deploy', 'frontend'])).stdout);
    expect(body[0]!.slice(0, 4)).toEqual(['frontend', '5/5', '5', '5']);
  });

  it('drains node-1: cordon, evictions, drained', async () => {
    const before = rows(
      (await c.kubectl(['get', 'pods', '-o', 'wide', '--field-selector', 'spec.nodeName=node-1']))
        .stdout,
    ).slice(1);
    const out = await c.kubectl(['drain', 'node-1', '--ignore-daemonsets', '--timeout=60s']);
    // No DaemonSet pods here, so no "ignoring DaemonSet-managed Pods" warning on stderr.
    expect(out.stderr).toBe('');
    const lines = out.stdout.trimEnd().split('\n');
    expect(before.length).toBeGreaterThan(0);
    expect(lines[0]).toBe('node/node-1 cordoned');
    expect(lines.at(-1)).toBe('node/node-1 drained');
    // Evictions run concurrently (one goroutine per pod): for each pod an "evicting pod" line as
    // it starts and a later "evicted" line as it ends, interleaved in any order; nothing else.
    const names = before.map((r) => r[0]!);
    const middle = lines.slice(1, -1);
    expect([...middle].sort()).toEqual(
      names.flatMap((n) => [`evicting pod default/${n}`, `pod/${n} evicted`]).sort(),
    );
    for (const n of names) {
      expect(middle.indexOf(`evicting pod default/${n}`)).toBeLessThan(
        middle.indexOf(`pod/${n} evicted`),
      );
    }
    const nodes = rows((await c.kubectl(['get', 'nodes'])).stdout);
    expect(nodes.find((r) => r[0] === 'node-1')?.[1]).toBe('Ready,SchedulingDisabled');
    const after = (await c.kubectl(['get', 'pods', '--field-selector', 'spec.nodeName=node-1']))
      .stderr;
    expect(after).toBe('No resources found in default namespace.\n');
  });

  it('deletes a pod and the ReplicaSet replaces it', async () => {
    const [, first] = rows((await c.kubectl(['get', 'pods', '-l', 'tier=frontend'])).stdout);
    const name = first![0]!;
    expect((await c.kubectl(['delete', 'pod', name])).stdout).toBe(`pod "${name}" deleted\n`);
    const st = await c.kubectl(['rollout', 'status', 'deployment', 'frontend', '--timeout=60s']);
    expect(st.code).toBe(0);
    const names = rows((await c.kubectl(['get', 'pods', '-l', 'tier=frontend'])).stdout)
      .slice(1)
      .map((r) => r[0]);
    expect(names).toHaveLength(5);
    expect(names).not.toContain(name);
  });

  it('apply --server-side after a client-side apply keeps the spec and takes ownership', async () => {
    const ssa = ['apply', '--server-side', '-f', guestbook];
    const lines = [
      'service/redis-master serverside-applied',
      'deployment.apps/redis-master serverside-applied',
      'service/redis-replica serverside-applied',
      'deployment.apps/redis-replica serverside-applied',
      'service/frontend serverside-applied',
      'deployment.apps/frontend serverside-applied',
    ];
    // kubectl scale (no fieldManager: "kubectl" from the User-Agent, through the scale
    // subresource) owns the frontend's replicas, 5; applying replicas: 3 as "kubectl" conflicts
    // with it, as on a real cluster: every other object is applied, kubectl exits 1.
    const out = await c.kubectl(ssa);
    expect(out.code).toBe(1);
    expect(out.stdout.trimEnd().split('\n')).toEqual(lines.slice(0, 5));
    expect(out.stderr.split('\n').slice(0, 2)).toEqual([
      'error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas',
      'Please review the fields above--they currently have other managers. Here',
    ]);
    const forced = await c.kubectl([...ssa, '--force-conflicts']);
    expect(forced.stderr).toBe('');
    expect(forced.stdout.trimEnd().split('\n')).toEqual(lines);
    const st = await c.kubectl(['rollout', 'status', 'deployment', 'frontend', '--timeout=60s']);
    expect(st.stdout.trimEnd().split('\n').at(-1)).toBe(
      'deployment "frontend" successfully rolled out',
    );
    const [, frontend] = rows((await c.kubectl(['get', 'deploy', 'frontend'])).stdout);
    expect(frontend!.slice(0, 4)).toEqual(['frontend', '3/3', '3', '3']);
    const dep = JSON.parse(
      (
        await c.kubectl([
          'get',
          'deployment',
          'redis-replica',
          '-o',
          'json',
          '--show-managed-fields',
        ])
      ).stdout,
    ) as {
      spec: { replicas: number; template: { spec: { containers: { image: string }[] } } };
      metadata: { managedFields: { manager: string; operation: string }[] };
    };
    expect(dep.spec.replicas).toBe(2);
    expect(dep.spec.template.spec.containers[0]!.image).toBe(
      'gcr.io/google_samples/gb-redisslave:v1',
    );
    // kubectl migrated the client-side apply's fields to its own Apply entry (csaupgrade) and
    // applied the last-applied annotation alone as kubectl-last-applied.
    const managers = dep.metadata.managedFields.map((m) => `${m.manager} ${m.operation}`);
    expect(managers).toContain('kubectl Apply');
    expect(managers).toContain('kubectl-last-applied Apply');
    expect(managers).not.toContain('kubectl-client-side-apply Update');
  });
});

describe(
  'kubectl 1.32: field validation and explain from the served OpenAPI',
  { timeout: 120_000 },
  () => {
    const typo = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: typo}',
      'spec:',
      '  replcas: 2',
      '  selector: {matchLabels: {app: typo}}',
      '  template:',
      '    metadata: {labels: {app: typo}}',
      '    spec: {containers: [{name: c, image: nginx}]}',
      '',
    ].join('\n');

    it("apply with a typo'd field: refused under the default --validate=strict", async () => {
      const out = await c.kubectl(['apply', '-f', '-'], { input: typo });
      expect(out.code).toBe(1);
      expect(out.stdout).toBe('');
      // The server's 400 as kubectl prints it (kubectl/pkg/cmd/util/helpers.go: "Error from server
      // (BadRequest): error when creating \"<source>\": <message>").
      expect(out.stderr).toBe(
        'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replcas"\n',
      );
      const get = await c.kubectl(['get', 'deployment', 'typo']);
      expect(get.stderr).toBe('Error from server (NotFound): deployments.apps "typo" not found\n');
    });

    it("apply with a typo'd field under --validate=warn: a warning, the object created without it", async () => {
      const out = await c.kubectl(['apply', '--validate=warn', '-f', '-'], { input: typo });
      expect(out.code).toBe(0);
      expect(out.stderr).toBe('Warning: unknown field "spec.replcas"\n');
      expect(out.stdout).toBe('deployment.apps/typo created\n');
      const dep = JSON.parse(
        (await c.kubectl(['get', 'deployment', 'typo', '-o', 'json'])).stdout,
      ) as {
        spec: Record<string, unknown>;
      };
      expect(dep.spec['replicas']).toBe(1);
      expect(dep.spec['replcas']).toBeUndefined();
    });

    it('explain deployment.spec.replicas prints the field from the served schema', async () => {
      const out = await c.kubectl(['explain', 'deployment.spec.replicas']);
      expect(out.stderr).toBe('');
      const lines = out.stdout.split('\n').map((l) => l.trimEnd());
      expect(lines.slice(0, 6)).toEqual([
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: replicas <integer>',
        '',
      ]);
      expect(lines).toContain('DESCRIPTION:');
      expect(out.stdout).toContain('Number of desired pods.');
    });
  },
);

describe(
  'kubectl 1.32: a CustomResourceDefinition and its custom resources',
  { timeout: 120_000 },
  () => {
    const crd = `${root}test/serve/fixtures/widget-crd.yaml`;
    const widget = `${root}test/serve/fixtures/widget.yaml`;

    it('apply -f crd.yaml, apply -f widget.yaml, get widgets, explain, scale, delete crd', async () => {
      // Before the CRD, kubectl's discovery has no such resource.
      expect((await c.kubectl(['get', 'widgets'])).stderr).toBe(
        'error: the server doesn\'t have a resource type "widgets"\n',
      );
      expect((await c.kubectl(['apply', '-f', crd])).stdout).toBe(
        'customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\n',
      );
      // A new kubectl process with the cached discovery: the miss makes it rediscover.
      const applied = await c.kubectl(['apply', '-f', widget]);
      expect(applied.stderr).toBe('');
      expect(applied.stdout).toBe('widget.example.com/gadget created\n');
      // No additionalPrinterColumns: the CRD table has NAME and AGE.
      const [header, ...body] = rows((await c.kubectl(['get', 'widgets'])).stdout);
      expect(header).toEqual(['NAME', 'AGE']);
      expect(body.map((r) => r[0])).toEqual(['gadget']);
      const got = JSON.parse((await c.kubectl(['get', 'wd', 'gadget', '-o', 'json'])).stdout) as {
        spec: Record<string, unknown>;
      };
      expect(got.spec).toEqual({ size: 'small', replicas: 1 }); // the schema's default
      // kubectl explain lays out what the served OpenAPI v3 document says: the CRD's schema,
      // and for apiVersion, kind and metadata the API server's own descriptions, as a real
      // cluster's CRD OpenAPI builder publishes them.
      const explain = await c.kubectl(['explain', 'widget.spec']);
      expect(explain.stderr).toBe('');
      expect(explain.stdout).toBe(
        [
          'GROUP:      example.com',
          'KIND:       Widget',
          'VERSION:    v1',
          '',
          'FIELD: spec <Object>',
          '',
          '',
          'DESCRIPTION:',
          '    What the widget should be.',
          '    ',
          'FIELDS:',
          '  replicas\t<integer>',
          '    How many copies to make.',
          '',
          '  size\t<string> -required-',
          '  enum: small, large',
          '    How big the widget is.',
          '',
          '',
          '',
        ].join('\n'),
      );
      const top = await c.kubectl(['explain', 'widget']);
      expect(top.stderr).toBe('');
      const topLines = top.stdout.split('\n');
      expect(topLines.slice(0, 8)).toEqual([
        'GROUP:      example.com',
        'KIND:       Widget',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    A Widget is a thing made of parts.',
        '    ',
        'FIELDS:',
      ]);
      expect(topLines.filter((l) => /^ {2}\S/.test(l))).toEqual([
        '  apiVersion\t<string>',
        '  kind\t<string>',
        '  metadata\t<ObjectMeta>',
        '  spec\t<Object>',
        '  status\t<Object>',
      ]);
      expect(top.stdout).toContain(
        '    APIVersion defines the versioned schema of this representation',
      );
      expect(top.stdout).toContain(
        '    Kind is a string value representing the REST resource this',
      );
      expect(top.stdout).toContain("    Standard object's metadata. More info:");
      expect(topLines.slice(-5)).toEqual([
        '  status\t<Object>',
        '    <no description>',
        '',
        '',
        '',
      ]);
      expect((await c.kubectl(['scale', 'widget', 'gadget', '--replicas', '3'])).stdout).toBe(
        'widget.example.com/gadget scaled\n',
      );
      expect(
        (await c.kubectl(['get', 'widget', 'gadget', '-o', 'jsonpath={.spec.replicas}'])).stdout,
      ).toBe('3');
      const typo = await c.kubectl(['apply', '-f', '-'], {
        input:
          'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: typo}\nspec: {size: small, colour: red}\n',
      });
      expect(typo.stderr).toBe(
        'Error from server (BadRequest): error when creating "STDIN": Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.colour"\n',
      );
      expect((await c.kubectl(['delete', 'crd', 'widgets.example.com'])).stdout).toBe(
        'customresourcedefinition.apiextensions.k8s.io "widgets.example.com" deleted\n',
      );
      // kubectl's cached discovery still names widgets; the server no longer serves them.
      expect((await c.kubectl(['get', 'widgets'])).stderr).toBe(
        'Error from server (NotFound): Unable to list "example.com/v1, Resource=widgets": the server could not find the requested resource\n',
      );
      // The CRD's objects went with it: a new CRD of the same name starts empty.
      await c.kubectl(['apply', '-f', crd]);
      expect((await c.kubectl(['get', 'widgets'])).stderr).toBe(
        'No resources found in default namespace.\n',
      );
    });
  },
);

describe(
  'kubectl 1.32: printer columns and several versions of a custom kind',
  { timeout: 120_000 },
  () => {
    it("get prints the version's columns (-o wide adds priority 1), kind.version.group picks a version, patches answer as upstream", async () => {
      // Paused: every AGE is 0s, so the outputs are exact.
      const p = await startServe(['--paused']);
      try {
        const f = `${root}test/serve/fixtures`;
        expect((await p.kubectl(['apply', '-f', `${f}/gizmo-crd.yaml`])).stdout).toBe(
          'customresourcedefinition.apiextensions.k8s.io/gizmos.example.com created\n',
        );
        expect((await p.kubectl(['apply', '-f', `${f}/gizmo.yaml`])).stdout).toBe(
          'gizmo.example.com/g1 created\n',
        );
        // v1 is preferred (version priority) and declares columns; Ready finds nothing yet.
        expect((await p.kubectl(['get', 'gizmos'])).stdout).toBe(
          [
            'NAME   SIZE    REPLICAS   READY   AGE',
            'g1     small   2                  0s',
            '',
          ].join('\n'),
        );
        expect((await p.kubectl(['get', 'gizmos', '-o', 'wide'])).stdout).toBe(
          [
            'NAME   SIZE    REPLICAS   READY   PARTS        AGE',
            'g1     small   2                  [bolt nut]   0s',
            '',
          ].join('\n'),
        );
        // v1beta1 declares no columns: NAME and AGE; objects read there carry its apiVersion.
        expect((await p.kubectl(['get', 'gizmos.v1beta1.example.com'])).stdout).toBe(
          'NAME   AGE\ng1     0s\n',
        );
        const versionOf = async (resource: string) =>
          (await p.kubectl(['get', resource, 'g1', '-o', 'jsonpath={.apiVersion}'])).stdout;
        expect(await versionOf('gizmo')).toBe('example.com/v1');
        expect(await versionOf('gizmos.v1beta1.example.com')).toBe('example.com/v1beta1');
        // A declared but unserved version is not in discovery.
        expect((await p.kubectl(['get', 'gizmos.v1alpha1.example.com'])).stderr).toBe(
          'error: the server doesn\'t have a resource type "gizmos"\n',
        );
        // kubectl patch defaults to a strategic merge patch, which custom resources refuse.
        expect(
          (await p.kubectl(['patch', 'gizmo', 'g1', '-p', '{"spec":{"size":"large"}}'])).stderr,
        ).toBe(
          'error: application/strategic-merge-patch+json is not supported by example.com/v1, Kind=Gizmo: the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml\n',
        );
        // kubectl patch sends no fieldValidation: the server's Warn drops the field, warns, and
        // nothing changes.
        const typo = await p.kubectl([
          'patch',
          'gizmo',
          'g1',
          '--type',
          'merge',
          '-p',
          '{"spec":{"colour":"red"}}',
        ]);
        expect(typo.stderr).toBe('Warning: unknown field "spec.colour"\n');
        expect(typo.stdout).toBe('gizmo.example.com/g1 patched (no change)\n');
        expect(
          (
            await p.kubectl([
              'patch',
              'gizmos.v1beta1.example.com',
              'g1',
              '--type',
              'merge',
              '-p',
              '{"spec":{"size":"large"}}',
            ])
          ).stdout,
        ).toBe('gizmo.example.com/g1 patched\n');
        expect((await p.kubectl(['get', 'gizmos'])).stdout).toBe(
          [
            'NAME   SIZE    REPLICAS   READY   AGE',
            'g1     large   2                  0s',
            '',
          ].join('\n'),
        );
        expect((await p.kubectl(['delete', 'crd', 'gizmos.example.com'])).stdout).toBe(
          'customresourcedefinition.apiextensions.k8s.io "gizmos.example.com" deleted\n',
        );
      } finally {
        await p.stop();
      }
    });
  },
);

describe('kubectl get pods -w while a node crash plays out', { timeout: 120_000 }, () => {
  it("shows the crashed node's pod terminating after the toleration and its replacement starting", async () => {
    const crash = await startServe([`${root}test/fixtures/serve-node-crash.yaml`, '--speed', '30']);
    try {
      const watch = crash.kubectlStream(['get', 'pods', '-o', 'wide', '-w']);
      // 1m (crash) + 50s (grace) + 5m (toleration) + some: about 7m of virtual time.
      await sleep(16_000);
      const out = await watch.stop();
      const lines = out.trimEnd().split('\n').map(cols);
      expect(lines[0]).toEqual([
        'NAME',
        'READY',
        'STATUS',
        'RESTARTS',
        'AGE',
        'IP',
        'NODE',
        'NOMINATED NODE',
        'READINESS GATES',
      ]);
      const onCrashed = lines.filter((l) => l[6] === 'node-1');
      const crashedPod = onCrashed[0]![0]!;
      // The node lifecycle controller only flips the pod's Ready condition: kubectl's READY column
      // counts container statuses, which the dead kubelet no longer updates (printers.go printPod).
      expect(onCrashed.map((l) => `${l[0]!} ${l[1]!} ${l[2]!}`)).toContain(
        `${crashedPod} 1/1 Running`,
      );
      expect(onCrashed.at(-1)!.slice(0, 3)).toEqual([crashedPod, '1/1', 'Terminating']);
      // Its replacement goes through Pending and ContainerCreating to Running on another node.
      const initial = new Set(lines.slice(1, 4).map((l) => l[0]));
      const replacement = lines.filter((l) => !initial.has(l[0]));
      expect(replacement.map((l) => l[2])).toEqual(
        expect.arrayContaining(['Pending', 'ContainerCreating', 'Running']),
      );
      expect(replacement.at(-1)!.slice(1, 3)).toEqual(['1/1', 'Running']);
      expect(['node-0', 'node-2']).toContain(replacement.at(-1)![6]);
    } finally {
      await crash.stop();
    }
  });
});

describe('kubectl delete --cascade=foreground', { timeout: 120_000 }, () => {
  // Three frontend pods whose app ignores TERM: each takes its 30 s grace (1 s of wall time at
  // speed 30), and the Deployment waits for them behind the foregroundDeletion finalizer.
  const frontend = `apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend}
spec:
  replicas: 3
  selector: {matchLabels: {app: guestbook, tier: frontend}}
  template:
    metadata:
      labels: {app: guestbook, tier: frontend}
      annotations: {kubesim.io/behavior: '{"terminationDelay": "1h"}'}
    spec: {containers: [{name: php-redis, image: gcr.io/google_samples/gb-frontend:v5}]}
`;

  it('prints the deletion, returns once the Deployment is gone, after its ReplicaSet and pods', async () => {
    const f = await startServe(['--speed', '30']);
    try {
      const applied = await f.kubectl(['apply', '-f', '-'], { input: frontend });
      expect(applied.stdout).toBe('deployment.apps/frontend created\n');
      const st = await f.kubectl(['rollout', 'status', 'deployment', 'frontend', '--timeout=60s']);
      expect(st.code).toBe(0);
      const out = await f.kubectl(['delete', 'deployment', 'frontend', '--cascade=foreground']);
      expect(out).toEqual({ code: 0, stdout: 'deployment.apps "frontend" deleted\n', stderr: '' });
      // kubectl waited for the object to go: nothing of it is left.
      const gone = await f.kubectl(['get', 'deployment', 'frontend']);
      expect(gone.stderr).toBe(
        'Error from server (NotFound): deployments.apps "frontend" not found\n',
      );
      const rest = await f.kubectl(['get', 'replicasets,pods']);
      expect(rest).toEqual({
        code: 0,
        stdout: '',
        stderr: 'No resources found in default namespace.\n',
      });
    } finally {
      await f.stop();
    }
  });
});
