/**
 * Kubernetes-exact PV/PVC matching: the checks as named predicates with reason codes, component-helpers'
 * `FindMatchingVolume`, the PV controller's `findBestMatchForClaim` and `checkVolumeSatisfyClaim`,
 * `matchVolume` for one pair, the `VolumeIndex`, and `explainClaim` / `PoolExplainer`.
 *
 * @module
 */
export { MatchingError, type ClaimProblem, type ClaimProblemCode } from "./matching-error.js";
export { REASON_CODES, REASON_BITS, reasonCodesOf, type ReasonCode, type CheckFailure } from "./reason-code.js";
export { decodeVolume, type DecodedVolume, type VolumeDefect } from "./decoded-volume.js";
export { decodeClaim, type DecodedClaim } from "./decoded-claim.js";
export {
  checkContext,
  volumeIsReadable,
  notExcluded,
  isPreBound,
  notClaimedByOther,
  capacityIsReadable,
  capacitySuffices,
  volumeModeMatches,
  vacMatches,
  volumeNotDeleting,
  bindingNotDelayed,
  volumeIsAvailable,
  selectorMatches,
  classMatches,
  volumeNodeAffinityError,
  nodeAffinityFits,
  accessModesFit,
  groupOffersModes,
  checkVolume,
  evaluateVolume,
  failedCodes,
  type CheckContext,
  type MatchOptions,
  type MatchPath,
} from "./checks.js";
export { findMatchingVolume } from "./find-matching-volume.js";
export { findBestMatchForClaim } from "./find-best-match-for-claim.js";
export { compareGroupKeys, matchingGroupKeys } from "./access-mode-groups.js";
export { isBetterCandidate } from "./search.js";
export { checkVolumeSatisfyClaim } from "./check-volume-satisfy-claim.js";
export { matchVolume, type VolumeMatch, type MatchVolumeOptions } from "./match-volume.js";
export { explainClaim } from "./explain-claim.js";
export { PoolExplainer, type ExplainOptions, type PoolExplainerStats } from "./pool-explainer.js";
export { storageClassInfo } from "./storage-class-info.js";
export type {
  ExplainMode,
  MatchReasonCode,
  LossCode,
  ClaimInfo,
  VolumeVerdict,
  AccessModeGroupInfo,
  StorageClassInfo,
  VolumeNameCheck,
  ClosestCandidate,
  ClaimExplanation,
} from "./claim-explanation.js";
export { VolumeIndex, type VolumeIndexStats } from "./volume-index.js";
