/**
 * The NodeVolumeLimits plugin for CSI volumes (kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/nodevolumelimits/csi.go`): per driver, the volumes attached to
 * the node plus the pod's new ones must not exceed the CSINode's `allocatable.count`.
 *
 * @module
 */
import { claimClass, claimIsForPod } from "../api/helpers/index.js";
import type { CSINode, Node, PersistentVolume, PersistentVolumeClaim, Pod } from "../api/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { IN_TREE_PLUGINS, inTreePluginOf, pluginMigratedOnNode } from "./csi-migration.js";
import { requireNode } from "./find-pod-volumes.js";
import { checkOptions, featureEnabled, type SchedulingOptions } from "./options.js";
import { scheduledPodsByNode } from "./scheduled-pods.js";
import { checkPod, checkSnapshot, lookupClaim, podClaimVolumes, podKey, podNamespace, storageObjects } from "./snapshot.js";
import { type PluginStatus, SchedulingReasons, status } from "./status.js";
import { str } from "../labels/strings.js";

/**
 * The prefix Kubernetes puts before a driver name to make a node allocatable key
 * (`GetCSIAttachLimitKey`).
 *
 * @example
 * ```ts
 * `${CSIAttachLimitPrefix}ebs.csi.aws.com`; // "attachable-volumes-csi-ebs.csi.aws.com"
 * ```
 */
export const CSIAttachLimitPrefix = "attachable-volumes-csi-";

/**
 * Kubernetes prefixes the handle of a not-yet-bound claim's volume with a random string per
 * scheduler; kubevol uses this fixed one (the count is the same).
 */
const UNBOUND_HANDLE_PREFIX = "kubevol-unbound";

/**
 * The CSI volume handle csi-translation-lib gives an in-tree source (what makes an in-tree volume
 * and its CSI twin count once): EBS the volume ID (an `aws://zone/vol-…` URL reduced to its last
 * segment), GCE PD `projects/UNSPECIFIED/zones/<zone or UNSPECIFIED>/disks/<pdName>`, Azure Disk
 * the disk URI, Cinder the volume ID, vSphere the volume path, Portworx the volume ID, Azure File
 * the share name.
 */
function inTreeHandle(src: Record<string, unknown>, source: string, zone: string | undefined): string {
  switch (source) {
    case "awsElasticBlockStore": {
      const id = str(src.volumeID);
      return id.startsWith("aws://") ? id.slice(id.lastIndexOf("/") + 1) : id;
    }
    case "gcePersistentDisk":
      return `projects/UNSPECIFIED/zones/${zone ?? "UNSPECIFIED"}/disks/${str(src.pdName)}`;
    case "azureDisk":
      return str(src.diskURI);
    case "vsphereVolume":
      return str(src.volumePath);
    case "azureFile":
      return str(src.shareName);
    default:
      return str(src.volumeID);
  }
}

function pvHandle(pv: PersistentVolume, source: string): string {
  const src = (pv.spec as unknown as Record<string, Record<string, unknown>>)[source] ?? {};
  const labels = pv.metadata?.labels ?? {};
  const zone = labels["topology.kubernetes.io/zone"] ?? labels["failure-domain.beta.kubernetes.io/zone"];
  return inTreeHandle(src, source, typeof zone === "string" && !zone.includes("__") ? zone : undefined);
}

/** The in-tree plugin of an inline pod volume (`IsInlineMigratable`), or undefined. */
function inlinePluginOf(v: unknown): (typeof IN_TREE_PLUGINS)[number] | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const vol = v as Record<string, unknown>;
  if (vol.persistentVolumeClaim != null || vol.ephemeral != null) return undefined;
  return IN_TREE_PLUGINS.find((p) => typeof vol[p.source] === "object" && vol[p.source] !== null);
}

/**
 * The NodeVolumeLimits plugin for one pod: `filterAttachableVolumes` of the pod once per node's
 * CSINode, the node's pods and VolumeAttachments per node.
 *
 * @example
 * ```ts
 * new NodeVolumeLimitsPlan(pod, cluster).evaluate(node);
 * ```
 */
export class NodeVolumeLimitsPlan {
  readonly preFilter: PluginStatus;
  private readonly podsByNode: Map<string, Pod[]>;
  private attachmentsByNode: Map<string, string[]> | undefined;
  /** The pod's own attachable volumes per CSINode (they depend on nothing else of the node). */
  private readonly ownVolumes = new Map<CSINode | undefined, { volumes: Map<string, string>; error: string | undefined }>();

  constructor(
    private readonly pod: Pod,
    private readonly cluster: Cluster,
    private readonly opts?: SchedulingOptions,
    podsByNode?: Map<string, Pod[]>,
  ) {
    this.podsByNode = podsByNode ?? scheduledPodsByNode(cluster, podKey(pod));
    const vols: unknown = pod.spec?.volumes;
    const inline = Array.isArray(vols) && (vols as unknown[]).some((v) => inlinePluginOf(v) !== undefined);
    this.preFilter = podClaimVolumes(pod).length > 0 || inline ? status("Success") : status("Skip");
  }

  private migrated(plugin: string, csiNode: CSINode | undefined): boolean {
    const p = IN_TREE_PLUGINS.find((x) => x.plugin === plugin);
    if (p === undefined) return false;
    if (p.gate !== undefined && !featureEnabled(this.opts, p.gate)) return false;
    return pluginMigratedOnNode(plugin, csiNode);
  }

  /** `getCSIDriverInfoFromSC`. */
  private fromClass(pvc: PersistentVolumeClaim, csiNode: CSINode | undefined): [string, string] | undefined {
    const scName = claimClass(pvc);
    if (scName === "") return undefined;
    const sc = this.cluster.classes.get(scName);
    if (sc === undefined || sc === null) return undefined;
    const handle = `${UNBOUND_HANDLE_PREFIX}-${str(pvc.metadata?.namespace)}/${str(pvc.metadata?.name)}`;
    const provisioner = str(sc.provisioner);
    const p = IN_TREE_PLUGINS.find((x) => x.plugin === provisioner);
    if (p !== undefined) return this.migrated(provisioner, csiNode) ? [p.driver, handle] : undefined;
    return [provisioner, handle];
  }

  /** `getCSIDriverInfo`: driver and volume handle of a claim, or undefined (not counted). */
  private driverInfo(pvc: PersistentVolumeClaim, csiNode: CSINode | undefined): [string, string] | undefined {
    const pvName = str(pvc.spec?.volumeName);
    if (pvName === "") return this.fromClass(pvc, csiNode);
    const pv = this.cluster.volumes.get(pvName);
    if (pv === undefined || pv === null) return this.fromClass(pvc, csiNode);
    const csi = pv.spec?.csi;
    if (csi != null) return [str(csi.driver), str(csi.volumeHandle)];
    const p = inTreePluginOf(pv);
    if (p === undefined || !this.migrated(p.plugin, csiNode)) return undefined;
    return [p.driver, pvHandle(pv, p.source)];
  }

  /** `filterAttachableVolumes`: unique name → limit key; an error text for a missing claim of the new pod. */
  private attachable(pod: Pod, csiNode: CSINode | undefined, newPod: boolean, out: Map<string, string>): string | undefined {
    const ns = podNamespace(pod);
    const vols: unknown = pod.spec?.volumes;
    for (const v of Array.isArray(vols) ? (vols as unknown[]) : []) {
      // checkAttachableInlineVolume: an inline in-tree volume counts when its plugin is migrated.
      const p = inlinePluginOf(v);
      if (p === undefined || !this.migrated(p.plugin, csiNode)) continue;
      const src = (v as Record<string, Record<string, unknown>>)[p.source]!;
      out.set(`${p.driver}/${inTreeHandle(src, p.source, undefined)}`, `${CSIAttachLimitPrefix}${p.driver}`);
    }
    for (const v of podClaimVolumes(pod)) {
      if (v.claimName === "") return "PersistentVolumeClaim had no name";
      const pvc = lookupClaim(this.cluster, ns, v.claimName);
      if (pvc === undefined) {
        if (newPod) return `looking up PVC ${ns}/${v.claimName}: persistentvolumeclaim ${JSON.stringify(v.claimName)} not found`;
        continue;
      }
      if (v.ephemeral && !claimIsForPod(pvc, pod)) {
        return `PVC ${str(pvc.metadata?.namespace)}/${str(pvc.metadata?.name)} was not created for pod ${ns}/${str(pod.metadata?.name)} (pod is not owner)`;
      }
      const info = this.driverInfo(pvc, csiNode);
      if (info === undefined || info[0] === "" || info[1] === "") continue;
      out.set(`${info[0]}/${info[1]}`, `${CSIAttachLimitPrefix}${info[0]}`);
    }
    return undefined;
  }

  /** VolumeAttachments by node: unique names of attached CSI volumes. */
  private attachments(nodeName: string): Map<string, string> {
    if (this.attachmentsByNode === undefined) {
      const m = new Map<string, string[]>();
      for (const [key, va] of storageObjects(this.cluster).volumeAttachments) {
        const n = str(va?.spec?.nodeName);
        if (n === "") continue;
        let list = m.get(n);
        if (list === undefined) m.set(n, (list = []));
        list.push(key);
      }
      this.attachmentsByNode = m;
    }
    const out = new Map<string, string>();
    const vas = storageObjects(this.cluster).volumeAttachments;
    for (const key of this.attachmentsByNode.get(nodeName) ?? []) {
      const spec = vas.get(key)?.spec;
      const attacher = str(spec?.attacher);
      const pvName = spec?.source?.persistentVolumeName;
      if (attacher === "" || typeof pvName !== "string") continue;
      const csi = this.cluster.volumes.get(pvName)?.spec?.csi;
      if (csi == null) continue;
      out.set(`${attacher}/${str(csi.volumeHandle)}`, `${CSIAttachLimitPrefix}${attacher}`);
    }
    return out;
  }

  /** `getVolumeLimits`: node allocatable `attachable-volumes-*`, overridden by CSINode counts. */
  private limits(node: Node, csiNode: CSINode | undefined): Map<string, number> {
    const m = new Map<string, number>();
    const alloc: unknown = node.status?.allocatable;
    if (typeof alloc === "object" && alloc !== null) {
      for (const [k, v] of Object.entries(alloc as Record<string, unknown>)) {
        if (!k.startsWith("attachable-volumes-")) continue;
        const n = Number.parseInt(str(v) || String(v), 10);
        if (Number.isFinite(n)) m.set(k, n);
      }
    }
    const drivers: unknown = csiNode?.spec?.drivers;
    for (const d of Array.isArray(drivers) ? (drivers as unknown[]) : []) {
      const count = (d as { allocatable?: { count?: unknown } | null } | null)?.allocatable?.count;
      if (typeof count === "number") m.set(`${CSIAttachLimitPrefix}${str((d as { name?: unknown }).name)}`, count);
    }
    return m;
  }

  /**
   * The Filter on a node (see {@link nodeVolumeLimitsFilter}).
   *
   * @example
   * ```ts
   * plan.evaluate(node); // { code: "Unschedulable", reasons: ["node(s) exceed max volume count"] }
   * ```
   */
  evaluate(node: Node): PluginStatus {
    return this.usage(node).status;
  }

  /**
   * The Filter's status with the numbers behind it: for each driver whose limit the pod would
   * exceed, the limit key's driver, the volumes already attached, the pod's new ones and the limit.
   *
   * @example
   * ```ts
   * plan.usage(node).over; // [{ driver: "ebs.csi.aws.com", attached: 25, requested: 1, limit: 25 }]
   * ```
   */
  usage(node: Node): { status: PluginStatus; over: { driver: string; attached: number; requested: number; limit: number }[] } {
    const over: { driver: string; attached: number; requested: number; limit: number }[] = [];
    if (this.preFilter.code !== "Success") return { status: this.preFilter, over };
    const name = str(node.metadata?.name);
    const csiNode = storageObjects(this.cluster).csiNodes.get(name);
    let own = this.ownVolumes.get(csiNode);
    if (own === undefined) {
      const m = new Map<string, string>();
      own = { volumes: m, error: this.attachable(this.pod, csiNode, true, m) };
      this.ownVolumes.set(csiNode, own);
    }
    const err = own.error;
    if (err !== undefined)
      return { status: status(err.startsWith("looking up PVC") ? "UnschedulableAndUnresolvable" : "Error", err), over };
    if (own.volumes.size === 0) return { status: status("Success"), over };
    const limits = this.limits(node, csiNode);
    if (limits.size === 0) return { status: status("Success"), over };
    const newVolumes = new Map(own.volumes);
    const attached = new Map<string, string>();
    for (const p of this.podsByNode.get(name) ?? []) {
      const e = this.attachable(p, csiNode, false, attached);
      if (e !== undefined) return { status: status("Error", e), over };
    }
    for (const [k, v] of this.attachments(name)) attached.set(k, v);
    const attachedCount = new Map<string, number>();
    for (const [unique, key] of attached) {
      newVolumes.delete(unique);
      attachedCount.set(key, (attachedCount.get(key) ?? 0) + 1);
    }
    const newCount = new Map<string, number>();
    for (const key of newVolumes.values()) newCount.set(key, (newCount.get(key) ?? 0) + 1);
    for (const [key, count] of newCount) {
      const max = limits.get(key);
      const current = attachedCount.get(key) ?? 0;
      if (max !== undefined && current + count > max) {
        over.push({ driver: key.slice(CSIAttachLimitPrefix.length), attached: current, requested: count, limit: max });
      }
    }
    return { status: over.length > 0 ? status("Unschedulable", SchedulingReasons.MaxVolumeCountExceeded) : status("Success"), over };
  }
}

/**
 * The NodeVolumeLimits plugin (CSI part) for a pod on one node: every claim-backed volume of the
 * pod is counted against its driver (a bound CSI volume by `driver/volumeHandle`; an in-tree volume
 * whose plugin is migrated on the node by its CSI driver; an unbound claim by its class's
 * provisioner), minus volumes already attached to the node (used by its scheduled pods, or in a
 * VolumeAttachment naming the node); more than the CSINode `allocatable.count` (or the node's
 * `attachable-volumes-csi-<driver>` allocatable) → `Unschedulable`
 * `node(s) exceed max volume count`. A missing claim → `UnschedulableAndUnresolvable`. Inline
 * (non-claim) migratable volumes are not counted by kubevol.
 *
 * @throws {@link SchedulingError} when an argument has the wrong type.
 * @example
 * ```ts
 * nodeVolumeLimitsFilter(pod, "node-1", cluster); // { code: "Success", reasons: [] }
 * ```
 */
export function nodeVolumeLimitsFilter(pod: Pod, nodeName: string, cluster: Cluster, opts?: SchedulingOptions): PluginStatus {
  checkPod(pod);
  checkSnapshot(cluster);
  checkOptions(opts);
  const node = requireNode(cluster, nodeName);
  if (node === undefined) return status("Error", `node ${JSON.stringify(nodeName)} not found`);
  return new NodeVolumeLimitsPlan(pod, cluster, opts).evaluate(node);
}
