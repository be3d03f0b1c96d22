/**
 * The VolumeRestrictions plugin (kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go`): ReadWriteOncePod
 * claims in use by another scheduled pod, and the legacy disk conflicts of inline GCE PD, AWS EBS,
 * iSCSI and RBD volumes.
 *
 * @module
 */
import type { Node, Pod, Volume } from "../api/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { checkOptions, type SchedulingOptions } from "./options.js";
import { requireNode } from "./find-pod-volumes.js";
import { scheduledPodsByNode } from "./scheduled-pods.js";
import { checkPod, checkSnapshot, lookupClaim, podKey, podNamespace } from "./snapshot.js";
import { type PluginStatus, SchedulingReasons, status } from "./status.js";
import { str } from "../labels/strings.js";

function volumesOf(pod: Pod): Volume[] {
  const v: unknown = pod.spec?.volumes;
  return Array.isArray(v) ? (v as unknown[]).filter((x): x is Volume => typeof x === "object" && x !== null) : [];
}

function needsRestrictionsCheck(v: Volume): boolean {
  return v.gcePersistentDisk != null || v.awsElasticBlockStore != null || v.rbd != null || v.iscsi != null;
}

function overlap(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  const s = new Set(a);
  return b.some((x) => s.has(x));
}

/** `isVolumeConflict`: the volume conflicts with one of the existing pod's volumes. */
function isVolumeConflict(v: Volume, existing: Pod): boolean {
  for (const ev of volumesOf(existing)) {
    if (v.gcePersistentDisk != null && ev.gcePersistentDisk != null) {
      const d = v.gcePersistentDisk;
      const e = ev.gcePersistentDisk;
      if (str(d.pdName) === str(e.pdName) && !(d.readOnly === true && e.readOnly === true)) return true;
    }
    if (v.awsElasticBlockStore != null && ev.awsElasticBlockStore != null) {
      if (str(v.awsElasticBlockStore.volumeID) === str(ev.awsElasticBlockStore.volumeID)) return true;
    }
    if (v.iscsi != null && ev.iscsi != null) {
      if (str(v.iscsi.iqn) === str(ev.iscsi.iqn) && !(v.iscsi.readOnly === true && ev.iscsi.readOnly === true)) return true;
    }
    if (v.rbd != null && ev.rbd != null) {
      const a = v.rbd;
      const b = ev.rbd;
      const pool = (x: typeof a) => str(x.pool) || "rbd";
      if (
        overlap(a.monitors, b.monitors) &&
        pool(a) === pool(b) &&
        str(a.image) === str(b.image) &&
        !(a.readOnly === true && b.readOnly === true)
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * The VolumeRestrictions plugin for one pod: its PreFilter once, then {@link evaluate} per node.
 *
 * @example
 * ```ts
 * const plan = new VolumeRestrictionsPlan(pod, cluster);
 * plan.evaluate(node).code;
 * ```
 */
export class VolumeRestrictionsPlan {
  readonly preFilter: PluginStatus;
  private readonly podsByNode: Map<string, Pod[]>;

  constructor(
    private readonly pod: Pod,
    cluster: Cluster,
    podsByNode?: Map<string, Pod[]>,
  ) {
    this.podsByNode = podsByNode ?? scheduledPodsByNode(cluster, podKey(pod));
    this.restricted = volumesOf(pod).filter(needsRestrictionsCheck);
    this.preFilter = this.computePreFilter(cluster);
  }

  private computePreFilter(cluster: Cluster): PluginStatus {
    const ns = podNamespace(this.pod);
    const needsCheck = volumesOf(this.pod).some(needsRestrictionsCheck);
    const rwop = new Set<string>();
    for (const v of volumesOf(this.pod)) {
      if (v.persistentVolumeClaim == null) continue;
      const name = str(v.persistentVolumeClaim.claimName);
      const pvc = lookupClaim(cluster, ns, name);
      if (pvc === undefined) return status("UnschedulableAndUnresolvable", `persistentvolumeclaim ${JSON.stringify(name)} not found`);
      const modes: unknown = pvc.spec?.accessModes;
      if (Array.isArray(modes) && modes.includes("ReadWriteOncePod")) rwop.add(name);
    }
    let conflicts = 0;
    for (const name of rwop) {
      let used = false;
      for (const pods of this.podsByNode.values()) {
        used ||= pods.some(
          (p) =>
            podNamespace(p) === ns &&
            volumesOf(p).some((v) => v.persistentVolumeClaim != null && str(v.persistentVolumeClaim.claimName) === name),
        );
        if (used) break;
      }
      if (used) conflicts++;
    }
    this.conflicts = conflicts;
    if (!needsCheck && conflicts === 0) return status("Skip");
    return status("Success");
  }

  private conflicts = 0;
  /** The pod's inline volumes subject to disk conflicts. */
  private readonly restricted: Volume[];
  /** The ReadWriteOncePod claims in use, with the scheduled pods using them. */
  private readonly inUse: { claim: string; pods: string[] }[] = [];

  /**
   * What blocks the pod on a node, for explanations: the pods on the node whose inline disks
   * conflict, and the ReadWriteOncePod claims in use (by pods anywhere).
   *
   * @example
   * ```ts
   * plan.obstacles(node); // { disk: [{ pod: "default/old", volume: "data" }], readWriteOncePod: [] }
   * ```
   */
  obstacles(node: Node): { disk: { pod: string; volume: string }[]; readWriteOncePod: { claim: string; pods: string[] }[] } {
    const disk: { pod: string; volume: string }[] = [];
    if (this.preFilter.code === "Success") {
      const onNode = this.podsByNode.get(str(node.metadata?.name)) ?? [];
      for (const v of volumesOf(this.pod)) {
        if (!needsRestrictionsCheck(v)) continue;
        for (const p of onNode) if (isVolumeConflict(v, p)) disk.push({ pod: podKey(p), volume: str(v.name) });
      }
    }
    return { disk, readWriteOncePod: this.preFilter.code === "Success" ? this.inUse : [] };
  }

  /**
   * The Filter on a node: a disk conflict with a pod on the node (`Unschedulable`,
   * `node(s) had no available disk`), else a ReadWriteOncePod claim in use anywhere
   * (`Unschedulable`, `node has pod using PersistentVolumeClaim with the same name and
   * ReadWriteOncePod access mode`), else `Success`. A PreFilter failure or `Skip` is returned as is.
   *
   * @example
   * ```ts
   * plan.evaluate(node); // { code: "Success", reasons: [] }
   * ```
   */
  evaluate(node: Node): PluginStatus {
    if (this.preFilter.code !== "Success") return this.preFilter;
    if (this.restricted.length > 0) {
      const onNode = this.podsByNode.get(str(node.metadata?.name)) ?? [];
      for (const v of this.restricted) {
        if (onNode.some((p) => isVolumeConflict(v, p))) return status("Unschedulable", SchedulingReasons.DiskConflict);
      }
    }
    if (this.conflicts > 0) return status("Unschedulable", SchedulingReasons.ReadWriteOncePodConflict);
    return status("Success");
  }
}

/**
 * The VolumeRestrictions plugin (PreFilter then Filter) for a pod on one node. Scheduled pods are
 * the snapshot's pods with a `spec.nodeName` of a node in the snapshot, not `Succeeded`/`Failed`.
 * `Skip` when the pod has neither a ReadWriteOncePod claim in use nor an inline GCE PD / EBS /
 * iSCSI / RBD volume; `UnschedulableAndUnresolvable` `persistentvolumeclaim "x" not found` for a
 * missing claim; `Unschedulable` for a conflict (preemption could resolve it).
 *
 * @throws {@link SchedulingError} when an argument has the wrong type.
 * @example
 * ```ts
 * volumeRestrictionsFilter(pod, "node-1", cluster);
 * // { code: "Unschedulable", reasons: ["node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode"] }
 * ```
 */
export function volumeRestrictionsFilter(pod: Pod, nodeName: string, cluster: Cluster, opts?: SchedulingOptions): PluginStatus {
  checkPod(pod);
  checkSnapshot(cluster);
  checkOptions(opts);
  const node = requireNode(cluster, nodeName);
  if (node === undefined) return status("Error", `node ${JSON.stringify(nodeName)} not found`);
  return new VolumeRestrictionsPlan(pod, cluster).evaluate(node);
}
