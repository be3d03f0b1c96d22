/**
 * The `kubernetes` strategy: the PV controller's claim worker over a snapshot.
 *
 * @module
 */
import { AnnBindCompleted } from "../api/constants/index.js";
import { claimHasClass, claimKey, defaultStorageClass, isVolumeBoundToClaim } from "../api/helpers/index.js";
import type { PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimSpec, StorageClass } from "../api/index.js";
import { isDelayBindingMode } from "../lifecycle/index.js";
import { checkVolumeSatisfyClaim, VolumeIndex } from "../matching/index.js";
import { boundCopy } from "./bind-copy.js";
import { unmatchedReason } from "./pending-reasons.js";
import type { Snapshot } from "./snapshot.js";
import type { Assignment, AssignmentSource, PendingClaim } from "./types.js";

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function hasAnn(obj: { metadata?: { annotations?: Record<string, string> | null } | null }, key: string): boolean {
  const a = obj.metadata?.annotations;
  return a != null && typeof a === "object" && Object.hasOwn(a, key);
}

/**
 * What one pass of the claim worker decided for one claim.
 *
 * @internal
 * @example
 * ```ts
 * const d: ClaimDecision = { kind: "bound", volume: pv, source: "planned" };
 * ```
 */
export type ClaimDecision =
  | { readonly kind: "bound"; readonly volume: PersistentVolume; readonly source: AssignmentSource }
  | { readonly kind: "pending"; readonly pending: PendingClaim }
  | { readonly kind: "default-class" };

/**
 * The claim worker's decision for one claim over the volumes of `index` (as kubevol's
 * `syncClaim` takes it): a bound claim re-binds to its volume (or is lost); a claim naming a volume
 * binds it when `checkVolumeSatisfyClaim` passes or the volume is already bound to it; any other
 * claim takes `findBestMatchForClaim` through the index (WaitForFirstConsumer: only a volume
 * pre-bound to it). When nothing matches a class-less claim while a default class exists, the
 * answer is `default-class` (the controller writes the default class and retries next round).
 * On a bind the bound volume is written into `store` (default: the index itself), so it leaves the
 * pool; a caller may pass a store that keeps bound volumes out of the index, as long as no claim it
 * later searches for could be pre-bound to them (their `claimRef` carries another claim's uid).
 *
 * @internal
 * @example
 * ```ts
 * const d = decideClaim(claim, index, classes, true);
 * ```
 */
export function decideClaim(
  claim: PersistentVolumeClaim,
  index: VolumeIndex,
  classes: ReadonlyMap<string, StorageClass>,
  allowDefault: boolean,
  store: NamedVolumes = index,
): ClaimDecision {
  const key = claimKey(claim);
  try {
    const fixed = decideFixedClaim(claim, store);
    if (fixed !== undefined) return fixed;
    const { delay, error } = isDelayBindingMode(claim, classes);
    if (error !== undefined) return pendingDecision(key, "ClassError", error);
    let pv: PersistentVolume | undefined;
    try {
      pv = index.findBestMatchForClaim(claim, { delayBinding: delay });
    } catch (e) {
      return pendingDecision(key, "InvalidClaim", errorText(e));
    }
    if (pv !== undefined) {
      store.upsert(boundCopy(pv, claim));
      return { kind: "bound", volume: pv, source: pv.spec?.claimRef == null ? "planned" : "pre-bound" };
    }
    if (allowDefault && !claimHasClass(claim) && defaultStorageClass(classes.values()) !== undefined) return { kind: "default-class" };
    return { kind: "pending", pending: unmatchedReason(key, claim, classes, delay) };
  } catch (e) {
    return pendingDecision(key, "InvalidClaim", `the claim is malformed: ${errorText(e)}`);
  }
}

function pendingDecision(key: string, reason: PendingClaim["reason"], message: string): ClaimDecision {
  return { kind: "pending", pending: { claim: key, reason, message } };
}

/**
 * The volumes a claim worker reads by name and writes binds into (a `VolumeIndex`, or a map).
 *
 * @internal
 * @example
 * ```ts
 * const store: NamedVolumes = { get: (n) => map.get(n), upsert: (pv) => void map.set(pv.metadata.name, pv) };
 * ```
 */
export interface NamedVolumes {
  get(name: string): PersistentVolume | undefined;
  upsert(pv: PersistentVolume): void;
}

/**
 * The claim worker's decision for a claim whose volume is fixed by the claim itself (kubernetes/kubernetes
 * `pkg/controller/volume/persistentvolume/pv_controller.go`, `syncBoundClaim` and the
 * `spec.volumeName` branch of `syncUnboundClaim`): a bound claim re-binds to its volume or is
 * lost; a claim naming a volume binds it when `checkVolumeSatisfyClaim` passes or the volume is
 * already bound to it. `undefined` for every other claim (it needs a search). A bind is written
 * into `store`.
 *
 * @internal
 * @example
 * ```ts
 * const d = decideFixedClaim(claim, index); // undefined: the claim does not name a volume
 * ```
 */
export function decideFixedClaim(claim: PersistentVolumeClaim, store: NamedVolumes): ClaimDecision | undefined {
  const key = claimKey(claim);
  const bind = (pv: PersistentVolume, source: AssignmentSource): ClaimDecision => {
    store.upsert(boundCopy(pv, claim));
    return { kind: "bound", volume: pv, source };
  };
  const spec: PersistentVolumeClaimSpec = claim.spec ?? {};
  const volumeName = typeof spec.volumeName === "string" ? spec.volumeName : "";
  if (hasAnn(claim, AnnBindCompleted)) {
    if (volumeName === "")
      return pendingDecision(key, "ClaimLost", "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!");
    const pv = store.get(volumeName);
    if (pv === undefined)
      return pendingDecision(key, "ClaimLost", "Bound claim has lost its PersistentVolume. Data on the volume is lost!");
    const ref = pv.spec?.claimRef;
    if (ref == null || (ref.uid ?? "") === (claim.metadata?.uid ?? "")) return bind(pv, "bound");
    return pendingDecision(key, "ClaimLost", "Two claims are bound to the same volume, this one is bound incorrectly");
  }
  if (volumeName === "") return undefined;
  const pv = store.get(volumeName);
  if (pv === undefined) return pendingDecision(key, "VolumeNotFound", `volume "${volumeName}" not found`);
  if (pv.spec?.claimRef == null) {
    const reason = checkVolumeSatisfyClaim(pv, claim);
    if (reason !== undefined) return pendingDecision(key, "VolumeMismatch", `Cannot bind to requested volume "${volumeName}": ${reason}`);
    return bind(pv, "pre-bound");
  }
  if (isVolumeBoundToClaim(pv, claim)) return bind(pv, "pre-bound");
  return pendingDecision(key, "VolumeBoundToOther", `volume "${volumeName}" already bound to a different claim.`);
}

/**
 * The `kubernetes` strategy (kubernetes/kubernetes `pkg/controller/volume/persistentvolume/`
 * `pv_controller.go` and `index.go`): claims in the controller's claim order, each decided by
 * {@link decideClaim} over one `VolumeIndex` that every bind updates; then the class-less claims
 * that got the default class, in the same order (the controller's next round). Gives the bindings
 * `reconcile` makes on the same snapshot when its volumes are settled (the volume worker would
 * not change their phase) and no operation completes.
 *
 * @internal
 * @example
 * ```ts
 * const { assignments, pending } = planKubernetes(readSnapshot(input), () => performance.now());
 * ```
 */
export function planKubernetes(
  snap: Snapshot,
  clock: () => number,
): { assignments: Assignment[]; pending: PendingClaim[]; indexMs: number } {
  const t0 = clock();
  const index = new VolumeIndex(snap.volumes);
  const indexMs = clock() - t0;
  const byKey = new Map<string, Assignment | PendingClaim>();
  const retry: PersistentVolumeClaim[] = [];
  for (const claim of snap.claims) {
    const d = decideClaim(claim, index, snap.classes, true);
    if (d.kind === "default-class") retry.push(claim);
    else byKey.set(claimKey(claim), d.kind === "bound" ? assignment(claim, d) : d.pending);
  }
  const def = retry.length > 0 ? defaultStorageClass(snap.classes.values()) : undefined;
  for (const claim of retry) {
    const withDefault = { ...claim, spec: { ...claim.spec, storageClassName: def?.metadata?.name ?? "" } };
    const d = decideClaim(withDefault, index, snap.classes, false);
    byKey.set(claimKey(claim), d.kind === "bound" ? assignment(claim, d) : (d as { pending: PendingClaim }).pending);
  }
  const assignments: Assignment[] = [];
  const pending: PendingClaim[] = [];
  for (const claim of snap.claims) {
    const r = byKey.get(claimKey(claim))!;
    if ("volume" in r) assignments.push(r);
    else pending.push(r);
  }
  return { assignments, pending, indexMs };
}

function assignment(claim: PersistentVolumeClaim, d: { volume: PersistentVolume; source: AssignmentSource }): Assignment {
  return { claim: claimKey(claim), volume: d.volume.metadata?.name ?? "", source: d.source };
}
