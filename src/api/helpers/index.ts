export {
  claimClass,
  claimHasClass,
  isDefaultStorageClass,
  volumeClass,
  type ClaimClassSource,
  type DefaultClassSource,
  type VolumeClassSource,
} from "./storage-class.js";
export {
  accessModeAbbreviation,
  accessModesKey,
  containsAccessModes,
  parseAccessModesKey,
} from "./access-modes.js";
export {
  claimRequest,
  volumeCapacity,
  type ClaimRequestSource,
  type VolumeCapacitySource,
} from "./capacity.js";
export {
  claimKey,
  claimRefPointsAt,
  isVolumeBoundToClaim,
  type ClaimIdentity,
  type VolumeClaimRefSource,
} from "./binding.js";
export {
  volumeModeOf,
  type VolumeModeSource,
} from "./volume-mode.js";
export {
  isDeleting,
  type DeletionSource,
} from "./deletion.js";
export {
  numberToQuantityText,
  quantityText,
  trimQuantityText,
} from "./quantity-text.js";
export { timestampMillis } from "./timestamp.js";
export {
  claimKeysInOrder,
  compareClaimOrder,
  type ClaimOrderSource,
} from "./claim-order.js";
export {
  defaultStorageClass,
  defaultStorageClasses,
  type DefaultCandidate,
} from "./default-class.js";
export {
  claimIsForPod,
  ephemeralClaimName,
  podClaimNames,
  podIsShutDown,
  podUsesClaim,
  type ClaimOwnerSource,
  type PodClaimSource,
} from "./pod-claims.js";
