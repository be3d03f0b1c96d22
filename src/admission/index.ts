/**
 * `kubevol/admission`: AdmissionReview v1 handling for the storage kinds — validation, the default
 * StorageClass, the protection finalizers, resize checks, JSON Patch — and a `node:http` handler. It
 * parses requests with zod, so it is exported from this subpath only, not from the root `kubevol`.
 *
 * @module
 */
export {
  ADMISSION_API_VERSION,
  ADMISSION_REVIEW_KIND,
  type AdmissionOperation,
  type AdmissionRequest,
  type AdmissionResponse,
  type AdmissionReview,
  type AdmissionReviewResponse,
  type GroupVersionKind,
  type GroupVersionResource,
  type UserInfo,
} from "./admission-review.js";
export {
  AdmissionRequestSchema,
  AdmissionReviewRequestSchema,
  AdmissionReviewResponseSchema,
  GroupVersionKindSchema,
  GroupVersionResourceSchema,
} from "./admission-review-schema.js";
export {
  JsonPatchBuilder,
  JsonPatchError,
  applyJsonPatch,
  decodeJsonPatch,
  encodeJsonPatch,
  escapePointerToken,
  jsonPointer,
  parseJsonPointer,
  unescapePointerToken,
  type JsonPatchOperation,
} from "./json-patch.js";
export {
  admissionBadRequestStatus,
  admissionInternalErrorStatus,
} from "./status.js";
export {
  MAX_WARNING_LENGTH,
  fitWarning,
  fitWarnings,
} from "./warnings.js";
export {
  STORAGE_KINDS,
  applyStorageDefaults,
  decodeStorageObject,
  storageKindOf,
  type DecodeResult,
  type StorageKind,
  type StorageKindInfo,
  type StorageObjectOf,
} from "./storage-kinds.js";
export {
  addStorageClassNamePatch,
  defaultClassForClaim,
  type DefaultClassDecision,
} from "./default-storage-class.js";
export {
  addFinalizerPatch,
  protectionFinalizerFor,
} from "./storage-object-in-use-protection.js";
export {
  RESIZE_NOT_ALLOWED_MESSAGE,
  RESIZE_NOT_BOUND_MESSAGE,
  checkClaimResize,
} from "./persistent-volume-claim-resize.js";
export {
  storageObjectWarnings,
  validateStorageObject,
  validateStorageObjectUpdate,
} from "./validation-adapter.js";
export {
  AdmissionReviewError,
  parseAdmissionReview,
  podsUsingClaim,
  reviewAdmission,
  type AdmissionContext,
  type AdmissionMode,
  type AdmissionOptions,
} from "./review.js";
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_ROUTES,
  createAdmissionHandler,
  type AdmissionContextSource,
  type AdmissionHandlerOptions,
  type AdmissionRequestLog,
} from "./http-handler.js";
export {
  makeAdmissionReview,
  type MakeAdmissionReviewInput,
} from "./make-admission-review.js";
