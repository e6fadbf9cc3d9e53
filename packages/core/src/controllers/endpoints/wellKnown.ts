/**
 * Label, annotation and controller names the endpoint controllers read and write
 * (k8s.io/api discovery/v1 well_known_labels.go, core/v1 annotation_key_constants.go).
 * @packageDocumentation
 */

/** Label naming the Service an EndpointSlice belongs to. */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
/** Label naming the controller that manages an EndpointSlice. */
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
/** Label (value `""`) on slices and Endpoints of a headless Service. */
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
/** Label on an Endpoints object that stops the mirroring controller when `"true"`. */
export const LABEL_SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
/** Node label holding the zone an endpoint is in. */
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

/** `managed-by` value of the EndpointSlice controller. */
export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** `managed-by` value of the EndpointSlice mirroring controller. */
export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';

/** Annotation with the time of the change that triggered the last write (RFC 3339). */
export const ANNOTATION_LAST_CHANGE_TRIGGER_TIME =
  'endpoints.kubernetes.io/last-change-trigger-time';
/** Annotation set to `truncated` on an Endpoints object over capacity (§3.24). */
export const ANNOTATION_OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
/** Annotation selecting topology-aware hints (`Auto`), which overrides `trafficDistribution`. */
export const ANNOTATION_TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
/** Deprecated spelling of {@link ANNOTATION_TOPOLOGY_MODE}. */
export const ANNOTATION_TOPOLOGY_AWARE_HINTS = 'service.kubernetes.io/topology-aware-hints';
/** Annotation of leader-election Endpoints, which are never mirrored. */
export const ANNOTATION_LEADER_ELECTION = 'control-plane.alpha.kubernetes.io/leader';

/** Labels the EndpointSlice controller owns; a Service's own copies of them are not copied. */
export const RESERVED_SLICE_LABELS: readonly string[] = [
  LABEL_SERVICE_NAME,
  LABEL_MANAGED_BY,
  LABEL_HEADLESS,
];
