/**
 * kube-scheduler's four volume plugins as pure functions over a lifecycle `Cluster` snapshot:
 * VolumeBinding (PreFilter, Filter, Score, Reserve/PreBind writes), VolumeRestrictions,
 * NodeVolumeLimits (CSI) and VolumeZone; `filterNodes` over every node, `selectNodeForPod`, and
 * `explainPod` ("why is my pod Pending").
 *
 * @module
 */
export { SchedulingError } from "./errors.js";
export { type StatusCode, type PluginStatus, SchedulingReasons, status, isPassing } from "./status.js";
export { type SchedulingOptions, type UtilizationShapePoint, featureEnabled } from "./options.js";
export { preFilterPodVolumes } from "./pre-filter-pod-volumes.js";
export { findPodVolumes, type PodVolumesResult } from "./find-pod-volumes.js";
export type { VolumeBinding } from "./volume-binding.js";
export { allClaimsBound, assumePodVolumes, type AssumeResult } from "./assume-pod-volumes.js";
export { volumeRestrictionsFilter } from "./volume-restrictions.js";
export { nodeVolumeLimitsFilter } from "./node-volume-limits.js";
export { volumeZoneFilter, TOPOLOGY_LABELS } from "./volume-zone.js";
export { scoreNode } from "./score-node.js";
export { brokenLinear, DEFAULT_SHAPES } from "./score.js";
export { filterNodes, VOLUME_PLUGINS, type VolumePluginName, type NodeFilterResult } from "./filter-nodes.js";
export { selectNodeForPod, type NodeSelection } from "./select-node.js";
export { failedSchedulingMessage, pluginErrorMessage } from "./failed-scheduling.js";
export { explainPod, type PodExplanation, type FailingNode, type PodClaimExplanation } from "./explain-pod.js";
export { SchedulingCache, createSchedulingCache } from "./scheduling-cache.js";
export { translatePVForNode, AnnMigratedPlugins } from "./csi-migration.js";
