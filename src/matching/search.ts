/**
 * The one search routine of kubevol: component-helpers' `FindMatchingVolume` and the PV
 * controller's `findBestMatchForClaim` (kubernetes/kubernetes
 * `pkg/controller/volume/persistentvolume/index.go`) over any {@link CandidateSource} — a linear
 * pass over a list, the `VolumeIndex`, or an explanation's evaluated pool. The sources only
 * propose volumes; every decision is {@link checkVolume}'s.
 *
 * @module
 */
import { compareGroupKeys } from "./access-mode-groups.js";
import type { CheckContext, MatchPath } from "./checks.js";
import { checkVolume, groupBitsOfferModes, PRE_BOUND_BLOCKERS, PRE_BOUND_FLAG } from "./checks.js";
import { modeBitsOfKey } from "./access-mode-bits.js";
import type { DecodedClaim } from "./decoded-claim.js";
import type { DecodedVolume } from "./decoded-volume.js";
import { REASON_BITS } from "./reason-code.js";

const B_NODE_AFFINITY = REASON_BITS["node-affinity"];

/**
 * Whether candidate `a` beats `b`: strictly smaller capacity, or equal capacity (exact comparison)
 * and a smaller name (UTF-16 code-unit order, i.e. byte order for the ASCII names Kubernetes
 * allows). Kubernetes keeps the first of equal capacities in map iteration order, which is not
 * deterministic; kubevol picks the smaller name. Both must have a capacity.
 *
 * @example
 * ```ts
 * isBetterCandidate(decodeVolume(pvA1Gi), decodeVolume(pvB1Gi)); // true: "pv-a" < "pv-b"
 * ```
 */
export function isBetterCandidate(a: DecodedVolume, b: DecodedVolume): boolean {
  if (a.capKey !== b.capKey) return a.capKey < b.capKey;
  const c = a.capExact && b.capExact ? 0 : a.capacity!.cmp(b.capacity!);
  return c < 0 || (c === 0 && a.name < b.name);
}

/**
 * Where a search gets its volumes from. A source proposes; {@link searchController} and
 * {@link searchScheduler} decide with {@link checkVolume}.
 *
 * @example
 * ```ts
 * const source: CandidateSource = {
 *   preBoundCandidates: () => [],
 *   groupKeys: () => ["RWO"],
 *   bestUnbound: () => undefined,
 * };
 * ```
 */
export interface CandidateSource {
  /**
   * Volumes whose `claimRef` may point at the claim — at least every volume that does (a superset
   * is fine: each is checked).
   */
  preBoundCandidates(c: DecodedClaim): Iterable<DecodedVolume>;
  /** The access-mode keys of the volumes an unbound search could return (a superset is fine). */
  groupKeys(c: DecodedClaim): Iterable<string>;
  /**
   * Optional: {@link groupKeys} already filtered to the keys offering the claim's modes and sorted
   * in search order (`compareGroupKeys`), for sources that can keep it (the `VolumeIndex`).
   */
  searchOrder?(c: DecodedClaim): readonly string[];
  /**
   * The best volume (smallest capacity, then smaller name: {@link isBetterCandidate}) whose
   * {@link checkVolume} mask on `path` is 0 — among the volumes whose access-mode key is `key`, or
   * among all when `key` is undefined — or `undefined`.
   */
  bestUnbound(c: DecodedClaim, ctx: CheckContext, path: MatchPath, key: string | undefined): DecodedVolume | undefined;
}

/**
 * The pre-bound volumes that decide a search: of the proposed ones, those pointing at the claim
 * whose mask fails nothing but (possibly) node affinity; the smallest name first (Kubernetes: the
 * first in map order). Returns them with their masks.
 */
const NONE: { v: DecodedVolume; mask: number }[] = [];

function decidingPreBound(
  c: DecodedClaim,
  ctx: CheckContext,
  path: MatchPath,
  source: CandidateSource,
): { v: DecodedVolume; mask: number }[] {
  let out = NONE;
  for (const v of source.preBoundCandidates(c)) {
    const mask = checkVolume(v, c, ctx, path);
    if ((mask & PRE_BOUND_FLAG) !== 0 && (mask & PRE_BOUND_BLOCKERS) === 0) {
      if (out === NONE) out = [];
      out.push({ v, mask });
    }
  }
  return out.length > 1 ? out.sort((a, b) => (a.v.name < b.v.name ? -1 : a.v.name > b.v.name ? 1 : 0)) : out;
}

/**
 * The volume pre-bound to the claim that decides `FindMatchingVolume` (it passes checks 1–6; the
 * smallest name among several), and whether it fits the node; `undefined` when none decides.
 *
 * @example
 * ```ts
 * const d = decidingVolume(c, ctx, source);
 * if (d && !d.fits) console.log(`${d.volume.name} is pre-bound but misses the node`);
 * ```
 */
export function decidingVolume(
  c: DecodedClaim,
  ctx: CheckContext,
  source: CandidateSource,
): { volume: DecodedVolume; fits: boolean } | undefined {
  const pre = decidingPreBound(c, ctx, "scheduler", source)[0];
  return pre === undefined ? undefined : { volume: pre.v, fits: (pre.mask & B_NODE_AFFINITY) === 0 };
}

/**
 * `FindMatchingVolume` (scheduler path, or the controller's search inside one access-mode group
 * with `path: "controller"` and `key`): a volume pre-bound to the claim that passes checks 1–6
 * decides — it is the answer if it fits the node, else the answer is `undefined` (no other volume
 * is considered); otherwise, on the controller path with delayed binding, `undefined`; otherwise
 * the best unbound candidate.
 *
 * @example
 * ```ts
 * const v = searchScheduler(decodeClaim(pvc), checkContext({ node, delayBinding: true }), source);
 * ```
 */
export function searchScheduler(c: DecodedClaim, ctx: CheckContext, source: CandidateSource): DecodedVolume | undefined {
  const pre = decidingVolume(c, ctx, source);
  if (pre !== undefined) return pre.fits ? pre.volume : undefined;
  if (!ctx.hasNode && ctx.delayBinding) return undefined;
  return source.bestUnbound(c, ctx, "scheduler", undefined);
}

/**
 * The PV controller's `findBestMatchForClaim`: the access-mode groups whose modes contain every
 * requested mode, fewest modes first (ties: ascending key); in each, `FindMatchingVolume` with no
 * node — a pre-bound volume of the group wins, else (unless binding is delayed) the group's best
 * unbound candidate; the **first group with any match wins**.
 *
 * @example
 * ```ts
 * const v = searchController(decodeClaim(pvc), checkContext({ delayBinding: false }), source);
 * ```
 */
export function searchController(c: DecodedClaim, ctx: CheckContext, source: CandidateSource): DecodedVolume | undefined {
  const deciding = decidingPreBound(c, ctx, "controller", source);
  const ordered = deciding.length === 0 ? source.searchOrder?.(c) : undefined;
  const keys: string[] = ordered !== undefined ? (ordered as string[]) : [];
  if (ordered === undefined) for (const key of source.groupKeys(c)) if (groupKeyOffers(key, c)) keys.push(key);
  let preByGroup: Map<string, DecodedVolume> | undefined;
  if (deciding.length > 0) {
    preByGroup = new Map();
    for (const { v } of deciding) {
      if (preByGroup.has(v.modesKey)) continue;
      preByGroup.set(v.modesKey, v);
      if (!keys.includes(v.modesKey) && groupKeyOffers(v.modesKey, c)) keys.push(v.modesKey);
    }
  }
  if (ordered === undefined && keys.length > 1) keys.sort(compareGroupKeys);
  for (const key of keys) {
    const pre = preByGroup?.get(key);
    if (pre !== undefined) return pre;
    if (ctx.delayBinding) continue;
    const best = source.bestUnbound(c, ctx, "controller", key);
    if (best !== undefined) return best;
  }
  return undefined;
}

/** Whether a group key's modes contain every requested mode. */
function groupKeyOffers(key: string, c: DecodedClaim): boolean {
  return groupBitsOfferModes(modeBitsOfKey(key), c);
}
