/**
 * Reading a cluster snapshot and a pod defensively: the scheduling functions accept any input and
 * never throw a `TypeError` on garbage.
 *
 * @module
 */
import type { CSIDriver, CSINode, CSIStorageCapacity, Node, PersistentVolumeClaim, Pod } from "../api/index.js";
import type { Cluster, VolumeAttachment } from "../lifecycle/index.js";
import { SchedulingError } from "./errors.js";
import { str } from "../labels/strings.js";

const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();

/**
 * The storage maps of a snapshot; a snapshot made before they existed reads as empty.
 *
 * @example
 * ```ts
 * storageObjects(cluster).csiDrivers.get("ebs.csi.aws.com");
 * ```
 */
export function storageObjects(cluster: Cluster): {
  csiNodes: ReadonlyMap<string, CSINode>;
  csiDrivers: ReadonlyMap<string, CSIDriver>;
  csiStorageCapacities: ReadonlyMap<string, CSIStorageCapacity>;
  volumeAttachments: ReadonlyMap<string, VolumeAttachment>;
} {
  const m = (x: unknown) => (x instanceof Map ? x : EMPTY);
  return {
    csiNodes: m(cluster.csiNodes),
    csiDrivers: m(cluster.csiDrivers),
    csiStorageCapacities: m(cluster.csiStorageCapacities),
    volumeAttachments: m(cluster.volumeAttachments),
  };
}

/**
 * Throws a {@link SchedulingError} unless `cluster` looks like a snapshot from `createCluster`.
 *
 * @example
 * ```ts
 * checkSnapshot(createCluster({})); // ok
 * ```
 */
export function checkSnapshot(cluster: unknown): asserts cluster is Cluster {
  const c = cluster as Partial<Cluster> | null;
  const ok = typeof c === "object" && c !== null && [c.volumes, c.claims, c.classes, c.pods, c.nodes].every((m) => m instanceof Map);
  if (!ok) throw new SchedulingError("cluster", "Invalid value: expected a snapshot built by createCluster()");
}

/**
 * Throws a {@link SchedulingError} unless `pod` is an object with `metadata` (`spec` may be absent).
 *
 * @example
 * ```ts
 * checkPod({ metadata: { name: "web" } }); // ok
 * ```
 */
export function checkPod(pod: unknown): asserts pod is Pod {
  if (typeof pod !== "object" || pod === null) throw new SchedulingError("pod", "Invalid value: expected an object");
  const meta = (pod as { metadata?: unknown }).metadata;
  if (typeof meta !== "object" || meta === null) throw new SchedulingError("pod.metadata", "Required value");
  const spec = (pod as { spec?: unknown }).spec;
  if (spec !== undefined && spec !== null && typeof spec !== "object")
    throw new SchedulingError("pod.spec", "Invalid value: expected an object");
  const vols = (spec as { volumes?: unknown } | undefined)?.volumes;
  if (vols !== undefined && vols !== null && !Array.isArray(vols))
    throw new SchedulingError("pod.spec.volumes", "Invalid value: expected an array");
}

/**
 * The pod's namespace; a pod without one is in `default`, as the API server defaults it.
 *
 * @example
 * ```ts
 * podNamespace({ metadata: { name: "web" } }); // "default"
 * ```
 */
export function podNamespace(pod: Pod): string {
  return str(pod.metadata?.namespace) || "default";
}

/**
 * `namespace/name` of a pod (for messages).
 *
 * @example
 * ```ts
 * podKey({ metadata: { name: "web", namespace: "shop" } }); // "shop/web"
 * ```
 */
export function podKey(pod: Pod): string {
  return `${podNamespace(pod)}/${str(pod.metadata?.name)}`;
}

/**
 * One claim-backed volume of a pod: the pod volume's name, the claim's name, and whether it is a
 * generic ephemeral volume (claim `<pod>-<volume>`).
 *
 * @example
 * ```ts
 * const v: PodClaimVolume = { volume: "data", claimName: "data", ephemeral: false };
 * ```
 */
export interface PodClaimVolume {
  readonly volume: string;
  readonly claimName: string;
  readonly ephemeral: boolean;
}

/**
 * The pod's volumes that use a claim, in `spec.volumes` order (`persistentVolumeClaim` wins over
 * `ephemeral` on a volume that has both, as Kubernetes' `switch` does). Entries that are not
 * objects are ignored.
 *
 * @example
 * ```ts
 * podClaimVolumes(pod); // [{ volume: "data", claimName: "data", ephemeral: false }]
 * ```
 */
export function podClaimVolumes(pod: Pod): PodClaimVolume[] {
  const out: PodClaimVolume[] = [];
  const vols: unknown = pod.spec?.volumes;
  if (!Array.isArray(vols)) return out;
  for (const v of vols as unknown[]) {
    if (typeof v !== "object" || v === null) continue;
    const vol = v as { name?: unknown; persistentVolumeClaim?: unknown; ephemeral?: unknown };
    if (typeof vol.persistentVolumeClaim === "object" && vol.persistentVolumeClaim !== null) {
      out.push({
        volume: str(vol.name),
        claimName: str((vol.persistentVolumeClaim as { claimName?: unknown }).claimName),
        ephemeral: false,
      });
    } else if (typeof vol.ephemeral === "object" && vol.ephemeral !== null) {
      out.push({ volume: str(vol.name), claimName: `${str(pod.metadata?.name)}-${str(vol.name)}`, ephemeral: true });
    }
  }
  return out;
}

/**
 * The claim of a pod volume from the snapshot (`namespace/name`), or undefined.
 *
 * @example
 * ```ts
 * lookupClaim(cluster, "default", "data");
 * ```
 */
export function lookupClaim(cluster: Cluster, namespace: string, name: string): PersistentVolumeClaim | undefined {
  const c = cluster.claims.get(`${namespace}/${name}`);
  return typeof c === "object" && c !== null ? c : undefined;
}

/**
 * The labels of a node as a plain record (missing or garbage labels read as none).
 *
 * @example
 * ```ts
 * nodeLabels({ metadata: { name: "n1", labels: { zone: "a" } } }); // { zone: "a" }
 * ```
 */
export function nodeLabels(node: Node): Readonly<Record<string, string>> {
  const l: unknown = node.metadata?.labels;
  return typeof l === "object" && l !== null ? (l as Record<string, string>) : {};
}

/**
 * The nodes of a snapshot sorted by name (the order every multi-node answer uses).
 *
 * @example
 * ```ts
 * sortedNodes(cluster).map((n) => n.metadata.name);
 * ```
 */
export function sortedNodes(cluster: Cluster): Node[] {
  const keys = [...cluster.nodes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => cluster.nodes.get(k)!).filter((n) => typeof n === "object" && n !== null);
}
