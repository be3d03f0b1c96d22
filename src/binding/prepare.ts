/**
 * What every strategy but `kubernetes` starts from: the pairs fixed by the objects, the claims
 * that cannot bind now, and the free claims and volumes the strategy chooses between.
 *
 * @module
 */
import { claimHasClass, claimKey, defaultStorageClass } from "../api/helpers/index.js";
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import { isDelayBindingMode } from "../lifecycle/index.js";
import {
  capacityIsReadable,
  checkContext,
  checkVolume,
  PRE_BOUND_BLOCKERS,
  PRE_BOUND_FLAG,
  volumeIsAvailable,
  volumeIsReadable,
  volumeNotDeleting,
} from "../matching/checks.js";
import { type DecodedClaim, decodeClaim } from "../matching/decoded-claim.js";
import { type DecodedVolume, decodeVolume } from "../matching/decoded-volume.js";
import { decideFixedClaim, type NamedVolumes } from "./kubernetes.js";
import { unmatchedReason } from "./pending-reasons.js";
import type { Snapshot } from "./snapshot.js";
import type { Assignment, PendingClaim } from "./types.js";

/**
 * A claim offered to a strategy: its key, the object, its decoded form, and `variants`: the forms
 * the PV controller may match it in — the claim as it is and, for a class-less claim while a
 * default class (not WaitForFirstConsumer) exists, the claim with the default class, which the
 * controller writes when nothing class-less matches and then matches again.
 *
 * @internal
 * @example
 * ```ts
 * const f: FreeClaim = { key: "default/data", claim: pvc, decoded: decodeClaim(pvc), variants: [decodeClaim(pvc)] };
 * ```
 */
export interface FreeClaim {
  readonly key: string;
  readonly claim: PersistentVolumeClaim;
  readonly decoded: DecodedClaim;
  readonly variants: readonly DecodedClaim[];
}

/**
 * The outcome of {@link prepare}.
 *
 * @internal
 * @example
 * ```ts
 * const { fixed, pending, freeClaims, freeVolumes } = prepare(snap);
 * ```
 */
export interface Prepared {
  /** Bound and pre-bound pairs by claim key. */
  readonly fixed: ReadonlyMap<string, Assignment>;
  /** Claims that cannot bind whatever the strategy does, by claim key. */
  readonly pending: ReadonlyMap<string, PendingClaim>;
  /** The claims the strategy decides, in the controller's claim order. */
  readonly freeClaims: readonly FreeClaim[];
  /** The volumes the strategy may give out. */
  readonly freeVolumes: readonly DecodedVolume[];
  /** Every volume as the fixed pairs leave it, by name. */
  readonly volumes: ReadonlyMap<string, PersistentVolume>;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Splits a snapshot for a strategy, with the PV controller's rules for everything fixed by the
 * objects, taken in the controller's claim order:
 *
 * 1. Bound claims and claims naming a volume (`spec.volumeName`) are decided as the claim worker
 *    decides them (`decideFixedClaim`).
 * 2. A claim with volumes pre-bound to it (their `claimRef` names it) takes the one the matcher's
 *    pre-binding rule picks (it passes every check but phase, selector and class; smallest name)
 *    — WaitForFirstConsumer claims too, as the PV controller does.
 * 3. Claims that cannot be matched (`InvalidClaim`), whose class is unreadable (`ClassError`) or
 *    delayed (`WaitForFirstConsumer`) are pending.
 * 4. Every other claim is free; the free volumes are those without `claimRef`, readable, with a
 *    readable capacity, `Available` and not being deleted.
 *
 * A class-less claim while a default class exists may bind class-less volumes or, as the PV
 * controller does after writing the default class into it, volumes of the default class (see
 * `FreeClaim.variants`).
 *
 * @internal
 * @example
 * ```ts
 * const prepared = prepare(readSnapshot(input));
 * ```
 */
export function prepare(snap: Snapshot): Prepared {
  const volumes = new Map<string, PersistentVolume>();
  for (const pv of snap.volumes) volumes.set(nameOf(pv), pv);
  const store: NamedVolumes = { get: (n) => volumes.get(n), upsert: (pv) => void volumes.set(nameOf(pv), pv) };
  const fixed = new Map<string, Assignment>();
  const pending = new Map<string, PendingClaim>();
  const searching: PersistentVolumeClaim[] = [];
  for (const claim of snap.claims) {
    const key = claimKey(claim);
    let d: ReturnType<typeof decideFixedClaim>;
    try {
      d = decideFixedClaim(claim, store);
    } catch (e) {
      pending.set(key, { claim: key, reason: "InvalidClaim", message: `the claim is malformed: ${errorText(e)}` });
      continue;
    }
    if (d === undefined) searching.push(claim);
    else if (d.kind === "bound") fixed.set(key, { claim: key, volume: nameOf(d.volume), source: d.source });
    else if (d.kind === "pending") pending.set(key, d.pending);
  }
  // Volumes whose claimRef names a claim, by that claim's key.
  const preBound = new Map<string, DecodedVolume[]>();
  for (const pv of volumes.values()) {
    const ref = pv?.spec?.claimRef;
    if (ref == null || typeof ref !== "object") continue;
    const k = `${typeof ref.namespace === "string" ? ref.namespace : ""}/${typeof ref.name === "string" ? ref.name : ""}`;
    const list = preBound.get(k);
    const d = decodeVolume(pv);
    if (list === undefined) preBound.set(k, [d]);
    else list.push(d);
  }
  const freeClaims: FreeClaim[] = [];
  const defaultName = defaultStorageClass(snap.classes.values())?.metadata?.name;
  for (const claim of searching) {
    const key = claimKey(claim);
    const decoded = decodeClaim(claim);
    if (decoded.problems.length > 0) {
      pending.set(key, { claim: key, reason: "InvalidClaim", message: decoded.problems.map((p) => p.message).join("; ") });
      continue;
    }
    const { delay, error } = isDelayBindingMode(claim, snap.classes);
    if (error !== undefined) {
      pending.set(key, { claim: key, reason: "ClassError", message: error });
      continue;
    }
    const ctx = checkContext({ delayBinding: delay });
    let chosen: DecodedVolume | undefined;
    for (const v of preBound.get(key) ?? []) {
      const mask = checkVolume(v, decoded, ctx, "controller");
      if ((mask & PRE_BOUND_FLAG) === 0 || (mask & PRE_BOUND_BLOCKERS) !== 0) continue;
      if (chosen === undefined || v.name < chosen.name) chosen = v;
    }
    if (chosen !== undefined) {
      store.upsert({ ...chosen.pv, status: { ...chosen.pv.status, phase: "Bound" } });
      fixed.set(key, { claim: key, volume: chosen.name, source: "pre-bound" });
      continue;
    }
    if (delay) {
      pending.set(key, unmatchedReason(key, claim, snap.classes, true));
      continue;
    }
    const variants = [decoded];
    if (defaultName !== undefined && !claimHasClass(claim)) {
      const withDefault = { ...claim, spec: { ...claim.spec, storageClassName: defaultName } };
      const mode = isDelayBindingMode(withDefault, snap.classes);
      if (!mode.delay && mode.error === undefined) variants.push(decodeClaim(withDefault));
    }
    freeClaims.push({ key, claim, decoded, variants });
  }
  const freeVolumes: DecodedVolume[] = [];
  for (const pv of volumes.values()) {
    if (pv?.spec?.claimRef != null) continue;
    const d = decodeVolume(pv);
    if (volumeIsReadable(d) && capacityIsReadable(d) && volumeNotDeleting(d) && volumeIsAvailable(d) && d.claimRef === undefined)
      freeVolumes.push(d);
  }
  return { fixed, pending, freeClaims, freeVolumes, volumes };
}

function nameOf(pv: PersistentVolume): string {
  const n = (pv as { metadata?: { name?: unknown } } | null)?.metadata?.name;
  return typeof n === "string" ? n : "";
}
