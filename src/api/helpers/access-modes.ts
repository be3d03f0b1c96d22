/**
 * Access-mode sets and their canonical key (the PV controller's index key, e.g. `"RWO,ROX"`).
 *
 * @module
 */
import { ACCESS_MODE_ABBREVIATIONS, ACCESS_MODES, ACCESS_MODES_BY_ABBREVIATION } from "../constants/enums.js";
import type { AccessMode, AccessModeAbbreviation } from "../types/enums.js";

/**
 * The canonical key of a set of access modes: duplicates removed, abbreviations emitted in the
 * fixed order `RWO`, `ROX`, `RWX`, `RWOP`, joined by `,` without spaces. Unknown strings are
 * ignored (as Kubernetes' `GetAccessModesAsString` does).
 *
 * @param modes - access modes in any order, possibly repeated; `undefined`/`null` means none
 * @returns the key, `""` for none
 * @example
 * ```ts
 * accessModesKey(["ReadOnlyMany", "ReadWriteOnce", "ReadWriteOnce"]); // "RWO,ROX"
 * accessModesKey([]);                                                // ""
 * ```
 */
export function accessModesKey(modes: readonly string[] | null | undefined): string {
  if (modes == null || !Array.isArray(modes) || modes.length === 0) return "";
  const parts: AccessModeAbbreviation[] = [];
  for (const mode of ACCESS_MODES) {
    if (modes.includes(mode)) parts.push(ACCESS_MODE_ABBREVIATIONS[mode]);
  }
  return parts.join(",");
}

/**
 * Parse an access-modes key (`"RWO, ROX"`): split on `,`, trim spaces, keep the four known
 * abbreviations in input order and ignore anything else (Kubernetes' `GetAccessModesFromString`;
 * repeats are kept as written).
 *
 * @param key - a comma-separated list of abbreviations
 * @returns the access modes
 * @example
 * ```ts
 * parseAccessModesKey("RWO,ROX");        // ["ReadWriteOnce", "ReadOnlyMany"]
 * parseAccessModesKey(" RWX , bogus ");  // ["ReadWriteMany"]
 * parseAccessModesKey("");               // []
 * ```
 */
export function parseAccessModesKey(key: string): AccessMode[] {
  if (typeof key !== "string" || key === "") return [];
  const modes: AccessMode[] = [];
  for (const part of key.split(",")) {
    const abbreviation = part.trim();
    if (Object.hasOwn(ACCESS_MODES_BY_ABBREVIATION, abbreviation)) {
      modes.push(ACCESS_MODES_BY_ABBREVIATION[abbreviation as AccessModeAbbreviation]);
    }
  }
  return modes;
}

/**
 * Whether every requested mode is offered (vacuously true when nothing is requested). This is
 * Kubernetes' `CheckAccessModes(claim, volume)` with `offered = volume.spec.accessModes` and
 * `requested = claim.spec.accessModes`.
 *
 * @param offered - the volume's modes
 * @param requested - the claim's modes
 * @returns `true` iff `requested ⊆ offered`
 * @example
 * ```ts
 * containsAccessModes(["ReadWriteOnce", "ReadOnlyMany"], ["ReadOnlyMany"]); // true
 * containsAccessModes(["ReadWriteOnce"], ["ReadWriteMany"]);               // false
 * containsAccessModes(["ReadWriteOnce"], []);                              // true
 * ```
 */
export function containsAccessModes(
  offered: readonly string[] | null | undefined,
  requested: readonly string[] | null | undefined,
): boolean {
  if (requested == null || !Array.isArray(requested) || requested.length === 0) return true;
  if (offered == null || !Array.isArray(offered)) return false;
  for (const mode of requested) {
    if (!offered.includes(mode)) return false;
  }
  return true;
}

/**
 * The abbreviation of one access mode (`ReadWriteOncePod` → `RWOP`), or `undefined` for an
 * unknown string.
 *
 * @param mode - an access mode
 * @returns its abbreviation
 * @example
 * ```ts
 * accessModeAbbreviation("ReadOnlyMany"); // "ROX"
 * accessModeAbbreviation("bogus");        // undefined
 * ```
 */
export function accessModeAbbreviation(mode: string): AccessModeAbbreviation | undefined {
  return typeof mode === "string" && Object.hasOwn(ACCESS_MODE_ABBREVIATIONS, mode)
    ? ACCESS_MODE_ABBREVIATIONS[mode as AccessMode]
    : undefined;
}
