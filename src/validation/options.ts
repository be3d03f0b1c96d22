/**
 * The feature gates that change the API server's storage validation rules, with today's
 * Kubernetes defaults.
 *
 * @module
 */

/**
 * Feature gates (and pipeline switches) that change what the validators accept. Every field is
 * optional when passed to a validator; missing ones take {@link defaultValidationOptions}.
 *
 * @example
 * ```ts
 * const opts: Partial<ValidationOptions> = { recoverVolumeExpansionFailure: false };
 * validatePersistentVolumeClaimUpdate(next, prev, opts);
 * ```
 */
export interface ValidationOptions {
  /**
   * `VolumeAttributesClass` (GA in v1.34, on by default): validate `volumeAttributesClassName` on
   * PVs and PVCs and allow changing it. When off, the field is dropped on create (unless the old
   * object already used it) and every change is forbidden.
   */
  volumeAttributesClass: boolean;
  /**
   * `RecoverVolumeExpansionFailure` (GA in v1.34, on by default): a bound claim's request may be
   * lowered again, as long as it stays above `status.capacity`. Forced on for an update when the
   * old claim already carries `status.allocatedResources` / `allocatedResourceStatuses`.
   */
  recoverVolumeExpansionFailure: boolean;
  /**
   * `AnyVolumeDataSource` (GA in v1.33, on by default): `dataSourceRef` is kept and
   * `dataSource`/`dataSourceRef` are normalised into each other (kubernetes/kubernetes pkg/api/persistentvolumeclaim/util.go, `NormalizeDataSources`). When off,
   * `dataSourceRef` is dropped unless the old claim used it.
   */
  anyVolumeDataSource: boolean;
  /**
   * `CrossNamespaceVolumeDataSource` (alpha, off by default): when off, a `dataSourceRef` with a
   * namespace is dropped unless the old claim already had a `dataSourceRef`.
   */
  crossNamespaceVolumeDataSource: boolean;
  /**
   * Apply the API server's field drops and data-source fix-ups before validating (what
   * `PrepareForCreate` / `PrepareForUpdate` do for PVCs and PVs). On by default, so the result is
   * what a real API server answers; turn off to validate an object exactly as given.
   */
  prepare: boolean;
}

/**
 * The defaults of a current Kubernetes release (v1.34/v1.35): VolumeAttributesClass,
 * RecoverVolumeExpansionFailure and AnyVolumeDataSource on, CrossNamespaceVolumeDataSource off,
 * server-side preparation applied.
 *
 * @example
 * ```ts
 * defaultValidationOptions.volumeAttributesClass; // true
 * ```
 */
export const defaultValidationOptions: Readonly<ValidationOptions> = Object.freeze({
  volumeAttributesClass: true,
  recoverVolumeExpansionFailure: true,
  anyVolumeDataSource: true,
  crossNamespaceVolumeDataSource: false,
  prepare: true,
});

/**
 * Fill the missing options with the defaults (non-boolean values are ignored).
 *
 * @example
 * ```ts
 * resolveValidationOptions({ volumeAttributesClass: false }).recoverVolumeExpansionFailure; // true
 * ```
 */
export function resolveValidationOptions(opts?: Partial<ValidationOptions> | null): ValidationOptions {
  if (opts === undefined || opts === null || typeof opts !== "object") return defaultValidationOptions;
  const pick = (k: keyof ValidationOptions): boolean => (typeof opts[k] === "boolean" ? (opts[k] as boolean) : defaultValidationOptions[k]);
  return {
    volumeAttributesClass: pick("volumeAttributesClass"),
    recoverVolumeExpansionFailure: pick("recoverVolumeExpansionFailure"),
    anyVolumeDataSource: pick("anyVolumeDataSource"),
    crossNamespaceVolumeDataSource: pick("crossNamespaceVolumeDataSource"),
    prepare: pick("prepare"),
  };
}
