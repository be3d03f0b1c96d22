/**
 * What `explainClaim` needs to know about StorageClasses.
 *
 * @module
 */
import type { StorageClass } from "../api/index.js";
import { NotSupportedProvisioner } from "../api/constants/index.js";
import { defaultStorageClass } from "../api/helpers/index.js";
import type { NodeLike } from "../labels/index.js";
import { nodeParts, topologySelectorMatches } from "../labels/index.js";
import type { StorageClassInfo } from "./claim-explanation.js";

/**
 * Looks the claim's class up in `classes` (when given). Never throws on malformed classes (they
 * are ignored).
 *
 * @example
 * ```ts
 * storageClassInfo("local", [{ metadata: { name: "local" }, provisioner: "kubernetes.io/no-provisioner" }]);
 * // with a node: also whether the class's allowedTopologies admit it (allowsNode)
 * // { name: "local", known: true, exists: true, provisioner: "kubernetes.io/no-provisioner",
 * //   volumeBindingMode: "Immediate", canProvision: false }
 * ```
 */
export function storageClassInfo(name: string, classes: readonly StorageClass[] | undefined, node?: NodeLike): StorageClassInfo {
  if (classes === undefined) return { name, known: false };
  const sc = wellFormed(classes).find((k) => k.metadata?.name === name);
  if (sc === undefined) return { name, known: true, exists: false };
  const provisioner = typeof sc.provisioner === "string" ? sc.provisioner : "";
  const info: StorageClassInfo = {
    name,
    known: true,
    exists: true,
    provisioner,
    volumeBindingMode: sc.volumeBindingMode ?? "Immediate",
    canProvision: provisioner !== "" && provisioner !== NotSupportedProvisioner,
  };
  if (node !== undefined) info.allowsNode = topologySelectorMatches(sc.allowedTopologies ?? undefined, nodeParts(node).labels ?? {});
  return info;
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
