/**
 * What `explainClaim` needs to know about StorageClasses.
 *
 * @module
 */
import type { StorageClass } from "../api/index.js";
import { NotSupportedProvisioner } from "../api/constants/index.js";
import { defaultStorageClass } from "../api/helpers/index.js";
import type { StorageClassInfo } from "./claim-explanation.js";

/**
 * Looks the claim's class up in `classes` (when given). Never throws on malformed classes (they
 * are ignored).
 *
 * @example
 * ```ts
 * storageClassInfo("local", [{ metadata: { name: "local" }, provisioner: "kubernetes.io/no-provisioner" }]);
 * // { name: "local", known: true, exists: true, provisioner: "kubernetes.io/no-provisioner",
 * //   volumeBindingMode: "Immediate", canProvision: false }
 * ```
 */
export function storageClassInfo(name: string, classes: readonly StorageClass[] | undefined): StorageClassInfo {
  if (classes === undefined) return { name, known: false };
  const sc = wellFormed(classes).find((k) => k.metadata.name === name);
  if (sc === undefined) return { name, known: true, exists: false };
  const provisioner = typeof sc.provisioner === "string" ? sc.provisioner : "";
  return {
    name,
    known: true,
    exists: true,
    provisioner,
    volumeBindingMode: sc.volumeBindingMode ?? "Immediate",
    canProvision: provisioner !== "" && provisioner !== NotSupportedProvisioner,
  };
}

function wellFormed(classes: readonly StorageClass[]): StorageClass[] {
  if (!Array.isArray(classes)) return [];
  return classes.filter((k) => typeof k === "object" && k !== null && typeof k.metadata === "object" && k.metadata !== null);
}

/**
 * The default StorageClass the PV controller would assign (`defaultStorageClass`); `undefined`
 * when none is a default or `classes` is not given.
 *
 * @example
 * ```ts
 * defaultClassName(classes); // "standard"
 * ```
 */
export function defaultClassName(classes: readonly StorageClass[] | undefined): string | undefined {
  if (classes === undefined) return undefined;
  return defaultStorageClass(wellFormed(classes))?.metadata?.name;
}
