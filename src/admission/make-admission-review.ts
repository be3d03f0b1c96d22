/**
 * Typed fixture builder for AdmissionReview requests, so tests (and curl examples) need not write
 * the envelope by hand.
 *
 * @module
 */
import {
  ADMISSION_API_VERSION,
  ADMISSION_REVIEW_KIND,
  type AdmissionOperation,
  type AdmissionReview,
  type GroupVersionKind,
  type GroupVersionResource,
  type UserInfo,
} from "./admission-review.js";

/**
 * Input of {@link makeAdmissionReview}.
 *
 * @example
 * ```ts
 * const input: MakeAdmissionReviewInput = { operation: "UPDATE", object: next, oldObject: prev, uid: "u1" };
 * ```
 */
export interface MakeAdmissionReviewInput {
  operation: AdmissionOperation;
  /** The new object (CREATE, UPDATE). */
  object?: unknown;
  /** The stored object (UPDATE, DELETE). */
  oldObject?: unknown;
  /** Default `"00000000-0000-0000-0000-000000000000"`-style uid derived from nothing: pass one in tests that check the echo. */
  uid?: string;
  /** The kind; default taken from the object's `kind` (PersistentVolume, PersistentVolumeClaim, StorageClass, ...). */
  kind?: string;
  subResource?: string;
  userInfo?: UserInfo;
  dryRun?: boolean;
}

const KNOWN: Record<string, { gvk: GroupVersionKind; gvr: GroupVersionResource }> = {
  PersistentVolume: {
    gvk: { group: "", version: "v1", kind: "PersistentVolume" },
    gvr: { group: "", version: "v1", resource: "persistentvolumes" },
  },
  PersistentVolumeClaim: {
    gvk: { group: "", version: "v1", kind: "PersistentVolumeClaim" },
    gvr: { group: "", version: "v1", resource: "persistentvolumeclaims" },
  },
  StorageClass: {
    gvk: { group: "storage.k8s.io", version: "v1", kind: "StorageClass" },
    gvr: { group: "storage.k8s.io", version: "v1", resource: "storageclasses" },
  },
  Pod: { gvk: { group: "", version: "v1", kind: "Pod" }, gvr: { group: "", version: "v1", resource: "pods" } },
};

function field(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const p of path) cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[p] : undefined;
  return cur;
}

/**
 * Build an `admission.k8s.io/v1` AdmissionReview request around an object, filling `kind`,
 * `resource`, `name` and `namespace` as the API server would. Unknown kinds get a guessed
 * lower-case plural resource in the core group.
 *
 * @example
 * ```ts
 * const review = makeAdmissionReview({ operation: "CREATE", uid: "u1", object: claim });
 * reviewAdmission(review, { storageClasses: [] }).response.uid; // "u1"
 * ```
 */
export function makeAdmissionReview(input: MakeAdmissionReviewInput): AdmissionReview {
  const subject = input.object ?? input.oldObject;
  const kindName =
    input.kind ?? (typeof field(subject, "kind") === "string" ? (field(subject, "kind") as string) : "PersistentVolumeClaim");
  const known = KNOWN[kindName] ?? {
    gvk: { group: "", version: "v1", kind: kindName },
    gvr: { group: "", version: "v1", resource: kindName.toLowerCase() + "s" },
  };
  const name = field(subject, "metadata", "name");
  const namespace = field(subject, "metadata", "namespace");
  const request: NonNullable<AdmissionReview["request"]> = {
    uid: input.uid ?? "705ab4f5-6393-11e8-b7cc-42010a800002",
    kind: { ...known.gvk },
    resource: { ...known.gvr },
    requestKind: { ...known.gvk },
    requestResource: { ...known.gvr },
    operation: input.operation,
    userInfo: input.userInfo ?? { username: "admin", groups: ["system:authenticated"] },
    dryRun: input.dryRun ?? false,
  };
  if (typeof name === "string") request.name = name;
  if (typeof namespace === "string") request.namespace = namespace;
  if (input.subResource) {
    request.subResource = input.subResource;
    request.requestSubResource = input.subResource;
  }
  if (input.object !== undefined) request.object = input.object;
  if (input.oldObject !== undefined) request.oldObject = input.oldObject;
  return { apiVersion: ADMISSION_API_VERSION, kind: ADMISSION_REVIEW_KIND, request };
}
