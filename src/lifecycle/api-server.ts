/**
 * The API server's part of a write: store semantics (resourceVersion), create-time defaulting
 * and admission, status subresource rules, `lastPhaseTransitionTime`, and finalizer-aware
 * deletion. Internal to the lifecycle layer.
 *
 * @module
 */
import { FinalizerPVCProtection, FinalizerPVProtection } from "../api/constants/index.js";
import { claimHasClass } from "../api/helpers/index.js";
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../api/index.js";
import type { StoredClaim, StoredObject, StoredVolume } from "./stored.js";
import { type Cluster, checkCluster, collectionOf, objectKey, putObject, storedObject } from "./cluster.js";
import { defaultObject } from "./defaulting.js";
import { defaultStorageClass } from "./default-class.js";
import { LifecycleError } from "./errors.js";
import { type HasMeta, isBeingDeleted, nameOf, namespaceOf, resourceVersionOf, withFinalizer } from "./object-meta.js";
import { deterministicUid } from "./uid.js";
import type { ObjectKind, Write, WriteActor, WriteVerb } from "./write.js";
import { copyWith } from "../api/copy-with.js";

type AnyObject = StoredObject;

const RESOURCE: Record<ObjectKind, string> = {
  PersistentVolume: "persistentvolumes",
  PersistentVolumeClaim: "persistentvolumeclaims",
  StorageClass: "storageclasses.storage.k8s.io",
  Pod: "pods",
  Node: "nodes",
};

/**
 * One write as the caller asks for it.
 *
 * @example
 * ```ts
 * const req: WriteRequest = { verb: "delete", kind: "PersistentVolume", object: pv, actor: "user",
 *   time: "2026-01-01T00:00:00Z", admission: true };
 * ```
 */
export interface WriteRequest {
  readonly verb: WriteVerb;
  readonly kind: ObjectKind;
  /** The object to write (create/update/updateStatus) or whose key to delete. */
  readonly object: PersistentVolume | PersistentVolumeClaim | StorageClass | Pod | Node;
  readonly actor: WriteActor;
  readonly time: string;
  /** Run create-time admission (protection finalizers, default class). */
  readonly admission: boolean;
}

/**
 * The outcome: the new cluster and the accepted write, or `write: undefined` when ignored.
 *
 * @example
 * ```ts
 * const { cluster: next, write }: WriteResult = applyWrite(cluster, req);
 * ```
 */
export interface WriteResult {
  readonly cluster: Cluster;
  readonly write?: Write;
}

const LISTER_RESOURCE: Record<ObjectKind, string> = {
  PersistentVolume: "persistentvolume",
  PersistentVolumeClaim: "persistentvolumeclaim",
  StorageClass: "storageclass.storage.k8s.io",
  Pod: "pod",
  Node: "node",
};

/**
 * Error text of an object missing from an informer lister (what the controllers print; listers
 * name the resource in the singular).
 *
 * @example
 * ```ts
 * listerNotFoundMessage("StorageClass", "gold"); // 'storageclass.storage.k8s.io "gold" not found'
 * ```
 */
export function listerNotFoundMessage(kind: ObjectKind, name: string): string {
  return `${LISTER_RESOURCE[kind]} "${name}" not found`;
}

/**
 * Error text of a missing object, as the API server words it.
 *
 * @example
 * ```ts
 * notFoundMessage("PersistentVolumeClaim", "data"); // 'persistentvolumeclaims "data" not found'
 * ```
 */
export function notFoundMessage(kind: ObjectKind, name: string): string {
  return `${RESOURCE[kind]} "${name}" not found`;
}

/** Admission on create: StorageObjectInUseProtection and DefaultStorageClass. */
function admit(cluster: Cluster, kind: ObjectKind, obj: AnyObject): AnyObject {
  if (kind === "PersistentVolume") return withFinalizer(obj as StoredVolume, FinalizerPVProtection);
  if (kind !== "PersistentVolumeClaim") return obj;
  let pvc = withFinalizer(obj as StoredClaim, FinalizerPVCProtection);
  if (!claimHasClass(pvc)) {
    const def = defaultStorageClass(cluster.classes.values());
    if (def !== undefined) pvc = { ...pvc, spec: copyWith(pvc.spec, { storageClassName: nameOf(def) }) };
  }
  return pvc;
}

function stamp<T extends AnyObject>(obj: T, revision: number): T {
  return { ...obj, metadata: copyWith(obj.metadata, { resourceVersion: String(revision) }) };
}

function hasStatus(kind: ObjectKind): boolean {
  return kind === "PersistentVolume" || kind === "PersistentVolumeClaim";
}

/**
 * Stores the write. `stamped`: the caller built `stored` with this write's resourceVersion already
 * (in the key position `stamp` gives it), saving two copies on the hot update path.
 */
function record(cluster: Cluster, req: WriteRequest, key: string, stored: AnyObject, removed: boolean, stamped = false): WriteResult {
  const revision = cluster.revision + 1;
  const object = stamped ? stored : stamp(stored, revision);
  const next = putObject(cluster, req.kind, key, removed ? undefined : object, revision);
  const ns = namespaceOf(object);
  // `object` is of kind `req.kind` (applyWrite stores what the request names).
  const write = {
    verb: req.verb,
    kind: req.kind,
    ...(ns !== "" ? { namespace: ns } : {}),
    name: nameOf(object),
    actor: req.actor,
    object,
    removed,
  } as Write;
  return { cluster: next, write };
}

const VERBS: ReadonlySet<unknown> = new Set<WriteVerb>(["create", "update", "updateStatus", "delete"]);

/** Throws a typed error unless `req` has a known verb and kind and an object (callers from JS or JSON can pass anything). */
function checkRequest(req: unknown): asserts req is WriteRequest {
  if (typeof req !== "object" || req === null) throw new LifecycleError("InvalidInput", "req: Invalid value: expected a WriteRequest");
  const r = req as Partial<Record<keyof WriteRequest, unknown>>;
  if (!VERBS.has(r.verb)) {
    const shown = typeof r.verb === "string" ? JSON.stringify(r.verb) : typeof r.verb;
    throw new LifecycleError(
      "InvalidInput",
      `req.verb: Unsupported value: ${shown}: supported values: "create", "update", "updateStatus", "delete"`,
    );
  }
  collectionOf(r.kind, "req.kind");
  if (typeof r.object !== "object" || r.object === null)
    throw new LifecycleError("InvalidInput", "req.object: Required value: the object to write");
}

function create(cluster: Cluster, req: WriteRequest): WriteResult {
  let obj = defaultObject(req.kind, req.object as AnyObject);
  const key = objectKey(req.kind, obj);
  if (storedObject(cluster, req.kind, key) !== undefined) {
    throw new LifecycleError("AlreadyExists", `${RESOURCE[req.kind]} "${nameOf(obj)}" already exists`);
  }
  if (req.admission) obj = admit(cluster, req.kind, obj);
  const metadata = copyWith(obj.metadata);
  if (!metadata.uid) metadata.uid = deterministicUid(`${req.kind}/${key}@${cluster.revision + 1}`);
  if (!metadata.creationTimestamp) metadata.creationTimestamp = req.time;
  delete metadata.deletionTimestamp;
  obj = { ...obj, metadata };
  // The create strategies wipe client-supplied status; a PV starts Pending "now".
  if (req.kind === "PersistentVolume") obj = { ...obj, status: { phase: "Pending", lastPhaseTransitionTime: req.time } } as StoredVolume;
  if (req.kind === "PersistentVolumeClaim") obj = { ...obj, status: { phase: "Pending" } } as StoredClaim;
  return record(cluster, req, key, obj, false);
}

function isStale(incoming: HasMeta, stored: HasMeta): boolean {
  return incoming.metadata?.resourceVersion !== undefined && resourceVersionOf(incoming) < resourceVersionOf(stored);
}

/**
 * Whether the API server's defaulting would change nothing of the object that `update` keeps (it
 * replaces the status): then `update` skips the defaulting copy. Objects read from the store are
 * always defaulted, so controllers' updates take this path.
 */
function needsNoDefaulting(kind: ObjectKind, obj: AnyObject): boolean {
  // Without metadata the defaulted copy would order its keys differently (status before metadata).
  if (typeof obj.metadata !== "object" || obj.metadata === null) return false;
  const spec = (obj as StoredVolume).spec as Record<string, unknown> | undefined;
  if (typeof spec !== "object" || spec === null || Object.getPrototypeOf(spec) !== Object.prototype) return false;
  if (spec["volumeMode"] === undefined || spec["volumeMode"] === null) return false;
  if (kind === "PersistentVolume") {
    const policy = spec["persistentVolumeReclaimPolicy"];
    return policy !== undefined && policy !== "";
  }
  return kind === "PersistentVolumeClaim" && !!obj.metadata?.namespace;
}

function update(cluster: Cluster, req: WriteRequest, existing: AnyObject, key: string): WriteResult {
  const sent = req.object as AnyObject;
  // The status is replaced below, so its defaulting never shows; the rest may be taken as sent.
  const incoming = hasStatus(req.kind) && needsNoDefaulting(req.kind, sent) ? sent : defaultObject(req.kind, sent);
  if (isStale(incoming, existing)) return { cluster };
  // The server keeps these three as stored; set in this order, an absent one removed (deleting
  // a key in the middle of an object would turn it into a slow dictionary).
  const metadata = copyWith(incoming.metadata);
  metadata.uid = existing.metadata.uid;
  for (const field of ["creationTimestamp", "deletionTimestamp"] as const) {
    const value = existing.metadata[field];
    if (value !== undefined) metadata[field] = value;
    else if (Object.hasOwn(metadata, field)) delete metadata[field];
  }
  const deleting = isBeingDeleted(existing);
  if (deleting) {
    const before = new Set(existing.metadata.finalizers ?? []);
    // "no new finalizers can be added if the object is being deleted": the update is rejected.
    if ((metadata.finalizers ?? []).some((f) => !before.has(f))) return { cluster };
  }
  // What `stamp` would add (same key position: kept if sent, else last).
  metadata.resourceVersion = String(cluster.revision + 1);
  const next = { ...incoming, metadata } as AnyObject;
  if (hasStatus(req.kind)) {
    const status = (existing as StoredVolume).status;
    if (status === undefined) delete (next as StoredVolume).status;
    else (next as StoredVolume).status = status;
  }
  const removed = deleting && (metadata.finalizers ?? []).length === 0;
  return record(cluster, req, key, next, removed, true);
}

function updateStatus(cluster: Cluster, req: WriteRequest, existing: AnyObject, key: string): WriteResult {
  const incoming = req.object as StoredVolume;
  if (isStale(incoming, existing)) return { cluster };
  let status = copyWith(incoming.status);
  if (req.kind === "PersistentVolume") {
    const old = (existing as StoredVolume).status ?? {};
    const sent = status.lastPhaseTransitionTime;
    if (status.phase !== old.phase) {
      if (sent === undefined || sent === null || String(sent) === String(old.lastPhaseTransitionTime)) {
        status = copyWith(status, { lastPhaseTransitionTime: req.time });
      }
    } else if (sent === undefined || sent === null) {
      if (old.lastPhaseTransitionTime !== undefined) status = copyWith(status, { lastPhaseTransitionTime: old.lastPhaseTransitionTime });
    }
  }
  // `stamp` of `{ ...existing, status }` in one copy (the same keys in the same order).
  const metadata = copyWith(existing.metadata, { resourceVersion: String(cluster.revision + 1) });
  const next = { ...existing, status, metadata } as AnyObject;
  return record(cluster, req, key, next, false, true);
}

function remove(cluster: Cluster, req: WriteRequest, existing: AnyObject, key: string): WriteResult {
  if ((existing.metadata.finalizers ?? []).length === 0) return record(cluster, req, key, existing, true);
  if (isBeingDeleted(existing)) return { cluster };
  const next = { ...existing, metadata: copyWith(existing.metadata, { deletionTimestamp: req.time }) } as AnyObject;
  return record(cluster, req, key, next, false);
}

/**
 * Applies one write to the snapshot as the API server would. Returns the new snapshot and the
 * write record; a write is ignored (`write: undefined`) when the object sent carries an older
 * `resourceVersion` than the stored one, when it adds a finalizer to an object being deleted, or
 * when it deletes an object already being deleted.
 *
 * @throws {@link LifecycleError} `AlreadyExists` (create) / `NotFound` (update, delete); `InvalidInput` for a value that is not a snapshot, or a request without a known verb, kind or object.
 * @example
 * ```ts
 * const { cluster: next, write } = applyWrite(cluster, {
 *   verb: "delete", kind: "PersistentVolumeClaim", object: pvc, actor: "user",
 *   time: "2026-01-01T00:00:00Z", admission: true,
 * });
 * ```
 */
export function applyWrite(cluster: Cluster, req: WriteRequest): WriteResult {
  checkCluster(cluster);
  checkRequest(req);
  if (req.verb === "create") return create(cluster, req);
  const key = objectKey(req.kind, req.object);
  const existing = storedObject(cluster, req.kind, key);
  if (existing === undefined) {
    throw new LifecycleError("NotFound", notFoundMessage(req.kind, nameOf(req.object)));
  }
  if (req.verb === "update") return update(cluster, req, existing, key);
  if (req.verb === "updateStatus") return updateStatus(cluster, req, existing, key);
  return remove(cluster, req, existing, key);
}
