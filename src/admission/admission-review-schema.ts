/**
 * zod schemas for the AdmissionReview envelope. Unknown fields are kept (the API server may add
 * fields in later releases); `object` / `oldObject` are left as unknown JSON here and checked by the
 * review against the storage kinds.
 *
 * @module
 */
import { z } from "zod";
import { ADMISSION_API_VERSION, ADMISSION_REVIEW_KIND } from "./admission-review.js";

/**
 * `metav1.GroupVersionKind`.
 *
 * @example
 * ```ts
 * GroupVersionKindSchema.parse({ group: "", version: "v1", kind: "PersistentVolume" });
 * ```
 */
export const GroupVersionKindSchema = z.lazy(() =>
  z.looseObject({
    group: z.string(),
    version: z.string(),
    kind: z.string(),
  }),
);

/**
 * `metav1.GroupVersionResource`.
 *
 * @example
 * ```ts
 * GroupVersionResourceSchema.parse({ group: "", version: "v1", resource: "persistentvolumes" });
 * ```
 */
export const GroupVersionResourceSchema = z.lazy(() =>
  z.looseObject({
    group: z.string(),
    version: z.string(),
    resource: z.string(),
  }),
);

/**
 * `admissionv1.AdmissionRequest`. `group` may be omitted by hand-written fixtures; it defaults to
 * `""` (the core group) only through {@link GroupVersionKindSchema}'s caller, so it is required here
 * as the API server always sends it.
 *
 * @example
 * ```ts
 * AdmissionRequestSchema.safeParse({ uid: "1", operation: "CREATE" }).success; // false: kind and resource missing
 * ```
 */
export const AdmissionRequestSchema = z.lazy(() =>
  z.looseObject({
    uid: z.string().min(1),
    kind: GroupVersionKindSchema,
    resource: GroupVersionResourceSchema,
    subResource: z.string().optional(),
    requestKind: GroupVersionKindSchema.optional(),
    requestResource: GroupVersionResourceSchema.optional(),
    requestSubResource: z.string().optional(),
    name: z.string().optional(),
    namespace: z.string().optional(),
    operation: z.enum(["CREATE", "UPDATE", "DELETE", "CONNECT"]),
    userInfo: z
      .looseObject({
        username: z.string().optional(),
        uid: z.string().optional(),
        groups: z.array(z.string()).optional(),
        extra: z.record(z.string(), z.array(z.string())).optional(),
      })
      .optional(),
    object: z.unknown().optional(),
    oldObject: z.unknown().optional(),
    dryRun: z.boolean().optional(),
    options: z.unknown().optional(),
  }),
);

/**
 * An incoming AdmissionReview: `apiVersion: admission.k8s.io/v1`, `kind: AdmissionReview`, and a
 * `request`. (v1beta1 reviews are rejected: configure `admissionReviewVersions: ["v1"]`.)
 *
 * @example
 * ```ts
 * const r = AdmissionReviewRequestSchema.safeParse(JSON.parse(body));
 * if (!r.success) console.log(r.error.issues[0]?.message);
 * ```
 */
export const AdmissionReviewRequestSchema = z.lazy(() =>
  z.looseObject({
    apiVersion: z.literal(ADMISSION_API_VERSION),
    kind: z.literal(ADMISSION_REVIEW_KIND),
    request: AdmissionRequestSchema,
  }),
);

const StatusSchema = z.lazy(() =>
  z.looseObject({
    status: z.enum(["Success", "Failure"]).optional(),
    message: z.string().optional(),
    reason: z.string().optional(),
    code: z.number().int().optional(),
    details: z
      .looseObject({
        name: z.string().optional(),
        group: z.string().optional(),
        kind: z.string().optional(),
        causes: z
          .array(z.looseObject({ reason: z.string().optional(), message: z.string().optional(), field: z.string().optional() }))
          .optional(),
      })
      .optional(),
  }),
);

/**
 * An outgoing AdmissionReview (what a webhook returns). Useful in tests to check a response's
 * shape, including the `patch` ⇔ `patchType` pairing the API server insists on.
 *
 * @example
 * ```ts
 * AdmissionReviewResponseSchema.parse(reviewAdmission(review, ctx));
 * ```
 */
export const AdmissionReviewResponseSchema = z.lazy(() =>
  z
    .looseObject({
      apiVersion: z.literal(ADMISSION_API_VERSION),
      kind: z.literal(ADMISSION_REVIEW_KIND),
      response: z.looseObject({
        uid: z.string().min(1),
        allowed: z.boolean(),
        status: StatusSchema.optional(),
        patch: z.string().optional(),
        patchType: z.literal("JSONPatch").optional(),
        auditAnnotations: z.record(z.string(), z.string()).optional(),
        warnings: z.array(z.string()).optional(),
      }),
    })
    .refine((r) => (r.response.patch === undefined) === (r.response.patchType === undefined), {
      message: "patch and patchType must be set together",
      path: ["response", "patchType"],
    }),
);
