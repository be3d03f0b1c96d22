/**
 * Storage class resolution for claims and volumes, and default-class detection
 * (component-helpers `GetPersistentVolumeClaimClass` & co.).
 *
 * @module
 */
import { AnnBetaIsDefaultStorageClass, AnnBetaStorageClass, AnnIsDefaultStorageClass } from "../constants/annotations.js";

/**
 * The least a claim needs for class resolution (a full `PersistentVolumeClaim` fits).
 *
 * @example
 * ```ts
 * const c: ClaimClassSource = { metadata: {}, spec: { storageClassName: "fast" } };
 * ```
 */
export interface ClaimClassSource {
  metadata?: { annotations?: Readonly<Record<string, string>> | null } | null;
  spec?: { storageClassName?: string | null } | null;
}

/**
 * The least a volume needs for class resolution (a full `PersistentVolume` fits).
 *
 * @example
 * ```ts
 * const v: VolumeClassSource = { metadata: { annotations: { "volume.beta.kubernetes.io/storage-class": "slow" } } };
 * ```
 */
export interface VolumeClassSource {
  metadata?: { annotations?: Readonly<Record<string, string>> | null } | null;
  spec?: { storageClassName?: string | null } | null;
}

/**
 * The least a class needs for default detection (a full `StorageClass` fits).
 *
 * @example
 * ```ts
 * const s: DefaultClassSource = { metadata: { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } };
 * ```
 */
export interface DefaultClassSource {
  metadata?: { annotations?: Readonly<Record<string, string>> | null } | null;
}

/** The annotation's value when the key is present (own property), else `undefined`. */
function betaClassAnnotation(meta: { annotations?: Readonly<Record<string, string>> | null } | null | undefined): string | undefined {
  const annotations = meta?.annotations;
  if (annotations == null || !Object.hasOwn(annotations, AnnBetaStorageClass)) return undefined;
  const value: unknown = annotations[AnnBetaStorageClass];
  return typeof value === "string" ? value : "";
}

/**
 * The class a claim asks for: the beta annotation `volume.beta.kubernetes.io/storage-class` when
 * present (even when its value is `""`), else `spec.storageClassName`, else `""`. For matching,
 * absent and `""` both mean "no class" (only class-less volumes).
 *
 * @param pvc - the claim (only annotations and `spec.storageClassName` are read)
 * @returns the class name, `""` for none
 * @example
 * ```ts
 * claimClass({ metadata: {}, spec: { storageClassName: "fast" } });                       // "fast"
 * claimClass({ metadata: {}, spec: {} });                                                 // ""
 * claimClass({ metadata: { annotations: { "volume.beta.kubernetes.io/storage-class": "" } }, spec: { storageClassName: "fast" } }); // ""
 * ```
 */
export function claimClass(pvc: ClaimClassSource): string {
  const beta = betaClassAnnotation(pvc?.metadata);
  if (beta !== undefined) return beta;
  const name = pvc?.spec?.storageClassName;
  return typeof name === "string" ? name : "";
}

/**
 * The class of a volume: the beta annotation when present (even `""`), else
 * `spec.storageClassName` (`""` when absent).
 *
 * @param pv - the volume
 * @returns the class name, `""` for none
 * @example
 * ```ts
 * volumeClass({ metadata: {}, spec: { storageClassName: "fast" } });   // "fast"
 * volumeClass({ metadata: { annotations: { "volume.beta.kubernetes.io/storage-class": "slow" } }, spec: { storageClassName: "fast" } }); // "slow"
 * ```
 */
export function volumeClass(pv: VolumeClassSource): string {
  const beta = betaClassAnnotation(pv?.metadata);
  if (beta !== undefined) return beta;
  const name = pv?.spec?.storageClassName;
  return typeof name === "string" ? name : "";
}

/**
 * Whether a claim states a class at all: the beta annotation key exists (any value, `""` included)
 * or `spec.storageClassName` is non-null (`""` included). Only claims without a class get the
 * default class (at admission or retroactively).
 *
 * @param pvc - the claim
 * @returns `false` only when neither the annotation nor `storageClassName` is set
 * @example
 * ```ts
 * claimHasClass({ metadata: {}, spec: {} });                              // false
 * claimHasClass({ metadata: {}, spec: { storageClassName: null } });      // false
 * claimHasClass({ metadata: {}, spec: { storageClassName: "" } });        // true
 * ```
 */
export function claimHasClass(pvc: ClaimClassSource): boolean {
  if (betaClassAnnotation(pvc?.metadata) !== undefined) return true;
  const name = pvc?.spec?.storageClassName;
  return name !== undefined && name !== null;
}

/**
 * Whether a StorageClass is marked default: `storageclass.kubernetes.io/is-default-class` or its
 * beta spelling has exactly the value `"true"` (not `"True"`, not `"yes"`).
 *
 * @param sc - the class
 * @returns whether either annotation is exactly `"true"`
 * @example
 * ```ts
 * isDefaultStorageClass({ metadata: { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } }); // true
 * isDefaultStorageClass({ metadata: { annotations: { "storageclass.kubernetes.io/is-default-class": "True" } } }); // false
 * ```
 */
export function isDefaultStorageClass(sc: DefaultClassSource): boolean {
  const annotations = sc?.metadata?.annotations;
  if (annotations == null) return false;
  return (
    (Object.hasOwn(annotations, AnnIsDefaultStorageClass) && annotations[AnnIsDefaultStorageClass] === "true") ||
    (Object.hasOwn(annotations, AnnBetaIsDefaultStorageClass) && annotations[AnnBetaIsDefaultStorageClass] === "true")
  );
}
