/**
 * The objects as a {@link Cluster} holds them.
 *
 * @module
 */
import type {
  Node,
  ObjectMeta,
  PersistentVolume,
  PersistentVolumeClaim,
  PersistentVolumeClaimSpec,
  PersistentVolumeSpec,
  Pod,
  StorageClass,
} from "../api/index.js";
import type { ObjectKind } from "./write.js";

/**
 * A PersistentVolume as the cluster stores it: `createCluster` accepts only volumes with
 * `metadata` (and a name) and `spec`, so both are present. Everything else is as loose as
 * {@link PersistentVolume} (enum fields may carry any string).
 *
 * @example
 * ```ts
 * const pv: StoredVolume | undefined = cluster.volumes.get("pv-1");
 * pv?.spec.claimRef?.name;
 * ```
 */
export type StoredVolume = PersistentVolume & { metadata: ObjectMeta; spec: PersistentVolumeSpec };

/**
 * A PersistentVolumeClaim as the cluster stores it (`metadata` with a name and a namespace, and
 * `spec`, are present).
 *
 * @example
 * ```ts
 * const pvc: StoredClaim | undefined = cluster.claims.get("default/data");
 * pvc?.spec.volumeName;
 * ```
 */
export type StoredClaim = PersistentVolumeClaim & { metadata: ObjectMeta; spec: PersistentVolumeClaimSpec };

/**
 * A StorageClass as the cluster stores it (`metadata` with a name is present).
 *
 * @example
 * ```ts
 * const sc: StoredClass | undefined = cluster.classes.get("fast");
 * sc?.metadata.name;
 * ```
 */
export type StoredClass = StorageClass & { metadata: ObjectMeta };

/**
 * A Pod as the cluster stores it (`metadata` with a name and a namespace is present).
 *
 * @example
 * ```ts
 * const pod: StoredPod | undefined = cluster.pods.get("default/web-0");
 * pod?.metadata.name;
 * ```
 */
export type StoredPod = Pod & { metadata: ObjectMeta };

/**
 * A Node as the cluster stores it (`metadata` with a name is present).
 *
 * @example
 * ```ts
 * const node: StoredNode | undefined = cluster.nodes.get("node-1");
 * node?.metadata.labels;
 * ```
 */
export type StoredNode = Node & { metadata: ObjectMeta };

/**
 * The stored type of each {@link ObjectKind}.
 *
 * @example
 * ```ts
 * const pv: StoredObjects["PersistentVolume"] = cluster.volumes.get("pv-1")!;
 * ```
 */
export interface StoredObjects {
  PersistentVolume: StoredVolume;
  PersistentVolumeClaim: StoredClaim;
  StorageClass: StoredClass;
  Pod: StoredPod;
  Node: StoredNode;
}

/**
 * A stored object of kind `K` (any kind by default).
 *
 * @example
 * ```ts
 * const obj: StoredObject = getObject(cluster, "Node", "node-1")!;
 * ```
 */
export type StoredObject<K extends ObjectKind = ObjectKind> = StoredObjects[K];
