/**
 * The API server's `Status` answers for rejected requests: 422 Invalid (validation errors) and
 * 403 Forbidden (admission rejections): kubernetes/apimachinery pkg/api/errors/errors.go (`NewInvalid`, `NewForbidden`).
 *
 * @module
 */
import { aggregateMessage, type FieldError, type FieldErrorType, goQuote, isFieldErrorLike } from "../field/index.js";
import { str } from "../labels/strings.js";

/**
 * One `StatusCause` (one per field error, not de-duplicated).
 * @example
 * ```ts
 * const c: StatusCause = { reason: "FieldValueRequired", message: "Required value", field: "spec.capacity" };
 * ```
 */
export interface StatusCause {
  /** The machine type, e.g. `FieldValueRequired`. */
  reason: FieldErrorType;
  /** The error body without the path, e.g. `Required value`. */
  message: string;
  /** The field path, e.g. `spec.accessModes`. */
  field: string;
}

/**
 * `StatusDetails` of a failure.
 * @example
 * ```ts
 * toStatus(errs, "StorageClass", "fast").details.group; // "storage.k8s.io"
 * ```
 */
export interface StatusDetails {
  /** The object's name (omitted when empty). */
  name?: string;
  /** The API group (omitted for the core group). */
  group?: string;
  /** The kind (422) or the resource plural (403). */
  kind: string;
  /** One cause per validation error (422 only). */
  causes?: StatusCause[];
}

/**
 * A `meta/v1` Status object as the API server returns it for a failed request.
 * @example
 * ```ts
 * const s: Status = toStatus([required("spec.capacity")], "PersistentVolume", "pv1");
 * s.code; // 422
 * ```
 */
export interface Status {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure";
  message: string;
  reason: "Invalid" | "Forbidden";
  details: StatusDetails;
  code: 422 | 403;
}

/**
 * A kind with its API group; plain kind names of the storage kinds are recognised.
 * @example
 * ```ts
 * toStatus(errs, { group: "snapshot.storage.k8s.io", kind: "VolumeSnapshot" }, "snap").message;
 * // 'VolumeSnapshot.snapshot.storage.k8s.io "snap" is invalid: ...'
 * ```
 */
export interface GroupKind {
  /** API group, `""` for the core group. */
  group: string;
  /** Kind, e.g. `StorageClass`. */
  kind: string;
}

const KNOWN_GROUPS: Readonly<Record<string, string>> = {
  PersistentVolume: "",
  PersistentVolumeClaim: "",
  Pod: "",
  Node: "",
  StorageClass: "storage.k8s.io",
  VolumeAttributesClass: "storage.k8s.io",
  CSIDriver: "storage.k8s.io",
  CSINode: "storage.k8s.io",
  CSIStorageCapacity: "storage.k8s.io",
  VolumeAttachment: "storage.k8s.io",
  VolumeSnapshot: "snapshot.storage.k8s.io",
  VolumeSnapshotContent: "snapshot.storage.k8s.io",
  VolumeSnapshotClass: "snapshot.storage.k8s.io",
};

function toGroupKind(kind: string | GroupKind): GroupKind {
  if (typeof kind !== "string") {
    const gk = (typeof kind === "object" && kind !== null ? kind : {}) as Partial<GroupKind>;
    return { group: str(gk.group), kind: str(gk.kind) };
  }
  return { group: Object.hasOwn(KNOWN_GROUPS, kind) ? KNOWN_GROUPS[kind]! : "", kind };
}

/**
 * Build the 422 `Status` the API server returns for validation errors: message
 * `<Kind>[.<group>] "<name>" is invalid: <aggregate>` (the aggregate de-duplicates), one cause per
 * error (not de-duplicated). `kind` is a kind name (`"PersistentVolume"`, `"StorageClass"`, ...;
 * the group of the storage kinds is known) or an explicit `{ group, kind }`.
 *
 * @example
 * ```ts
 * toStatus([required("spec.resources[storage]")], "PersistentVolumeClaim", "c").message;
 * // 'PersistentVolumeClaim "c" is invalid: spec.resources[storage]: Required value'
 * toStatus(errs, "StorageClass", "fast").message; // 'StorageClass.storage.k8s.io "fast" is invalid: ...'
 * ```
 */
export function toStatus(errors: readonly FieldError[], kind: string | GroupKind, name: string): Status {
  // Only FieldErrors make causes; a name that is not a string is no name.
  errors = Array.isArray(errors) ? errors.filter(isFieldErrorLike) : [];
  name = str(name);
  const gk = toGroupKind(kind);
  const qualified = gk.group === "" ? gk.kind : `${gk.kind}.${gk.group}`;
  const aggregate = aggregateMessage(errors);
  // key order as Go marshals StatusDetails: name, group, kind, causes
  const details = {
    ...(name !== "" ? { name } : {}),
    ...(gk.group !== "" ? { group: gk.group } : {}),
    kind: gk.kind,
    causes: errors.map((e): StatusCause => ({ reason: e.type, message: e.body(), field: e.field })),
  } as StatusDetails;
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: aggregate === "" ? `${qualified} ${goQuote(name)} is invalid` : `${qualified} ${goQuote(name)} is invalid: ${aggregate}`,
    reason: "Invalid",
    details,
    code: 422,
  };
}

/**
 * Build the 403 `Status` of an admission rejection: message
 * `<resource>[.<group>] "<name>" is forbidden: <text>` (`<resource> is forbidden: ...` without a
 * name), details `{ name, group, kind: <resource> }`.
 *
 * @param resource - the resource plural, e.g. `persistentvolumeclaims`
 * @example
 * ```ts
 * forbiddenStatus("persistentvolumeclaims", "data", "Only bound persistent volume claims can be expanded").message;
 * // 'persistentvolumeclaims "data" is forbidden: Only bound persistent volume claims can be expanded'
 * ```
 */
export function forbiddenStatus(resource: string, name: string, text: string, group = ""): Status {
  [resource, name, group] = [str(resource), str(name), str(group)];
  const why = str(text);
  const qualified = group === "" ? resource : `${resource}.${group}`;
  let message: string;
  if (qualified === "") message = `forbidden: ${why}`;
  else if (name === "") message = `${qualified} is forbidden: ${why}`;
  else message = `${qualified} ${goQuote(name)} is forbidden: ${why}`;
  const details = { ...(name !== "" ? { name } : {}), ...(group !== "" ? { group } : {}), kind: resource } as StatusDetails;
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: "Forbidden", details, code: 403 };
}

/**
 * Drop repeated errors (same rendered text), keeping the first: what the aggregated message shows.
 * Useful after update validators, which repeat create-validation causes as the API server does.
 *
 * @example
 * ```ts
 * uniqueErrors([required("a"), required("a")]).length; // 1
 * ```
 */
export function uniqueErrors(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const s = e.toString();
    if (seen.has(s)) return false;
    seen.add(s);
    return true;
  });
}
