/**
 * `metav1.Status` objects for the denials the validation layer does not build: 400 for objects the
 * webhook cannot read, 500 when the webhook itself fails. (422 and 403 come from the validation
 * layer's `toStatus` and `forbiddenStatus`.)
 *
 * @module
 */
import type { Status } from "../api/index.js";

/**
 * A 400 `BadRequest` status (the object in the review could not be decoded as its kind).
 *
 * @example
 * ```ts
 * admissionBadRequestStatus("object: expected an object").code; // 400
 * ```
 */
export function admissionBadRequestStatus(message: string): Status {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: "BadRequest", code: 400 };
}

/**
 * A 500 `InternalError` status: the webhook failed while reviewing (never expected; reported
 * rather than crashing).
 *
 * @example
 * ```ts
 * admissionInternalErrorStatus("boom").message; // "Internal error occurred: boom"
 * ```
 */
export function admissionInternalErrorStatus(text: string): Status {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: `Internal error occurred: ${text}`,
    reason: "InternalError",
    details: { causes: [{ message: text }] },
    code: 500,
  };
}
