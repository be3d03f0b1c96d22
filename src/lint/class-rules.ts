/**
 * Lint rules about StorageClasses (KV011, KV012).
 *
 * @module
 */
import type { StorageClass } from "../api/index.js";
import { isDefaultStorageClass } from "../api/helpers/index.js";
import { NotSupportedProvisioner } from "../api/constants/index.js";
import { pickDefaultStorageClass } from "./default-storage-class.js";
import type { LintContext, LintSubject } from "./lint-context.js";
import type { LintFinding } from "./lint-finding.js";
import { finding } from "./rule-table.js";

type Subject = LintSubject<StorageClass>;

/**
 * KV011: more than one class is marked default. Reported on every default except the one that
 * wins (the newest; ties by smaller name). Before Kubernetes 1.26 such a cluster rejected every
 * class-less claim with `N default StorageClasses were found`.
 *
 * @example
 * ```ts
 * multipleDefaultClasses(olderDefault, ctx)[0]?.field; // "metadata.annotations[storageclass.kubernetes.io/is-default-class]"
 * ```
 */
export function multipleDefaultClasses(s: Subject, ctx: LintContext): LintFinding[] {
  if (!isDefaultStorageClass(s.obj)) return [];
  const { chosen, defaults } = pickDefaultStorageClass([...ctx.allClasses.values()]);
  if (defaults.length < 2 || chosen?.metadata?.name === s.obj.metadata?.name) return [];
  const key =
    s.obj.metadata?.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true"
      ? "storageclass.kubernetes.io/is-default-class"
      : "storageclass.beta.kubernetes.io/is-default-class";
  return [
    finding(
      "KV011",
      s,
      `metadata.annotations[${key}]`,
      `${defaults.length} StorageClasses are marked default; "${chosen?.metadata?.name ?? ""}" (newest) is used, not this one (clusters before 1.26 reject class-less claims)`,
      `Set ${key} to "false" on every class but one.`,
    ),
  ];
}

/**
 * KV012: a `kubernetes.io/no-provisioner` class (pre-created, usually local, volumes) with
 * Immediate binding: claims bind before the pod is scheduled, often to a volume on a node the pod
 * cannot use.
 *
 * @example
 * ```ts
 * noProvisionerImmediateBinding(localClass)[0]?.field; // "volumeBindingMode"
 * ```
 */
export function noProvisionerImmediateBinding(s: Subject): LintFinding[] {
  if (s.obj.provisioner !== NotSupportedProvisioner) return [];
  const mode = s.obj.volumeBindingMode ?? "Immediate";
  if (mode !== "Immediate") return [];
  return [
    finding(
      "KV012",
      s,
      "volumeBindingMode",
      "class with kubernetes.io/no-provisioner binds Immediately; claims bind before scheduling and may pick a volume on the wrong node",
      "Set volumeBindingMode: WaitForFirstConsumer (it is immutable: recreate the class).",
    ),
  ];
}
