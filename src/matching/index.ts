/**
 * Kubernetes-exact PV/PVC matching: the checks as named predicates with reason codes, component-helpers'
 * `FindMatchingVolume`, the PV controller's `findBestMatchForClaim` and `checkVolumeSatisfyClaim`,
 * and `explainClaim`.
 *
 * @module
 */
export { MatchingError, type ClaimProblem, type ClaimProblemCode } from "./matching-error.js";
export { REASON_CODES, REASON_BITS, ALL_REASON_BITS, reasonCodesOf, type ReasonCode, type CheckFailure } from "./reason-code.js";
export { decodeVolume, decodeVolumeCached, type DecodedVolume, type VolumeDefect } from "./decoded-volume.js";
export { decodeClaim, type DecodedClaim } from "./decoded-claim.js";
export {
  checkContext,
  notExcluded,
  notClaimedByOther,
  isPreBound,
  capacitySuffices,
  volumeModeMatches,
  vacMatches,
  volumeNotDeleting,
  volumeIsAvailable,
  selectorMatches,
  classMatches,
  volumeNodeAffinityError,
  nodeAffinityFits,
  accessModesFit,
  groupOffersModes,
  passesCommonChecks,
  passesUnboundChecks,
  evaluateVolume,
  volumeEvaluator,
  CompiledChecks,
  volumeSignature,
  nodeAffinityId,
  failedCodes,
  PRE_BOUND_FLAG,
  type VolumeEvaluator,
  type EvaluationHints,
  type CheckContext,
  type MatchOptions,
} from "./checks.js";
export { describeFailure, formatClass, formatModes, inClass } from "./describe-failure.js";
export {
  findMatchingVolume,
  findMatchingDecoded,
  isBetterCandidate,
  decodeUniqueVolumes,
  decodeSearchableClaim,
} from "./find-matching-volume.js";
export { compareGroupKeys, matchingGroupKeys, groupByAccessModes } from "./access-mode-groups.js";
export { findBestMatchForClaim, findBestMatchDecoded } from "./find-best-match-for-claim.js";
export { checkVolumeSatisfyClaim } from "./check-volume-satisfy-claim.js";
export { matchVolume, type VolumeMatch, type MatchVolumeOptions } from "./match-volume.js";
export { explainClaim, type ExplainOptions } from "./explain-claim.js";
export { storageClassInfo, defaultClassName } from "./storage-class-info.js";
export { rankClosest } from "./explain-summary.js";
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
// The VolumeIndex (added by the lead; keep this line).
export { VolumeIndex, type VolumeIndexStats } from "./volume-index.js";
