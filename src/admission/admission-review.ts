/**
 * The `admission.k8s.io/v1` AdmissionReview wire types, as the API server sends them to a webhook
 * and expects them back. Hand-written to mirror the Go types' JSON shape.
 *
 * @module
 */
import type { Status } from "../api/index.js";

/**
 * `admission.k8s.io/v1`: the only AdmissionReview version this package speaks.
 *
 * @example
 * ```ts
 * review.apiVersion === ADMISSION_API_VERSION; // "admission.k8s.io/v1"
 * ```
 */
export const ADMISSION_API_VERSION = "admission.k8s.io/v1";
/**
 * The kind of both the request and the response envelope.
 *
 * @example
 * ```ts
 * review.kind === ADMISSION_REVIEW_KIND; // "AdmissionReview"
 * ```
 */
export const ADMISSION_REVIEW_KIND = "AdmissionReview";

/**
 * The operation the API server is admitting. `CONNECT` is accepted and always allowed.
 *
 * @example
 * ```ts
 * const op: AdmissionOperation = review.request!.operation; // "CREATE"
 * ```
 */
export type AdmissionOperation = "CREATE" | "UPDATE" | "DELETE" | "CONNECT";

/**
 * `metav1.GroupVersionKind` as admission sends it (`{ group: "", version: "v1", kind: "PersistentVolume" }`).
 *
 * @example
 * ```ts
 * const gvk: GroupVersionKind = { group: "storage.k8s.io", version: "v1", kind: "StorageClass" };
 * ```
 */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/**
 * `metav1.GroupVersionResource` (`{ group: "", version: "v1", resource: "persistentvolumeclaims" }`).
 *
 * @example
 * ```ts
 * const gvr: GroupVersionResource = { group: "", version: "v1", resource: "persistentvolumeclaims" };
 * ```
 */
export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

/**
 * `authenticationv1.UserInfo`: who made the request.
 *
 * @example
 * ```ts
 * const who: UserInfo = { username: "system:serviceaccount:kube-system:pv-controller", groups: ["system:serviceaccounts"] };
 * ```
 */
export interface UserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

/**
 * `admissionv1.AdmissionRequest`: the question. `object`/`oldObject` are raw Kubernetes JSON.
 *
 * @example
 * ```ts
 * const req: AdmissionRequest = makeAdmissionReview({ operation: "CREATE", object: claim }).request!;
 * req.uid; // echo it in the response
 * ```
 */
export interface AdmissionRequest {
  /** Echoed in the response; identifies this round trip. */
  uid: string;
  kind: GroupVersionKind;
  resource: GroupVersionResource;
  subResource?: string;
  requestKind?: GroupVersionKind;
  requestResource?: GroupVersionResource;
  requestSubResource?: string;
  name?: string;
  namespace?: string;
  operation: AdmissionOperation;
  userInfo?: UserInfo;
  /** The new object (CREATE, UPDATE); absent for DELETE. */
  object?: unknown;
  /** The existing object (UPDATE, DELETE). */
  oldObject?: unknown;
  dryRun?: boolean;
  options?: unknown;
}

/**
 * `admissionv1.AdmissionResponse`: the answer.
 *
 * @example
 * ```ts
 * const res: AdmissionResponse = { uid: req.uid, allowed: false, status: { code: 403, message: "no" } };
 * ```
 */
export interface AdmissionResponse {
  /** Always equal to `request.uid`. */
  uid: string;
  allowed: boolean;
  /** Shown to the user when `allowed` is false. */
  status?: Status;
  /** Base64 of a JSON Patch (RFC 6902) document; only with `patchType`. */
  patch?: string;
  patchType?: "JSONPatch";
  auditAnnotations?: Record<string, string>;
  /** Shown to the user as warnings; keep each under 120 characters. */
  warnings?: string[];
}

/**
 * The envelope, both ways: a request carries `request`, a response carries `response`.
 *
 * @example
 * ```ts
 * const review: AdmissionReview = JSON.parse(body);
 * review.request?.kind.kind; // "PersistentVolumeClaim"
 * ```
 */
export interface AdmissionReview {
  apiVersion: typeof ADMISSION_API_VERSION;
  kind: typeof ADMISSION_REVIEW_KIND;
  request?: AdmissionRequest;
  response?: AdmissionResponse;
}

/**
 * An AdmissionReview that carries a response (what a webhook returns).
 *
 * @example
 * ```ts
 * const out: AdmissionReviewResponse = reviewAdmission(review, ctx);
 * out.response.allowed;
 * ```
 */
export interface AdmissionReviewResponse extends AdmissionReview {
  response: AdmissionResponse;
}
