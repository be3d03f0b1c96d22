/**
 * Which StorageClass is the default when several are marked so (shared by the lint and the
 * DefaultStorageClass admission plugin).
 *
 * @module
 */
import type { StorageClass } from "../api/index.js";
import { defaultStorageClasses } from "../api/helpers/index.js";

/**
 * The outcome of choosing a default class among many.
 *
 * @example
 * ```ts
 * const { chosen, defaults }: DefaultStorageClassChoice = pickDefaultStorageClass(classes);
 * ```
 */
export interface DefaultStorageClassChoice {
  /** The class new class-less claims get; undefined when no class is marked default. */
  chosen: StorageClass | undefined;
  /** Every class marked default, newest first (ties by ascending name). */
  defaults: StorageClass[];
}

/**
 * Choose the default StorageClass as current Kubernetes does: among the classes annotated
 * `storageclass.kubernetes.io/is-default-class: "true"` (or the beta key), the newest
 * `creationTimestamp` wins; equal timestamps are broken by the smaller name.
 *
 * @example
 * ```ts
 * const { chosen, defaults } = pickDefaultStorageClass(classes);
 * if (defaults.length > 1) console.warn(`${defaults.length} defaults, using ${chosen!.metadata.name}`);
 * ```
 */
export function pickDefaultStorageClass(classes: readonly StorageClass[]): DefaultStorageClassChoice {
  const defaults = defaultStorageClasses(classes);
  return { chosen: defaults[0], defaults };
}
