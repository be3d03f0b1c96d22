/**
 * User actions as pure functions: what `kubectl create / apply / delete` does to the snapshot,
 * through the API server's defaulting, admission, store and finalizer rules.
 *
 * @module
 */
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../api/index.js";
import type { StoredClaim, StoredClass, StoredNode, StoredPod, StoredVolume } from "./stored.js";
import { notFoundMessage } from "./api-server.js";
import { type Cluster, getObject, requireObject } from "./cluster.js";
import type { LifecycleContext } from "./context.js";
import { LifecycleError } from "./errors.js";
import type { LifecycleResult } from "./result.js";
import { transact } from "./transaction.js";
import type { ObjectKind } from "./write.js";

type AnyObject = StoredVolume | StoredClaim | StoredClass | StoredPod | StoredNode;

function createAction(cluster: Cluster, kind: ObjectKind, obj: unknown, ctx: LifecycleContext, path: string): LifecycleResult {
  const o = requireObject<AnyObject>(kind, obj, path);
  return transact(cluster, ctx, (tx) => void tx.write(kind, "create", o, "user"));
}

function updateAction(cluster: Cluster, kind: ObjectKind, obj: unknown, ctx: LifecycleContext, path: string): LifecycleResult {
  const o = requireObject<AnyObject>(kind, obj, path);
  return transact(cluster, ctx, (tx) => void tx.write(kind, "update", o, "user"));
}

function deleteAction(cluster: Cluster, kind: ObjectKind, key: string, ctx: LifecycleContext): LifecycleResult {
  if (typeof key !== "string") throw new LifecycleError("InvalidInput", `key: Invalid value: expected a string`);
  const existing = getObject(cluster, kind, key);
  if (existing === undefined) throw new LifecycleError("NotFound", notFoundMessage(kind, key.slice(key.indexOf("/") + 1)));
  return transact(cluster, ctx, (tx) => void tx.write(kind, "delete", existing, "user"));
}

/**
 * Creates a claim as the API server does: namespace `default` when missing, `volumeMode`
 * defaulted, status reset to Pending, a UID and `creationTimestamp` (from `ctx.now`), and — unless
 * `ctx.admission === false` — the `kubernetes.io/pvc-protection` finalizer and the default
 * StorageClass when the claim names no class (`storageClassName: ""` is left alone).
 *
 * @throws {@link LifecycleError} `AlreadyExists`, or `InvalidInput` for a malformed claim.
 * @example
 * ```ts
 * const r = createClaim(cluster, { metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"],
 *   resources: { requests: { storage: "1Gi" } } } }, { now: "2026-01-01T00:00:00Z" });
 * r.cluster.claims.get("default/data")?.metadata.finalizers; // ["kubernetes.io/pvc-protection"]
 * ```
 */
export function createClaim(cluster: Cluster, claim: PersistentVolumeClaim, ctx: LifecycleContext): LifecycleResult {
  return createAction(cluster, "PersistentVolumeClaim", claim, ctx, "claim");
}

/**
 * Updates a claim's metadata and spec (status, UID, timestamps are kept). Ignored when the claim
 * sent has an older `resourceVersion` than the stored one, or adds a finalizer to a claim being
 * deleted; removing the last finalizer of a claim being deleted removes it.
 *
 * @throws {@link LifecycleError} `NotFound`, or `InvalidInput` for a malformed claim.
 * @example
 * ```ts
 * const pvc = cluster.claims.get("default/data")!;
 * updateClaim(cluster, { ...pvc, metadata: { ...pvc.metadata, labels: { app: "db" } } }, { now });
 * ```
 */
export function updateClaim(cluster: Cluster, claim: PersistentVolumeClaim, ctx: LifecycleContext): LifecycleResult {
  return updateAction(cluster, "PersistentVolumeClaim", claim, ctx, "claim");
}

/**
 * Deletes a claim by `namespace/name`: with finalizers left it only gets a `deletionTimestamp`
 * (the protection controller lets it go once unused, see {@link syncClaimProtection}); without
 * finalizers it disappears at once.
 *
 * @throws {@link LifecycleError} `NotFound`.
 * @example
 * ```ts
 * deleteClaim(cluster, "default/data", { now }).cluster.claims.get("default/data")?.metadata.deletionTimestamp;
 * ```
 */
export function deleteClaim(cluster: Cluster, key: string, ctx: LifecycleContext): LifecycleResult {
  return deleteAction(cluster, "PersistentVolumeClaim", key, ctx);
}

/**
 * Creates a volume as the API server does: reclaim policy `Retain` and `volumeMode: Filesystem`
 * by default, status reset to `Pending` with `lastPhaseTransitionTime = ctx.now`, a UID, and —
 * unless `ctx.admission === false` — the `kubernetes.io/pv-protection` finalizer.
 *
 * @throws {@link LifecycleError} `AlreadyExists`, or `InvalidInput` for a malformed volume.
 * @example
 * ```ts
 * createVolume(cluster, { metadata: { name: "pv1" }, spec: { capacity: { storage: "10Gi" },
 *   accessModes: ["ReadWriteOnce"], nfs: { server: "nfs", path: "/x" } } }, { now });
 * ```
 */
export function createVolume(cluster: Cluster, volume: PersistentVolume, ctx: LifecycleContext): LifecycleResult {
  return createAction(cluster, "PersistentVolume", volume, ctx, "volume");
}

/**
 * Updates a volume's metadata and spec (status kept), with the same store rules as
 * {@link updateClaim}. Removing `spec.claimRef` (or its `uid`) is how an admin makes a Released
 * volume usable again.
 *
 * @throws {@link LifecycleError} `NotFound`, or `InvalidInput`.
 * @example
 * ```ts
 * const pv = cluster.volumes.get("pv1")!;
 * updateVolume(cluster, { ...pv, spec: { ...pv.spec, claimRef: null } }, { now });
 * ```
 */
export function updateVolume(cluster: Cluster, volume: PersistentVolume, ctx: LifecycleContext): LifecycleResult {
  return updateAction(cluster, "PersistentVolume", volume, ctx, "volume");
}

/**
 * Deletes a volume by name (finalizers honoured: `kubernetes.io/pv-protection` holds it while
 * Bound).
 *
 * @throws {@link LifecycleError} `NotFound`.
 * @example
 * ```ts
 * deleteVolume(cluster, "pv1", { now });
 * ```
 */
export function deleteVolume(cluster: Cluster, name: string, ctx: LifecycleContext): LifecycleResult {
  return deleteAction(cluster, "PersistentVolume", name, ctx);
}

/**
 * Creates a pod (namespace `default` when missing). A pod with `spec.nodeName` is scheduled.
 *
 * @throws {@link LifecycleError} `AlreadyExists`, or `InvalidInput`.
 * @example
 * ```ts
 * createPod(cluster, { metadata: { name: "web" }, spec: { nodeName: "n1",
 *   volumes: [{ name: "d", persistentVolumeClaim: { claimName: "data" } }] } }, { now });
 * ```
 */
export function createPod(cluster: Cluster, pod: Pod, ctx: LifecycleContext): LifecycleResult {
  return createAction(cluster, "Pod", pod, ctx, "pod");
}

/**
 * Replaces a pod (e.g. to schedule it by setting `spec.nodeName`, or to mark it Succeeded).
 *
 * @throws {@link LifecycleError} `NotFound`, or `InvalidInput`.
 * @example
 * ```ts
 * const pod = cluster.pods.get("default/web")!;
 * updatePod(cluster, { ...pod, status: { phase: "Succeeded" } }, { now });
 * ```
 */
export function updatePod(cluster: Cluster, pod: Pod, ctx: LifecycleContext): LifecycleResult {
  return updateAction(cluster, "Pod", pod, ctx, "pod");
}

/**
 * Deletes a pod by `namespace/name` (graceful termination is not modelled: without finalizers it
 * is gone at once).
 *
 * @throws {@link LifecycleError} `NotFound`.
 * @example
 * ```ts
 * deletePod(cluster, "default/web", { now });
 * ```
 */
export function deletePod(cluster: Cluster, key: string, ctx: LifecycleContext): LifecycleResult {
  return deleteAction(cluster, "Pod", key, ctx);
}

/**
 * Creates a StorageClass (`reclaimPolicy: Delete`, `volumeBindingMode: Immediate` by default).
 *
 * @throws {@link LifecycleError} `AlreadyExists`, or `InvalidInput`.
 * @example
 * ```ts
 * createClass(cluster, { metadata: { name: "fast" }, provisioner: "ebs.csi.aws.com" }, { now });
 * ```
 */
export function createClass(cluster: Cluster, storageClass: StorageClass, ctx: LifecycleContext): LifecycleResult {
  return createAction(cluster, "StorageClass", storageClass, ctx, "class");
}

/**
 * Replaces a StorageClass (e.g. to mark it default).
 *
 * @throws {@link LifecycleError} `NotFound`, or `InvalidInput`.
 * @example
 * ```ts
 * const sc = cluster.classes.get("fast")!;
 * updateClass(cluster, { ...sc, metadata: { ...sc.metadata,
 *   annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } }, { now });
 * ```
 */
export function updateClass(cluster: Cluster, storageClass: StorageClass, ctx: LifecycleContext): LifecycleResult {
  return updateAction(cluster, "StorageClass", storageClass, ctx, "class");
}

/**
 * Deletes a StorageClass by name.
 *
 * @throws {@link LifecycleError} `NotFound`.
 * @example
 * ```ts
 * deleteClass(cluster, "fast", { now });
 * ```
 */
export function deleteClass(cluster: Cluster, name: string, ctx: LifecycleContext): LifecycleResult {
  return deleteAction(cluster, "StorageClass", name, ctx);
}

/**
 * Creates a node (provisioning reads the selected node's labels for topology).
 *
 * @throws {@link LifecycleError} `AlreadyExists`, or `InvalidInput`.
 * @example
 * ```ts
 * createNode(cluster, { metadata: { name: "n1", labels: { "kubernetes.io/hostname": "n1" } } }, { now });
 * ```
 */
export function createNode(cluster: Cluster, node: Node, ctx: LifecycleContext): LifecycleResult {
  return createAction(cluster, "Node", node, ctx, "node");
}

/**
 * Deletes a node by name.
 *
 * @throws {@link LifecycleError} `NotFound`.
 * @example
 * ```ts
 * deleteNode(cluster, "n1", { now });
 * ```
 */
export function deleteNode(cluster: Cluster, name: string, ctx: LifecycleContext): LifecycleResult {
  return deleteAction(cluster, "Node", name, ctx);
}
