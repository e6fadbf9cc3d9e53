/**
 * How each cloud's load balancer health-checks the nodes behind a Kubernetes LoadBalancer
 * Service: what it probes and how often. Every number is cited; what could not be confirmed says
 * so.
 * @packageDocumentation
 */

/** What a health check probes on each node. */
export type ProbeTarget =
  /** kube-proxy's `/healthz` (HTTP, port 10256): the node's proxy health. */
  | 'kubeProxyHealthz'
  /** A TCP connect to the Service's node port ("traffic-port"), routed by the node's kube-proxy. */
  | 'nodePortTcp'
  /** HTTP `/healthz` on the Service's `healthCheckNodePort`: local ready endpoints. */
  | 'healthCheckNodePort';

/** Timings of one health check. */
export interface HealthCheckTiming {
  /** Time between two probes of one node. */
  readonly intervalMs: number;
  /** A probe without an answer within this time fails. */
  readonly timeoutMs: number;
  /** Consecutive successes that make an unhealthy node healthy. */
  readonly healthyThreshold: number;
  /** Consecutive failures that make a healthy node unhealthy. */
  readonly unhealthyThreshold: number;
  /** Consecutive successes that make a newly registered node healthy. @defaultValue healthyThreshold */
  readonly initialHealthyThreshold?: number;
}

/** A cloud's health-check behaviour for both traffic policies. */
export interface HealthCheckPreset {
  readonly name: 'gce' | 'aws' | 'azure' | 'default';
  /** What and how for `externalTrafficPolicy: Cluster`. */
  readonly cluster: { readonly target: ProbeTarget } & HealthCheckTiming;
  /** What and how for `externalTrafficPolicy: Local` (always the healthCheckNodePort). */
  readonly local: { readonly target: 'healthCheckNodePort' } & HealthCheckTiming;
  /** When every backend is unhealthy, new connections still go to all of them. */
  readonly failOpen: boolean;
  /** The load balancer delivers to node ports (needs them allocated). */
  readonly targetsNodePorts: boolean;
}

/** kube-proxy's healthz port (`--healthz-bind-address` default `0.0.0.0:10256`). */
export const KUBE_PROXY_HEALTHZ_PORT = 10256;

/**
 * GKE / GCE external passthrough Network Load Balancer, as ingress-gce creates its health checks
 * (kubernetes/ingress-gce pkg/healthchecksl4/healthchecksl4.go): Cluster services share a node
 * check of kube-proxy's `/healthz` on 10256 every 8 s, timeout 1 s, healthy after 1 success,
 * unhealthy after 3 failures ("3 * 8 = 24 seconds before the LB will steer traffic away"); Local
 * services probe their healthCheckNodePort every 3 s, timeout 1 s, healthy 1, unhealthy 2 ("2 * 3
 * = 6 seconds"). (The older in-tree provider, legacy-cloud-providers/gce, used 8 s / 1 s / 1 / 3
 * for both.) When all backends are unhealthy the load balancer "distributes new connections among
 * all backends as a last resort" (Google Cloud, "Traffic distribution for external passthrough
 * Network Load Balancers").
 */
export const GCE_PRESET: HealthCheckPreset = Object.freeze<HealthCheckPreset>({
  name: 'gce',
  cluster: {
    target: 'kubeProxyHealthz',
    intervalMs: 8_000,
    timeoutMs: 1_000,
    healthyThreshold: 1,
    unhealthyThreshold: 3,
  },
  local: {
    target: 'healthCheckNodePort',
    intervalMs: 3_000,
    timeoutMs: 1_000,
    healthyThreshold: 1,
    unhealthyThreshold: 2,
  },
  failOpen: true,
  targetsNodePorts: false,
});

/**
 * AWS Network Load Balancer with instance targets, as cloud-provider-aws configures it
 * (kubernetes/cloud-provider-aws pkg/providers/v1/aws_loadbalancer.go,
 * `buildNLBHealthCheckConfiguration`): Cluster probes TCP to the traffic port (the node port)
 * every 30 s, timeout 10 s, healthy and unhealthy thresholds 3 (`defaultNlbHealthCheckInterval`,
 * `…Timeout`, `…Threshold`); Local probes HTTP `/healthz` on the healthCheckNodePort every 10 s,
 * timeout 10 s, thresholds 2. AWS documents that a registered target "is not in service until it
 * passes one health check", and that the load balancer fails open when all targets fail
 * ("Health checks for Network Load Balancer target groups"). Not modelled: NLB passive health
 * checks, per-AZ routing without cross-zone load balancing, DNS failover, and newer
 * cloud-provider-aws releases that may probe kube-proxy on 10256 for Cluster.
 */
export const AWS_NLB_PRESET: HealthCheckPreset = Object.freeze<HealthCheckPreset>({
  name: 'aws',
  cluster: {
    target: 'nodePortTcp',
    intervalMs: 30_000,
    timeoutMs: 10_000,
    healthyThreshold: 3,
    unhealthyThreshold: 3,
    initialHealthyThreshold: 1,
  },
  local: {
    target: 'healthCheckNodePort',
    intervalMs: 10_000,
    timeoutMs: 10_000,
    healthyThreshold: 2,
    unhealthyThreshold: 2,
    initialHealthyThreshold: 1,
  },
  failOpen: true,
  targetsNodePorts: true,
});

/**
 * Azure Standard Load Balancer, as cloud-provider-azure (AKS's cloud provider) configures it:
 * - Cluster: in the default `servicenodeport` probe mode each port gets a TCP probe of its node
 *   port (pkg/provider/azure_loadbalancer_healthprobe.go, `buildHealthProbeRulesForPort`: protocol
 *   TCP unless an annotation or appProtocol asks otherwise); the AKS `shared` mode (an option, not
 *   modelled) probes kube-proxy's `/healthz` on 10256 instead.
 * - Local: an HTTP probe of `/healthz` on the healthCheckNodePort (`GetServiceHealthCheckPathPort`).
 * - Both: `IntervalInSeconds` = `HealthProbeDefaultProbeInterval` = 5 and `ProbeThreshold` =
 *   `HealthProbeDefaultNumOfProbe` = 2 (pkg/consts/consts.go), overridable per Service with
 *   `service.beta.kubernetes.io/azure-load-balancer-health-probe-interval` / `-num-of-probe` and per
 *   port with `service.beta.kubernetes.io/port_{port}_health-probe_interval` /
 *   `port_{port}_health-probe_num-of-probe` (minimum 5 s and 2; interval × count below 120 s).
 *
 * What the threshold and timeout mean, from Azure's documentation: `probeThreshold` is "the number
 * of consecutive successful or failed probes" that take an endpoint out of rotation, and the same
 * number of successes puts it back (REST API, load balancer probe properties); a TCP probe has no
 * timeout of its own: it fails "once the configured probe interval duration has passed and the next
 * probe has been sent", and an HTTP probe fails when no answer comes within the smaller of the
 * interval and 30 s ("Azure Load Balancer health probes", Probe interval & timeout): 5 s for both.
 * A new backend is healthy once "the health probe is successful once after the VM boots" (same
 * page, probe up behavior): an initial threshold of 1. When every instance probes down, "no new
 * flows are sent to the backend pool" (probe down behavior; `NoHealthyBackendsBehavior:
 * AllProbedUp` is an opt-in): the model does not fail open.
 *
 * So a node that powers off on a probe instant is out of rotation 10 s later under both policies:
 * probes at +0 s and +5 s go unanswered, the second fails at +10 s.
 */
export const AZURE_PRESET: HealthCheckPreset = Object.freeze<HealthCheckPreset>({
  name: 'azure',
  cluster: {
    target: 'nodePortTcp',
    intervalMs: 5_000,
    timeoutMs: 5_000,
    healthyThreshold: 2,
    unhealthyThreshold: 2,
    initialHealthyThreshold: 1,
  },
  local: {
    target: 'healthCheckNodePort',
    intervalMs: 5_000,
    timeoutMs: 5_000,
    healthyThreshold: 2,
    unhealthyThreshold: 2,
    initialHealthyThreshold: 1,
  },
  failOpen: false,
  targetsNodePorts: true,
});

/**
 * kubesim's default: the GCE/GKE checks (kube-proxy healthz for Cluster, as KEP-3836 recommends
 * to every cloud; healthCheckNodePort for Local) with their timings. A choice, not an upstream
 * default: Kubernetes itself prescribes no load-balancer timings.
 */
export const DEFAULT_PRESET: HealthCheckPreset = Object.freeze<HealthCheckPreset>({
  ...GCE_PRESET,
  name: 'default',
});

/** The presets by name. */
export const HEALTH_CHECK_PRESETS: Readonly<Record<HealthCheckPreset['name'], HealthCheckPreset>> =
  Object.freeze({
    gce: GCE_PRESET,
    aws: AWS_NLB_PRESET,
    azure: AZURE_PRESET,
    default: DEFAULT_PRESET,
  });
