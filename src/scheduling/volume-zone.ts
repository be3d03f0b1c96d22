/**
 * The VolumeZone plugin (kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/volumezone/volume_zone.go`): the zone and region labels of a
 * pod's bound volumes against the node's.
 *
 * @module
 */
import { claimClass } from "../api/helpers/index.js";
import type { Node, Pod } from "../api/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { requireNode } from "./find-pod-volumes.js";
import { checkOptions, type SchedulingOptions } from "./options.js";
import { checkPod, checkSnapshot, lookupClaim, nodeLabels, podNamespace } from "./snapshot.js";
import { type PluginStatus, SchedulingReasons, status } from "./status.js";
import { str } from "../labels/strings.js";

/**
 * The topology labels VolumeZone compares, in its order: beta zone, beta region, GA zone, GA region.
 *
 * @example
 * ```ts
 * TOPOLOGY_LABELS[2]; // "topology.kubernetes.io/zone"
 * ```
 */
export const TOPOLOGY_LABELS = Object.freeze([
  "failure-domain.beta.kubernetes.io/zone",
  "failure-domain.beta.kubernetes.io/region",
  "topology.kubernetes.io/zone",
  "topology.kubernetes.io/region",
]);

function toGA(key: string): string {
  if (key === "failure-domain.beta.kubernetes.io/region") return "topology.kubernetes.io/region";
  if (key === "failure-domain.beta.kubernetes.io/zone") return "topology.kubernetes.io/zone";
  return key;
}

/** `LabelZonesToSet`: `__`-separated, trimmed, no empty entry (else undefined: the label is ignored). */
function zonesOf(value: string): Set<string> | undefined {
  const out = new Set<string>();
  for (const z of value.split("__")) {
    const t = z.trim();
    if (t === "") return undefined;
    out.add(t);
  }
  return out;
}

interface PVTopology {
  readonly pv: string;
  readonly key: string;
  readonly values: ReadonlySet<string>;
}

/**
 * The VolumeZone plugin for one pod: PreFilter (`getPVbyPod`) once, {@link evaluate} per node.
 *
 * @example
 * ```ts
 * new VolumeZonePlan(pod, cluster).evaluate(node);
 * ```
 */
export class VolumeZonePlan {
  readonly preFilter: PluginStatus;
  private topologies: PVTopology[] = [];
  private readonly hasVolumes: boolean;

  constructor(pod: Pod, cluster: Cluster) {
    const vols: unknown = pod.spec?.volumes;
    this.hasVolumes = Array.isArray(vols) && vols.length > 0;
    this.preFilter = this.compute(pod, cluster);
  }

  private compute(pod: Pod, cluster: Cluster): PluginStatus {
    const ns = podNamespace(pod);
    const vols: unknown = pod.spec?.volumes;
    const names: string[] = [];
    for (const v of Array.isArray(vols) ? (vols as unknown[]) : []) {
      const src = (v as { persistentVolumeClaim?: { claimName?: unknown } | null } | null)?.persistentVolumeClaim;
      if (typeof src === "object" && src !== null) names.push(str(src.claimName));
    }
    const out: PVTopology[] = [];
    for (const name of names) {
      if (name === "") return status("UnschedulableAndUnresolvable", "PersistentVolumeClaim had no name");
      const pvc = lookupClaim(cluster, ns, name);
      if (pvc === undefined) return status("UnschedulableAndUnresolvable", `persistentvolumeclaim ${JSON.stringify(name)} not found`);
      const pvName = str(pvc.spec?.volumeName);
      if (pvName === "") {
        const scName = claimClass(pvc);
        if (scName === "") return status("UnschedulableAndUnresolvable", "PersistentVolumeClaim had no pv name and storageClass name");
        const sc = cluster.classes.get(scName);
        if (sc === undefined || sc === null)
          return status("UnschedulableAndUnresolvable", `storageclass.storage.k8s.io ${JSON.stringify(scName)} not found`);
        if (sc.volumeBindingMode == null)
          return status("UnschedulableAndUnresolvable", `VolumeBindingMode not set for StorageClass ${JSON.stringify(scName)}`);
        if (sc.volumeBindingMode === "WaitForFirstConsumer") continue;
        return status("UnschedulableAndUnresolvable", "PersistentVolume had no name");
      }
      const pv = cluster.volumes.get(pvName);
      if (pv === undefined || pv === null)
        return status("UnschedulableAndUnresolvable", `persistentvolume ${JSON.stringify(pvName)} not found`);
      const labels: unknown = pv.metadata?.labels;
      if (typeof labels !== "object" || labels === null) continue;
      for (const key of TOPOLOGY_LABELS) {
        const value: unknown = (labels as Record<string, unknown>)[key];
        if (typeof value !== "string") continue;
        const values = zonesOf(value);
        if (values !== undefined) out.push({ pv: pvName, key, values });
      }
    }
    this.topologies = out;
    return out.length === 0 ? status("Skip") : status("Success");
  }

  /**
   * The Filter on a node: `Success` for a pod without volumes or a node without any topology
   * label; otherwise every bound volume's topology label must have the node's value (same key,
   * else the GA key for a beta one) in its `__`-separated set, else `UnschedulableAndUnresolvable`
   * `node(s) had no available volume zone`.
   *
   * @example
   * ```ts
   * plan.evaluate(nodeInZoneB); // { code: "UnschedulableAndUnresolvable", reasons: ["node(s) had no available volume zone"] }
   * ```
   */
  evaluate(node: Node): PluginStatus {
    if (this.preFilter.code !== "Success") return this.preFilter;
    return this.mismatch(node) === undefined
      ? status("Success")
      : status("UnschedulableAndUnresolvable", SchedulingReasons.VolumeZoneConflict);
  }

  /**
   * The first bound volume whose topology label the node does not satisfy (its name, the label
   * key, the allowed values, and the node's value of that key or its GA form), or undefined.
   *
   * @example
   * ```ts
   * plan.mismatch(node); // { pv: "pv-1", key: "topology.kubernetes.io/zone", values: ["a"], nodeValue: "b" }
   * ```
   */
  mismatch(node: Node): { pv: string; key: string; values: string[]; nodeValue: string | undefined } | undefined {
    if (this.preFilter.code !== "Success" || !this.hasVolumes) return undefined;
    const labels = nodeLabels(node);
    if (!TOPOLOGY_LABELS.some((k) => Object.hasOwn(labels, k))) return undefined;
    for (const t of this.topologies) {
      let v: string | undefined = Object.hasOwn(labels, t.key) ? labels[t.key] : undefined;
      if (v === undefined) {
        const ga = toGA(t.key);
        v = Object.hasOwn(labels, ga) ? labels[ga] : undefined;
      }
      if (v === undefined || !t.values.has(v)) return { pv: t.pv, key: t.key, values: [...t.values], nodeValue: v };
    }
    return undefined;
  }
}

/**
 * The VolumeZone plugin (PreFilter then Filter) for a pod on one node. PreFilter: every
 * `persistentVolumeClaim` volume's claim must exist; an unbound claim must be in a
 * WaitForFirstConsumer class (skipped) — otherwise `UnschedulableAndUnresolvable` with Kubernetes'
 * text; a bound claim's volume must exist; `Skip` when no bound volume has a topology label.
 *
 * @throws {@link SchedulingError} when an argument has the wrong type.
 * @example
 * ```ts
 * volumeZoneFilter(pod, "node-1", cluster); // { code: "Skip", reasons: [] }
 * ```
 */
export function volumeZoneFilter(pod: Pod, nodeName: string, cluster: Cluster, opts?: SchedulingOptions): PluginStatus {
  checkPod(pod);
  checkSnapshot(cluster);
  checkOptions(opts);
  const node = requireNode(cluster, nodeName);
  if (node === undefined) return status("Error", `node ${JSON.stringify(nodeName)} not found`);
  return new VolumeZonePlan(pod, cluster).evaluate(node);
}
