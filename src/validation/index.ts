/**
 * `kubevol/validation`: the API server's rules for PersistentVolume, PersistentVolumeClaim and
 * StorageClass on create, update and status update, returning Kubernetes-exact field errors; the
 * warnings it attaches; and the Status objects it answers with.
 *
 * @module
 */
export {
  FieldError,
  aggregateMessage,
  child,
  duplicate,
  fieldErrorDisplay,
  forbidden,
  goQuote,
  index,
  internalError,
  invalid,
  key,
  notFound,
  notSupported,
  renderValue,
  required,
  supportedValues,
  tooLong,
  tooMany,
  typeInvalid,
  type FieldErrorType,
} from "../field/index.js";
export {
  defaultValidationOptions,
  resolveValidationOptions,
  type ValidationOptions,
} from "./options.js";
export { validateObjectMeta, validateObjectMetaUpdate, annotationErrors } from "./object-meta.js";
export {
  validatePersistentVolume,
  validatePersistentVolumeSpec,
  validatePersistentVolumeUpdate,
  validatePersistentVolumeStatusUpdate,
  cleanPath,
} from "./persistent-volume.js";
export {
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeClaimStatusUpdate,
} from "./persistent-volume-claim.js";
export { normalizeDataSources, prepareClaimSpec } from "./data-sources.js";
export { validateStorageClass, validateStorageClassUpdate } from "./storage-class.js";
export { persistentVolumeWarnings, persistentVolumeClaimWarnings, storageClassWarnings } from "./warnings.js";
export { toStatus, forbiddenStatus, uniqueErrors, type Status, type StatusCause, type StatusDetails, type GroupKind } from "./status.js";
