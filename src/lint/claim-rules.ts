/**
 * Lint rules about PersistentVolumeClaims (KV007–KV010, KV013–KV015, KV018).
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../api/index.js";
import { claimClass, claimHasClass, volumeClass } from "../api/helpers/index.js";
import { AnnBindCompleted, AnnBoundByController, NotSupportedProvisioner } from "../api/constants/index.js";
import { explainClaim, VolumeIndex, type ClaimExplanation } from "../matching/index.js";
import { pickDefaultStorageClass } from "./default-storage-class.js";
import { singleNodeProvisioner } from "./provisioners.js";
import type { LintContext, LintSubject } from "./lint-context.js";
import type { LintFinding } from "./lint-finding.js";
import { finding } from "./rule-table.js";

type Subject = LintSubject<PersistentVolumeClaim>;

function hasSelector(pvc: PersistentVolumeClaim): boolean {
  const sel = pvc.spec?.selector;
  if (!sel || typeof sel !== "object") return false;
  const labels = sel.matchLabels ? Object.keys(sel.matchLabels).length : 0;
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0;
  return labels + exprs > 0;
}

function provisions(sc: StorageClass | undefined): boolean {
  return sc !== undefined && typeof sc.provisioner === "string" && sc.provisioner !== "" && sc.provisioner !== NotSupportedProvisioner;
}

/**
 * The class a claim will have once admitted: its own, or — when it names none at all — the
 * default class the DefaultStorageClass plugin will assign.
 */
function effectiveClass(pvc: PersistentVolumeClaim, ctx: LintContext): string {
  if (claimHasClass(pvc)) return claimClass(pvc);
  return pickDefaultStorageClass([...ctx.allClasses.values()]).chosen?.metadata?.name ?? "";
}

function isBound(pvc: PersistentVolumeClaim): boolean {
  return pvc.status?.phase === "Bound" || pvc.metadata?.annotations?.[AnnBindCompleted] !== undefined;
}

/**
 * KV007: a claim with a non-empty selector whose class (its own, or the default class it will be
 * given) provisions dynamically. It can bind only to existing volumes: in-tree provisioners and the
 * CSI external-provisioner refuse selectors.
 *
 * @example
 * ```ts
 * selectorWithDynamicProvisioning(claimWithSelector, ctx)[0]?.field; // "spec.selector"
 * ```
 */
export function selectorWithDynamicProvisioning(s: Subject, ctx: LintContext): LintFinding[] {
  if (!hasSelector(s.obj) || isBound(s.obj)) return [];
  const sc = ctx.allClasses.get(effectiveClass(s.obj, ctx));
  if (!provisions(sc)) return [];
  return [
    finding(
      "KV007",
      s,
      "spec.selector",
      `claim has a selector but class "${sc!.metadata?.name ?? ""}" provisions dynamically (${sc!.provisioner}); provisioners do not support selectors, so it can only bind an existing volume`,
      "Remove spec.selector to let the class provision, or use a class with provisioner kubernetes.io/no-provisioner for pre-created volumes.",
    ),
  ];
}

/**
 * KV008: `spec.volumeName` set by a user in a WaitForFirstConsumer class: the claim binds to that
 * volume at once, without the scheduler's topology-aware choice, and the pod must then follow the
 * volume. A `volumeName` the PV controller wrote (the claim carries
 * `pv.kubernetes.io/bound-by-controller`, or has completed binding with
 * `pv.kubernetes.io/bind-completed`) is the normal end of binding, not a pre-binding.
 *
 * @example
 * ```ts
 * waitForFirstConsumerWithVolumeName(subject, ctx)[0]?.field; // "spec.volumeName"
 * ```
 */
export function waitForFirstConsumerWithVolumeName(s: Subject, ctx: LintContext): LintFinding[] {
  const vol = s.obj.spec?.volumeName;
  if (!vol) return [];
  const annotations = s.obj.metadata?.annotations ?? {};
  if (Object.hasOwn(annotations, AnnBoundByController) || Object.hasOwn(annotations, AnnBindCompleted)) return [];
  const sc = ctx.allClasses.get(effectiveClass(s.obj, ctx));
  if (sc?.volumeBindingMode !== "WaitForFirstConsumer") return [];
  return [
    finding(
      "KV008",
      s,
      "spec.volumeName",
      `claim is pre-bound to volume "${vol}" in WaitForFirstConsumer class "${sc.metadata?.name ?? ""}"; binding happens before scheduling, so the pod must go where the volume is`,
      "Drop spec.volumeName and let the scheduler pick (use a selector or a dedicated class), or accept the volume's node affinity.",
    ),
  ];
}

/**
 * KV009: the claim names a StorageClass that does not exist. An error when no volume carries that
 * class name either (the claim stays Pending forever, with `ProvisioningFailed` events), a warning
 * when pre-created volumes of that class exist (static binding still works).
 *
 * @example
 * ```ts
 * storageClassNotFound(claimOfMissingClass, ctx)[0]?.code; // "KV009"
 * ```
 */
export function storageClassNotFound(s: Subject, ctx: LintContext): LintFinding[] {
  if (!ctx.classesKnown) return [];
  const cls = claimClass(s.obj);
  if (cls === "" || ctx.allClasses.has(cls)) return [];
  const field =
    s.obj.metadata?.annotations?.["volume.beta.kubernetes.io/storage-class"] !== undefined
      ? "metadata.annotations[volume.beta.kubernetes.io/storage-class]"
      : "spec.storageClassName";
  const staticVolumes = volumesOfClass(ctx, cls).volumes.length > 0;
  return [
    finding(
      "KV009",
      s,
      field,
      staticVolumes
        ? `StorageClass "${cls}" does not exist; only pre-created volumes with storageClassName "${cls}" can bind`
        : `StorageClass "${cls}" does not exist; the claim stays Pending (ProvisioningFailed: storageclass not found)`,
      `Create StorageClass "${cls}", or use one of: ${[...ctx.allClasses.keys()].slice(0, 5).join(", ") || "(no classes exist)"}.`,
      staticVolumes ? "warning" : "error",
    ),
  ];
}

/**
 * KV010: nothing can ever satisfy the claim — its class (its own, or the default class admission
 * will give it) cannot provision (no class, or `kubernetes.io/no-provisioner`) and `explainClaim`
 * finds no matching volume of that class in the cluster.
 * The message carries the most common reasons the volumes failed.
 *
 * @example
 * ```ts
 * claimNeverBinds(claim, ctx)[0]?.message; // 'no volume can satisfy the claim ... (too-small: 3, class: 2)'
 * ```
 */
export function claimNeverBinds(s: Subject, ctx: LintContext): LintFinding[] {
  if (!ctx.volumesKnown || isBound(s.obj) || s.obj.spec?.volumeName) return [];
  const cls = effectiveClass(s.obj, ctx);
  if (cls !== "" && (!ctx.allClasses.has(cls) || provisions(ctx.allClasses.get(cls)))) return []; // KV009 covers a missing class
  // Search as the controller will: with the class admission assigns to a class-less claim.
  const claim = claimHasClass(s.obj) ? s.obj : { ...s.obj, spec: { ...s.obj.spec, storageClassName: cls } };
  // Only volumes of the claim's class can ever match it: search (fast, through an index) and
  // explain (slower) only those.
  const pool = volumesOfClass(ctx, cls);
  let reasons = "";
  let closest: ClaimExplanation["closest"][number] | undefined;
  if (pool.volumes.length > 0) {
    let explanation;
    try {
      if (pool.index().findBestMatchForClaim(claim, { delayBinding: false })) return [];
      explanation = explainClaim(claim, pool.volumes, { delayBinding: false });
    } catch {
      return []; // a malformed claim: validation reports it
    }
    if (explanation.outcome !== "no-match") return [];
    reasons = summarizeReasons(explanation);
    closest = explanation.closest[0];
  } else {
    reasons = `no volume has class "${cls}"`;
  }
  return [
    finding(
      "KV010",
      s,
      "spec",
      `no volume can satisfy the claim and ${cls === "" ? "it has no StorageClass" : `class "${cls}" cannot provision`}; it stays Pending${reasons ? ` (${reasons})` : ""}`,
      (closest && closest.fixes.length > 0 ? `Closest volume ${closest.volume}: ${closest.fixes.join("; ")}. Or ` : "") +
        (cls === ""
          ? "set spec.storageClassName to a provisioning class, or create a class-less volume that satisfies the claim."
          : `create a volume of class "${cls}" that satisfies the claim (size, access modes, volume mode, selector).`),
    ),
  ];
}

interface ClassPool {
  volumes: PersistentVolume[];
  index: () => VolumeIndex;
}

/** The known volumes of one class, with a VolumeIndex built on first use; cached per lint run. */
function volumesOfClass(ctx: LintContext, cls: string): ClassPool {
  let byClass = ctx.cache.get("classPools") as Map<string, ClassPool> | undefined;
  if (!byClass) {
    byClass = new Map();
    ctx.cache.set("classPools", byClass);
    for (const v of ctx.allVolumes.values()) {
      let c: string;
      try {
        c = volumeClass(v);
      } catch {
        continue;
      }
      let p = byClass.get(c);
      if (!p) {
        const volumes: PersistentVolume[] = [];
        let index: VolumeIndex | undefined;
        p = { volumes, index: () => (index ??= new VolumeIndex(volumes)) };
        byClass.set(c, p);
      }
      p.volumes.push(v);
    }
  }
  return byClass.get(cls) ?? { volumes: [], index: () => new VolumeIndex([]) };
}

function summarizeReasons(explanation: ClaimExplanation): string {
  const counts = new Map<string, number>();
  for (const v of explanation.volumes) {
    const code = v.failures?.[0]?.code;
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([c, n]) => `${c}: ${n}`)
    .join(", ");
}

/**
 * KV013: a claim without any class while no default StorageClass exists: it gets no class, so it
 * binds only class-less volumes (until a default appears and is assigned retroactively).
 *
 * @example
 * ```ts
 * claimWithoutClassNoDefault(classlessClaim, ctx)[0]?.severity; // "info"
 * ```
 */
export function claimWithoutClassNoDefault(s: Subject, ctx: LintContext): LintFinding[] {
  if (!ctx.classesKnown || claimHasClass(s.obj) || isBound(s.obj) || s.obj.spec?.volumeName) return [];
  if (pickDefaultStorageClass([...ctx.allClasses.values()]).chosen) return [];
  return [
    finding(
      "KV013",
      s,
      "spec.storageClassName",
      "claim has no storageClassName and no default StorageClass exists; it will bind only volumes without a class",
      'Set spec.storageClassName (or "" to state that class-less volumes are intended), or mark a class default.',
    ),
  ];
}

/**
 * KV014 and KV015: `spec.volumeName` must name an existing volume that can satisfy the claim and
 * is not bound to another claim.
 *
 * @example
 * ```ts
 * volumeNameChecks(preBoundClaim, ctx)[0]?.code; // "KV014" or "KV015"
 * ```
 */
export function volumeNameChecks(s: Subject, ctx: LintContext): LintFinding[] {
  const name = s.obj.spec?.volumeName;
  if (!name || isBound(s.obj)) return [];
  const pv = ctx.allVolumes.get(name);
  if (!pv) {
    if (!ctx.volumesKnown) return [];
    return [
      finding(
        "KV015",
        s,
        "spec.volumeName",
        `volume "${name}" does not exist; the claim stays Pending until it is created`,
        "Create the volume, or fix spec.volumeName.",
      ),
    ];
  }
  let check;
  try {
    check = explainClaim(s.obj, [pv]).volumeNameCheck;
  } catch {
    return [];
  }
  if (check?.result === "bound-elsewhere") {
    const ref = pv.spec?.claimRef;
    return [
      finding(
        "KV014",
        s,
        "spec.volumeName",
        `volume "${name}" is bound to ${ref?.namespace ?? ""}/${ref?.name ?? ""}, not to this claim; the claim stays Pending`,
        "Point spec.volumeName at a free volume, or clear the volume's claimRef if the old claim is gone.",
      ),
    ];
  }
  if (check?.result !== "mismatch") return [];
  const reason = check.message ?? "the volume does not satisfy the claim";
  return [
    finding(
      "KV014",
      s,
      "spec.volumeName",
      `volume "${name}" cannot satisfy the claim: ${reason}`,
      "Make the claim's request, access modes, volume mode and class fit the volume, or pick another volume.",
    ),
  ];
}

/**
 * KV018: a `ReadWriteMany` filesystem claim in a class whose provisioner makes single-node volumes
 * (network block disks such as EBS, GCE PD, Azure Disk, Cinder, Ceph RBD, or node-local storage).
 * CSI drivers refuse to provision it; block-mode claims are not reported (some drivers share raw
 * block devices).
 *
 * @example
 * ```ts
 * readWriteManyOnSingleNodeProvisioner(rwxClaimInGp3, ctx)[0]?.field; // "spec.accessModes[0]"
 * ```
 */
export function readWriteManyOnSingleNodeProvisioner(s: Subject, ctx: LintContext): LintFinding[] {
  if (isBound(s.obj) || s.obj.spec?.volumeName) return [];
  const modes: unknown = s.obj.spec?.accessModes;
  if (!Array.isArray(modes)) return [];
  const i = modes.indexOf("ReadWriteMany");
  if (i < 0 || s.obj.spec?.volumeMode === "Block") return [];
  const sc = ctx.allClasses.get(effectiveClass(s.obj, ctx));
  const info = singleNodeProvisioner(sc?.provisioner);
  if (!sc || !info) return [];
  return [
    finding(
      "KV018",
      s,
      `spec.accessModes[${i}]`,
      `ReadWriteMany filesystem claim in class "${sc.metadata?.name ?? ""}", whose provisioner ${sc.provisioner} (${info.product}) makes ${info.kind === "block" ? "disks that attach to one node" : "node-local volumes"}; provisioning fails`,
      "Use ReadWriteOnce (or ReadWriteOncePod), or a class backed by a shared file system (EFS, Filestore, Azure Files, CephFS, NFS).",
    ),
  ];
}
