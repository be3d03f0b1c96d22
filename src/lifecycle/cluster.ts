/**
 * The immutable cluster snapshot the lifecycle functions read and return.
 *
 * @module
 */
import type {
  CSIDriver,
  CSINode,
  CSIStorageCapacity,
  Node,
  ObjectMeta,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
} from "../api/index.js";
import type { StoredClaim, StoredClass, StoredNode, StoredPod, StoredVolume } from "./stored.js";
import { defaultObject } from "./defaulting.js";
import { expectObject, LifecycleError } from "./errors.js";
import { type HasMeta, nameOf, namespacedKey, resourceVersionOf } from "./object-meta.js";
import type { Operation } from "./operation.js";
import { deterministicUid } from "./uid.js";
import { mutableMap } from "./working-copy.js";
import type { ObjectKind } from "./write.js";
import { copyWith } from "../api/copy-with.js";

/**
 * A snapshot of everything the PV controller looks at: volumes by name, claims and pods by
 * `namespace/name`, storage classes and nodes by name, and the asynchronous operations currently
 * running (by operation id). `revision` is the last `resourceVersion` handed out; every write
 * bumps it and stamps the written object with it.
 *
 * The storage objects the kube-scheduler's volume plugins read ride along unchanged (the PV
 * controller never looks at them): CSINodes and CSIDrivers by name, CSIStorageCapacities by
 * `namespace/name`, VolumeAttachments by name.
 *
 * Snapshots are never mutated: every function returns a new one (unchanged maps are shared).
 *
 * @example
 * ```ts
 * const cluster = createCluster({ volumes: [pv], claims: [pvc] });
 * cluster.volumes.get("pv1");
 * cluster.claims.get("default/data");
 * ```
 */
export interface Cluster {
  readonly volumes: ReadonlyMap<string, StoredVolume>;
  readonly claims: ReadonlyMap<string, StoredClaim>;
  readonly classes: ReadonlyMap<string, StoredClass>;
  readonly pods: ReadonlyMap<string, StoredPod>;
  readonly nodes: ReadonlyMap<string, StoredNode>;
  readonly operations: ReadonlyMap<string, Operation>;
  readonly csiNodes: ReadonlyMap<string, CSINode & { metadata: ObjectMeta }>;
  readonly csiDrivers: ReadonlyMap<string, CSIDriver & { metadata: ObjectMeta }>;
  readonly csiStorageCapacities: ReadonlyMap<string, CSIStorageCapacity & { metadata: ObjectMeta }>;
  readonly volumeAttachments: ReadonlyMap<string, VolumeAttachment & { metadata: ObjectMeta }>;
  readonly revision: number;
}

/**
 * `storage.k8s.io/v1` VolumeAttachment: the attach/detach controller's record that a volume is
 * attached (or being attached) to a node. Only the fields the scheduler reads are typed.
 *
 * @example
 * ```ts
 * const va: VolumeAttachment = { metadata: { name: "csi-123" },
 *   spec: { attacher: "ebs.csi.aws.com", nodeName: "node-1", source: { persistentVolumeName: "pv1" } } };
 * ```
 */
export interface VolumeAttachment {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec: {
    attacher: string;
    nodeName: string;
    source: { persistentVolumeName?: string | null; inlineVolumeSpec?: unknown };
  };
  status?: { attached?: boolean; [key: string]: unknown };
}

/**
 * The objects a cluster starts with.
 *
 * @example
 * ```ts
 * const init: ClusterInit = { volumes: [pv], claims: [pvc], classes: [sc] };
 * ```
 */
export interface ClusterInit {
  readonly volumes?: Iterable<PersistentVolume>;
  readonly claims?: Iterable<PersistentVolumeClaim>;
  readonly classes?: Iterable<StorageClass>;
  readonly pods?: Iterable<Pod>;
  readonly nodes?: Iterable<Node>;
  readonly operations?: Iterable<Operation>;
  readonly csiNodes?: Iterable<CSINode>;
  readonly csiDrivers?: Iterable<CSIDriver>;
  readonly csiStorageCapacities?: Iterable<CSIStorageCapacity>;
  readonly volumeAttachments?: Iterable<VolumeAttachment>;
}

/**
 * Options of {@link createCluster}.
 *
 * - `defaulting` (default true): apply the API server's defaulting to every object (reclaim
 *   policy Retain, volumeMode Filesystem, phase Pending, class reclaimPolicy Delete and binding
 *   mode Immediate, namespace `default`), because every object of a real cluster has been through
 *   it. Turn it off to reproduce states only tests can build (e.g. a class without binding mode).
 * - Objects without `metadata.uid` get a deterministic one derived from kind and key.
 *
 * @example
 * ```ts
 * createCluster({ classes: [sc] }, { defaulting: false });
 * ```
 */
export interface CreateClusterOptions {
  readonly defaulting?: boolean;
}

type AnyObject = StoredVolume | StoredClaim | StoredClass | StoredPod | StoredNode;

/**
 * Which collection holds which kind, and how its keys are built.
 *
 * @example
 * ```ts
 * COLLECTIONS.PersistentVolumeClaim; // { field: "claims", namespaced: true }
 * ```
 */
export const COLLECTIONS = {
  PersistentVolume: { field: "volumes", namespaced: false },
  PersistentVolumeClaim: { field: "claims", namespaced: true },
  StorageClass: { field: "classes", namespaced: false },
  Pod: { field: "pods", namespaced: true },
  Node: { field: "nodes", namespaced: false },
} as const;

/**
 * Throws a typed error unless `cluster` looks like a {@link Cluster} snapshot.
 *
 * @example
 * ```ts
 * checkCluster(createCluster({})); // ok
 * ```
 */
export function checkCluster(cluster: unknown): asserts cluster is Cluster {
  const c = cluster as Partial<Cluster> | null;
  const ok =
    typeof c === "object" &&
    c !== null &&
    c.volumes instanceof Map &&
    c.claims instanceof Map &&
    c.classes instanceof Map &&
    c.pods instanceof Map &&
    c.nodes instanceof Map &&
    c.operations instanceof Map &&
    typeof c.revision === "number";
  if (!ok) throw new LifecycleError("InvalidInput", "cluster: Invalid value: expected a snapshot built by createCluster()");
}

/**
 * The collection of a kind; a `LifecycleError` for anything else (a kind read from JSON can be any value).
 *
 * @example
 * ```ts
 * collectionOf("PersistentVolume", "kind").field; // "volumes"
 * ```
 */
export function collectionOf(kind: unknown, path: string): (typeof COLLECTIONS)[ObjectKind] {
  if (typeof kind === "string" && Object.hasOwn(COLLECTIONS, kind)) return COLLECTIONS[kind as ObjectKind];
  const shown = typeof kind === "string" ? JSON.stringify(kind) : typeof kind;
  const supported = Object.keys(COLLECTIONS)
    .map((k) => `"${k}"`)
    .join(", ");
  throw new LifecycleError("InvalidInput", `${path}: Unsupported value: ${shown}: supported values: ${supported}`);
}

/**
 * The store key of an object of the given kind (`name`, or `namespace/name`).
 *
 * @example
 * ```ts
 * objectKey("PersistentVolumeClaim", pvc); // "default/data"
 * ```
 */
export function objectKey(kind: ObjectKind, obj: HasMeta): string {
  return collectionOf(kind, "kind").namespaced ? namespacedKey(obj) : nameOf(obj);
}

function checkObject(obj: unknown, path: string): asserts obj is HasMeta {
  expectObject(obj, path);
  const meta = (obj as { metadata?: unknown }).metadata;
  if (typeof meta !== "object" || meta === null) {
    throw new LifecycleError("InvalidInput", `${path}.metadata: Required value`);
  }
  const name = (meta as { name?: unknown }).name;
  if (typeof name !== "string" || name === "") {
    throw new LifecycleError("InvalidInput", `${path}.metadata.name: Required value`);
  }
  const spec = (obj as { spec?: unknown }).spec;
  if (spec !== undefined && (typeof spec !== "object" || spec === null)) {
    throw new LifecycleError("InvalidInput", `${path}.spec: Invalid value: expected an object`);
  }
}

/**
 * Validates the shape the lifecycle needs (an object with `metadata.name`, and `spec` for
 * volumes and claims) and returns it typed. Exported for the action functions.
 *
 * @throws {@link LifecycleError} `InvalidInput` with a field path.
 * @example
 * ```ts
 * requireObject("PersistentVolume", pv, "volume");
 * ```
 */
export function requireObject<T extends AnyObject>(kind: ObjectKind, obj: unknown, path: string): T {
  checkObject(obj, path);
  if ((kind === "PersistentVolume" || kind === "PersistentVolumeClaim") && (obj as { spec?: unknown }).spec === undefined) {
    throw new LifecycleError("InvalidInput", `${path}.spec: Required value`);
  }
  return obj as unknown as T;
}

function load<T extends AnyObject>(
  kind: ObjectKind,
  items: Iterable<unknown> | undefined,
  field: string,
  defaulting: boolean,
): { map: Map<string, T>; maxRv: number } {
  const map = new Map<string, T>();
  let maxRv = 0;
  let i = 0;
  for (const raw of items ?? []) {
    let obj = requireObject<T>(kind, raw, `${field}[${i++}]`);
    if (defaulting) obj = defaultObject(kind, obj) as T;
    const key = objectKey(kind, obj);
    if (obj.metadata.uid === undefined || obj.metadata.uid === "") {
      obj = { ...obj, metadata: copyWith(obj.metadata, { uid: deterministicUid(`${kind}/${key}`) }) };
    }
    const rv = resourceVersionOf(obj);
    maxRv = Math.max(maxRv, rv);
    // Store semantics: a later object with the same key replaces an earlier one unless older.
    const prev = map.get(key);
    if (prev === undefined || rv >= resourceVersionOf(prev)) map.set(key, obj);
  }
  return { map, maxRv };
}

/** Loads a kind the PV controller never writes: checked for `metadata.name`, kept as given. */
function loadStorage<T extends { metadata?: ObjectMeta }>(
  items: Iterable<T> | undefined,
  field: string,
  namespaced: boolean,
): Map<string, T & { metadata: ObjectMeta }> {
  const map = new Map<string, T & { metadata: ObjectMeta }>();
  let i = 0;
  for (const raw of items ?? []) {
    checkObject(raw, `${field}[${i++}]`);
    const key = namespaced ? namespacedKey(raw) : nameOf(raw);
    const prev = map.get(key);
    if (prev === undefined || resourceVersionOf(raw) >= resourceVersionOf(prev as unknown as HasMeta))
      map.set(key, raw as unknown as T & { metadata: ObjectMeta });
  }
  return map;
}

/**
 * Builds a cluster snapshot from arrays (or any iterables) of objects. Objects are applied in
 * order with the store's rule: a second object with the same key replaces the first unless its
 * `resourceVersion` is older.
 *
 * @throws {@link LifecycleError} `InvalidInput` when an object lacks `metadata.name` (or `spec`
 * for volumes and claims); the message names the offending element (`volumes[2].metadata.name:
 * Required value`).
 * @example
 * ```ts
 * const cluster = createCluster({
 *   volumes: [{ metadata: { name: "pv1" }, spec: { capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"] } }],
 *   claims: [{ metadata: { name: "data", namespace: "default" }, spec: { accessModes: ["ReadWriteOnce"],
 *     resources: { requests: { storage: "5Gi" } }, storageClassName: "" } }],
 * });
 * cluster.volumes.get("pv1")?.status?.phase; // "Pending" (API defaulting)
 * ```
 */
export function createCluster(init: ClusterInit = {}, options: CreateClusterOptions = {}): Cluster {
  if (typeof init !== "object" || init === null) {
    throw new LifecycleError("InvalidInput", "cluster: Invalid value: expected an object of arrays");
  }
  const defaulting = options?.defaulting ?? true;
  const v = load<StoredVolume>("PersistentVolume", init.volumes, "volumes", defaulting);
  const c = load<StoredClaim>("PersistentVolumeClaim", init.claims, "claims", defaulting);
  const s = load<StoredClass>("StorageClass", init.classes, "classes", defaulting);
  const p = load<StoredPod>("Pod", init.pods, "pods", defaulting);
  const n = load<StoredNode>("Node", init.nodes, "nodes", defaulting);
  const operations = new Map<string, Operation>();
  let i = 0;
  for (const op of init.operations ?? []) {
    const o = op as Partial<Operation> | null;
    if (typeof o !== "object" || o === null || typeof o.id !== "string" || !["provision", "delete", "recycle"].includes(String(o.kind))) {
      throw new LifecycleError("InvalidInput", `operations[${i}]: Invalid value: expected an Operation with an id and a kind`);
    }
    operations.set(op.id, op);
    i++;
  }
  return {
    volumes: v.map,
    claims: c.map,
    classes: s.map,
    pods: p.map,
    nodes: n.map,
    operations,
    csiNodes: loadStorage(init.csiNodes, "csiNodes", false),
    csiDrivers: loadStorage(init.csiDrivers, "csiDrivers", false),
    csiStorageCapacities: loadStorage(init.csiStorageCapacities, "csiStorageCapacities", true),
    volumeAttachments: loadStorage(init.volumeAttachments, "volumeAttachments", false),
    revision: Math.max(v.maxRv, c.maxRv, s.maxRv, p.maxRv, n.maxRv),
  };
}

/**
 * Reads an object of any kind by its store key.
 *
 * @throws {@link LifecycleError} `InvalidInput` when `cluster` is not a snapshot or `kind` is not one of its kinds.
 * @example
 * ```ts
 * getObject(cluster, "PersistentVolumeClaim", "default/data");
 * ```
 */
export function getObject(cluster: Cluster, kind: ObjectKind, key: string): AnyObject | undefined {
  checkCluster(cluster);
  collectionOf(kind, "kind");
  return storedObject(cluster, kind, key);
}

/**
 * {@link getObject} without its checks, for the API server's writes, which have checked the
 * snapshot and the request already (it runs once per write of every reconcile).
 *
 * @internal
 * @example
 * ```ts
 * storedObject(cluster, "PersistentVolume", "pv-1");
 * ```
 */
export function storedObject(cluster: Cluster, kind: ObjectKind, key: string): AnyObject | undefined {
  return (cluster[COLLECTIONS[kind].field] as ReadonlyMap<string, AnyObject>).get(key);
}

/**
 * A new snapshot with one object replaced (or removed when `obj` is undefined); only the
 * affected map is copied (changed in place when it belongs to an open working copy, see
 * `working-copy.ts`).
 *
 * @example
 * ```ts
 * const next = putObject(cluster, "PersistentVolume", "pv1", undefined, cluster.revision);
 * ```
 */
export function putObject(cluster: Cluster, kind: ObjectKind, key: string, obj: AnyObject | undefined, revision: number): Cluster {
  const field = COLLECTIONS[kind].field;
  const current = cluster[field] as ReadonlyMap<string, AnyObject>;
  const map = mutableMap(current) ?? new Map(current);
  if (obj === undefined) map.delete(key);
  else map.set(key, obj);
  return withCollection(cluster, field, map, revision);
}

/**
 * `{ ...cluster, [field]: map, revision }` with literal keys: a computed key makes V8 build every
 * write's snapshot object the slow way (and in dictionary mode, which every later read of the
 * snapshot pays for). Same keys, same order.
 */
function withCollection(
  cluster: Cluster,
  field: (typeof COLLECTIONS)[ObjectKind]["field"],
  map: Map<string, AnyObject>,
  revision: number,
): Cluster {
  switch (field) {
    case "volumes":
      return { ...cluster, volumes: map as Cluster["volumes"], revision };
    case "claims":
      return { ...cluster, claims: map as Cluster["claims"], revision };
    case "classes":
      return { ...cluster, classes: map as Cluster["classes"], revision };
    case "pods":
      return { ...cluster, pods: map as Cluster["pods"], revision };
    case "nodes":
      return { ...cluster, nodes: map as Cluster["nodes"], revision };
  }
}

/**
 * A new snapshot with the set of running operations changed.
 *
 * @example
 * ```ts
 * const next = withOperations(cluster, (ops) => ops.delete("delete-pv1[1]"));
 * ```
 */
export function withOperations(cluster: Cluster, change: (ops: Map<string, Operation>) => void): Cluster {
  const operations = mutableMap(cluster.operations) ?? new Map(cluster.operations);
  change(operations);
  return { ...cluster, operations };
}
