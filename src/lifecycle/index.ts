/**
 * The PV controller's lifecycle as pure functions ("side effects as data"): an immutable
 * {@link Cluster} snapshot goes in; the new snapshot, the API writes (in Kubernetes' order), the
 * events (Kubernetes' reasons and messages) and the asynchronous operations started come out.
 *
 * @module
 */
export { LifecycleError, type LifecycleErrorCode } from "./errors.js";
export { formatTime, timeValue } from "./time.js";
export { DistinctEvents, type EventObjectRef, type LifecycleEvent, EventReasons, eventKey } from "./event.js";
export {
  type Operation,
  type OperationKind,
  type OperationOutcome,
  provisionOperationId,
  volumeOperationId,
} from "./operation.js";
export type { ObjectKind, Write, WriteActor, WriteVerb } from "./write.js";
export type { LifecycleContext } from "./context.js";
export type { LifecycleResult } from "./result.js";
export {
  type Cluster,
  type ClusterInit,
  type CreateClusterOptions,
  type VolumeAttachment,
  createCluster,
  objectKey,
  getObject,
  checkCluster,
} from "./cluster.js";
export {
  applyWrite,
  notFoundMessage,
  listerNotFoundMessage,
  type WriteRequest,
  type WriteResult,
} from "./api-server.js";
export type { StoredObject, StoredObjects, StoredVolume, StoredClaim, StoredClass, StoredPod, StoredNode } from "./stored.js";
export { defaultVolume, defaultClaim, defaultStorageClassFields, defaultPod, defaultNode, defaultObject } from "./defaulting.js";
export { deterministicUid } from "./uid.js";
export { defaultStorageClass } from "./default-class.js";
export { isDelayBindingMode } from "./delay-binding.js";
export { claimReference, getBindVolumeToClaim } from "./bind.js";
export { podClaimNames, isPodTerminated, podsReferencingClaim, podUsesClaim, isClaimInUse } from "./pods.js";
export { provisionVolume, type ProvisionVolumeOptions, type ProvisioningNode } from "./provision-volume.js";
export { isVolumeReleased } from "./reclaim.js";
export { syncClaim } from "./sync-claim.js";
export { syncVolume, desiredDeletionFinalizers } from "./sync-volume.js";
export { syncClaimProtection, syncVolumeProtection } from "./protection.js";
export { completeOperation } from "./complete-operation.js";
export { reconcile, type ReconcileOptions, type ReconcileResult } from "./reconcile.js";
export { pvPhaseTransitions, pvcPhaseTransitions, canTransition, type PhaseTransition } from "./phases.js";
export {
  createClaim,
  updateClaim,
  deleteClaim,
  createVolume,
  updateVolume,
  deleteVolume,
  createPod,
  updatePod,
  deletePod,
  createClass,
  updateClass,
  deleteClass,
  createNode,
  deleteNode,
} from "./actions.js";
