/**
 * Annotation, finalizer and label keys the PV controller, scheduler and provisioners use
 * (values from Kubernetes; names as in the Go sources).
 *
 * @module
 */

/**
 * On a PVC: initial binding has completed (presence matters, the controller writes `"yes"`).
 *
 * @example
 * ```ts
 * const done = AnnBindCompleted in (pvc.metadata.annotations ?? {});
 * ```
 */
export const AnnBindCompleted = "pv.kubernetes.io/bind-completed";

/**
 * On a PV or PVC: the pointer on this object (claimRef / volumeName) was written by the controller.
 *
 * @example
 * ```ts
 * const byController = AnnBoundByController in (pv.metadata.annotations ?? {});
 * ```
 */
export const AnnBoundByController = "pv.kubernetes.io/bound-by-controller";

/**
 * On a PVC: the node the scheduler picked for a WaitForFirstConsumer claim (value: node name).
 *
 * @example
 * ```ts
 * const node = pvc.metadata.annotations?.[AnnSelectedNode];
 * ```
 */
export const AnnSelectedNode = "volume.kubernetes.io/selected-node";

/**
 * On a PVC: the provisioner expected to provision it (GA key, read before the beta key).
 *
 * @example
 * ```ts
 * const p = pvc.metadata.annotations?.[AnnStorageProvisioner] ?? pvc.metadata.annotations?.[AnnBetaStorageProvisioner];
 * ```
 */
export const AnnStorageProvisioner = "volume.kubernetes.io/storage-provisioner";

/**
 * Deprecated beta duplicate of {@link AnnStorageProvisioner}; the controller writes both.
 *
 * @example
 * ```ts
 * const p = pvc.metadata.annotations?.[AnnBetaStorageProvisioner];
 * ```
 */
export const AnnBetaStorageProvisioner = "volume.beta.kubernetes.io/storage-provisioner";

/**
 * On a PV: the provisioner that created it (marks it dynamically provisioned).
 *
 * @example
 * ```ts
 * const dynamic = AnnDynamicallyProvisioned in (pv.metadata.annotations ?? {});
 * ```
 */
export const AnnDynamicallyProvisioned = "pv.kubernetes.io/provisioned-by";

/**
 * On a PV or PVC: the CSI driver an in-tree plugin was migrated to.
 *
 * @example
 * ```ts
 * const migrated = pv.metadata.annotations?.[AnnMigratedTo];
 * ```
 */
export const AnnMigratedTo = "pv.kubernetes.io/migrated-to";

/**
 * The deprecated class annotation on a PV or PVC; when present (even `""`) it wins over
 * `spec.storageClassName`.
 *
 * @example
 * ```ts
 * const legacy = pvc.metadata.annotations?.[AnnBetaStorageClass];
 * ```
 */
export const AnnBetaStorageClass = "volume.beta.kubernetes.io/storage-class";

/**
 * On a StorageClass: it is a default class iff the value is exactly `"true"`.
 *
 * @example
 * ```ts
 * const isDefault = sc.metadata.annotations?.[AnnIsDefaultStorageClass] === "true";
 * ```
 */
export const AnnIsDefaultStorageClass = "storageclass.kubernetes.io/is-default-class";

/**
 * Beta spelling of {@link AnnIsDefaultStorageClass}, still honoured.
 *
 * @example
 * ```ts
 * const isDefault = sc.metadata.annotations?.[AnnBetaIsDefaultStorageClass] === "true";
 * ```
 */
export const AnnBetaIsDefaultStorageClass = "storageclass.beta.kubernetes.io/is-default-class";

/**
 * On a PV: when set as the claim binds, the claim's status capacity comes from this value.
 *
 * @example
 * ```ts
 * const pre = pv.metadata.annotations?.[AnnPreResizeCapacity];
 * ```
 */
export const AnnPreResizeCapacity = "volume.alpha.kubernetes.io/pre-resize-capacity";

/**
 * Legacy mount-options annotation on a PV (only allowed for some in-tree sources).
 *
 * @example
 * ```ts
 * const opts = pv.metadata.annotations?.[AnnMountOptions]?.split(",");
 * ```
 */
export const AnnMountOptions = "volume.beta.kubernetes.io/mount-options";

/**
 * StorageClass provisioner sentinel: this class cannot provision (e.g. local volumes).
 *
 * @example
 * ```ts
 * const canProvision = sc.provisioner !== NotSupportedProvisioner;
 * ```
 */
export const NotSupportedProvisioner = "kubernetes.io/no-provisioner";

/**
 * PVC finalizer: blocks deletion while a scheduled pod uses the claim.
 *
 * @example
 * ```ts
 * const protectedClaim = pvc.metadata.finalizers?.includes(FinalizerPVCProtection) ?? false;
 * ```
 */
export const FinalizerPVCProtection = "kubernetes.io/pvc-protection";

/**
 * PV finalizer: blocks deletion while the volume is Bound.
 *
 * @example
 * ```ts
 * const protectedVolume = pv.metadata.finalizers?.includes(FinalizerPVProtection) ?? false;
 * ```
 */
export const FinalizerPVProtection = "kubernetes.io/pv-protection";

/**
 * PV finalizer (HonorPVReclaimPolicy) held by the in-tree PV controller until the asset is deleted.
 *
 * @example
 * ```ts
 * const held = pv.metadata.finalizers?.includes(FinalizerPVController) ?? false;
 * ```
 */
export const FinalizerPVController = "kubernetes.io/pv-controller";

/**
 * PV finalizer held by external (CSI) provisioners until the asset is deleted.
 *
 * @example
 * ```ts
 * const held = pv.metadata.finalizers?.includes(FinalizerExternalProvisioner) ?? false;
 * ```
 */
export const FinalizerExternalProvisioner = "external-provisioner.volume.kubernetes.io/finalizer";

/**
 * The node label holding the node's hostname (used by local PV node affinity).
 *
 * @example
 * ```ts
 * const host = node.metadata.labels?.[LabelHostname];
 * ```
 */
export const LabelHostname = "kubernetes.io/hostname";
