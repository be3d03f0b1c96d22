/**
 * The DefaultStorageClass admission plugin: a claim created without any class (no
 * `spec.storageClassName`, no beta annotation) gets the default StorageClass.
 *
 * @module
 */
import { claimHasClass, type PersistentVolumeClaim, type StorageClass } from "../api/index.js";
import { pickDefaultStorageClass } from "../lint/index.js";
import type { JsonPatchBuilder } from "./json-patch.js";

/**
 * What the DefaultStorageClass plugin decided for one claim.
 *
 * @example
 * ```ts
 * const d: DefaultClassDecision = defaultClassForClaim(claim, classes);
 * if (d.defaultCount > 1) console.warn("several default classes");
 * ```
 */
export interface DefaultClassDecision {
  /** The class name to set, when one applies. */
  className?: string;
  /** How many classes are marked default (more than one gets a warning or, in `reject` mode, a denial). */
  defaultCount: number;
}

/**
 * Decide the class the DefaultStorageClass plugin assigns to a new claim: none when the claim
 * already names a class (even `""`, even through the beta annotation) or when no default exists.
 *
 * @example
 * ```ts
 * defaultClassForClaim({ metadata: { name: "c" }, spec: {} }, classes).className; // e.g. "standard"
 * ```
 */
export function defaultClassForClaim(claim: PersistentVolumeClaim, classes: readonly StorageClass[]): DefaultClassDecision {
  if (claimHasClass(claim)) return { defaultCount: 0 };
  const { chosen, defaults } = pickDefaultStorageClass(classes);
  const name = chosen?.metadata?.name;
  return name === undefined ? { defaultCount: defaults.length } : { className: name, defaultCount: defaults.length };
}

/**
 * Add to `patch` the operation that sets `spec.storageClassName` on the claim as received (the
 * original request object, not a defaulted copy).
 *
 * @example
 * ```ts
 * const b = new JsonPatchBuilder();
 * addStorageClassNamePatch(b, { spec: {} }, "fast"); // add /spec/storageClassName "fast"
 * ```
 */
export function addStorageClassNamePatch(patch: JsonPatchBuilder, original: unknown, className: string): JsonPatchBuilder {
  const spec = (original as { spec?: unknown } | null)?.spec;
  if (spec && typeof spec === "object" && !Array.isArray(spec)) return patch.add(["spec", "storageClassName"], className);
  return patch.add(["spec"], { storageClassName: className });
}
