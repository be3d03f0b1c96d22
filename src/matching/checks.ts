/**
 * The matching checks of component-helpers' `FindMatchingVolume` (kubernetes/component-helpers
 * `storage/volume/pv_helpers.go`), each written once as a named predicate over decoded objects,
 * and {@link checkVolume}, which composes them in Kubernetes' order into a failure mask. Every
 * search (`findMatchingVolume`, `findBestMatchForClaim`, the `VolumeIndex`, `explainClaim`,
 * `matchVolume`) decides with these functions and nothing else.
 *
 * @module
 */
import { claimRefPointsAt, containsAccessModes } from "../api/helpers/index.js";
import type { Labels, NodeLike, NodeSelectorMatcher } from "../labels/index.js";
import { compileNodeSelector, nodeAffinityError, nodeParts } from "../labels/index.js";
import type { DecodedClaim } from "./decoded-claim.js";
import type { DecodedVolume } from "./decoded-volume.js";
import type { ReasonCode } from "./reason-code.js";
import { ALL_REASON_BITS, REASON_BITS, reasonCodesOf } from "./reason-code.js";

/**
 * The per-search inputs of the checks: the node (scheduler path) or none (PV-controller path), the
 * names already chosen for other claims of the pod, and whether binding is delayed
 * (WaitForFirstConsumer). Build one per search with {@link checkContext}: it also holds the
 * search's node-affinity verdicts (one evaluation per affinity object and search), so it must not
 * outlive the search's inputs.
 *
 * @example
 * ```ts
 * const ctx = checkContext({ node: { name: "n1", labels: { zone: "a" } }, delayBinding: true });
 * ctx.hasNode; // true
 * ```
 */
export interface CheckContext {
  readonly hasNode: boolean;
  readonly nodeName: string | undefined;
  readonly nodeLabels: Labels | undefined;
  readonly excluded: ReadonlySet<string> | undefined;
  readonly delayBinding: boolean;
  /** This search's node-affinity verdicts by `spec.nodeAffinity.required` object (made on first use). */
  affinityVerdicts: Map<object, string | undefined> | undefined;
}

/**
 * The options every search function accepts.
 *
 * @example
 * ```ts
 * const opts: MatchOptions = { node: { name: "n1", labels: { "kubernetes.io/hostname": "n1" } }, excluded: new Set(["pv-1"]) };
 * ```
 */
export interface MatchOptions {
  /** The candidate node (scheduler path). Absent: the PV controller's path (no node). */
  readonly node?: NodeLike | null;
  /** Volume names that must not be chosen (scheduler: already chosen for other claims of the pod). */
  readonly excluded?: ReadonlySet<string> | null;
  /** Delayed binding (the claim's class is WaitForFirstConsumer). Default `false`. */
  readonly delayBinding?: boolean;
}

/**
 * Which caller's rules apply: `controller` — the PV controller's `findBestMatchForClaim`, where
 * access modes are enforced by the access-mode groups (for pre-bound volumes too); `scheduler` —
 * `FindMatchingVolume` with a node, where an unbound volume must offer every requested mode (a
 * pre-bound one is not checked).
 *
 * @example
 * ```ts
 * const path: MatchPath = "controller";
 * ```
 */
export type MatchPath = "controller" | "scheduler";

/**
 * Builds the {@link CheckContext} of one search from its options.
 *
 * @example
 * ```ts
 * checkContext({}).hasNode;                                      // false (PV-controller path)
 * checkContext({ node: { metadata: { name: "n1" } } }).nodeName; // "n1"
 * ```
 */
export function checkContext(opts: MatchOptions | undefined): CheckContext {
  const node = opts?.node ?? undefined;
  const parts = node ? nodeParts(node) : { name: undefined, labels: undefined };
  return {
    hasNode: node !== undefined,
    nodeName: parts.name,
    nodeLabels: parts.labels,
    excluded: opts?.excluded ?? undefined,
    delayBinding: opts?.delayBinding === true,
    affinityVerdicts: undefined,
  };
}

// ---- the checks, in Kubernetes' order --------------------------------------------------------

/**
 * `malformed-volume`: the volume cannot be read at all (never passes any check).
 *
 * @example
 * ```ts
 * volumeIsReadable(decodeVolume({ metadata: { name: "x" } })); // false: no spec
 * ```
 */
export function volumeIsReadable(v: DecodedVolume): boolean {
  return v.defect === undefined || v.defect.code !== "malformed-volume";
}

/**
 * `excluded`: passes unless the volume's name is in `ctx.excluded`.
 *
 * @example
 * ```ts
 * notExcluded(decodeVolume(pv), checkContext({ excluded: new Set([pv.metadata.name!]) })); // false
 * ```
 */
export function notExcluded(v: DecodedVolume, ctx: CheckContext): boolean {
  return ctx.excluded === undefined || !ctx.excluded.has(v.name);
}

/**
 * Whether the volume is pre-bound to the claim: its `claimRef` points at it (component-helpers
 * `IsVolumeBoundToClaim`: same name and namespace, and an empty or equal uid). Such a volume
 * short-circuits the search (see `findMatchingVolume`).
 *
 * @example
 * ```ts
 * isPreBound(decodeVolume({ ...pv, spec: { ...pv.spec, claimRef: { namespace: "ns", name: "data" } } }), decodeClaim(data)); // true
 * ```
 */
export function isPreBound(v: DecodedVolume, c: DecodedClaim): boolean {
  return v.claimRef !== undefined && claimRefPointsAt(v.claimRef, c.namespace, c.name, c.uid);
}

/**
 * `claimed-by-other`: passes when the volume has no `claimRef`, or its `claimRef` points at this
 * claim ({@link isPreBound}).
 *
 * @example
 * ```ts
 * notClaimedByOther(decodeVolume(boundElsewhere), decodeClaim(pvc)); // false
 * ```
 */
export function notClaimedByOther(v: DecodedVolume, c: DecodedClaim): boolean {
  return v.claimRef === undefined || isPreBound(v, c);
}

/**
 * `capacity-malformed`: passes when the volume's capacity could be parsed.
 *
 * @example
 * ```ts
 * capacityIsReadable(decodeVolume({ metadata: { name: "x" }, spec: { capacity: { storage: "ten" } } })); // false
 * ```
 */
export function capacityIsReadable(v: DecodedVolume): boolean {
  // `capKey` is NaN exactly when there is no capacity (reading it parses nothing).
  return !Number.isNaN(v.capKey);
}

/**
 * `too-small`: passes iff capacity ≥ request, compared exactly (`1Gi` > `1G`; `950E` > `800E`),
 * through the nearest doubles first (exact when they differ, or when both are exact) and the exact
 * comparison only on a tie. A volume or claim whose quantity could not be parsed never passes.
 *
 * @example
 * ```ts
 * capacitySuffices(decodeVolume(pv1G), decodeClaim(claim1Gi)); // false: 10^9 < 2^30
 * ```
 */
export function capacitySuffices(v: DecodedVolume, c: DecodedClaim): boolean {
  if (Number.isNaN(v.capKey) || c.request === undefined) return false;
  if (v.capKey !== c.reqKey) return v.capKey > c.reqKey;
  return (v.capExact && c.reqExact) || v.capacity!.cmp(c.request) >= 0;
}

/**
 * `volume-mode`: passes iff both modes are equal, a missing mode counting as `Filesystem`
 * (`CheckVolumeModeMismatches`).
 *
 * @example
 * ```ts
 * volumeModeMatches(decodeVolume(blockPv), decodeClaim(pvcWithoutMode)); // false
 * ```
 */
export function volumeModeMatches(v: DecodedVolume, c: DecodedClaim): boolean {
  return v.volumeMode === c.volumeMode;
}

/**
 * `volume-attributes-class`: passes iff `volumeAttributesClassName` is equal on both sides, a
 * missing or null name counting as `""` (the VolumeAttributesClass feature is GA and assumed on).
 *
 * @example
 * ```ts
 * vacMatches(decodeVolume(pvWithGold), decodeClaim(pvcWithoutVac)); // false
 * ```
 */
export function vacMatches(v: DecodedVolume, c: DecodedClaim): boolean {
  return v.vac === c.vac;
}

/**
 * `deleting`: passes unless the volume has a `deletionTimestamp`.
 *
 * @example
 * ```ts
 * volumeNotDeleting(decodeVolume({ ...pv, metadata: { ...pv.metadata, deletionTimestamp: "2024-01-01T00:00:00Z" } })); // false
 * ```
 */
export function volumeNotDeleting(v: DecodedVolume): boolean {
  return !v.deleting;
}

/**
 * `delay-binding`: on the PV controller's path (no node) a WaitForFirstConsumer claim binds only a
 * volume pre-bound to it; every other volume is left for the scheduler.
 *
 * @example
 * ```ts
 * bindingNotDelayed(checkContext({ delayBinding: true })); // false: controller path, delayed
 * ```
 */
export function bindingNotDelayed(ctx: CheckContext): boolean {
  return ctx.hasNode || !ctx.delayBinding;
}

/**
 * `phase`: passes iff `status.phase` is exactly `Available` (Pending, Bound, Released, Failed and
 * a missing phase all fail). Not applied to pre-bound volumes.
 *
 * @example
 * ```ts
 * volumeIsAvailable(decodeVolume({ ...pv, status: { phase: "Released" } })); // false
 * ```
 */
export function volumeIsAvailable(v: DecodedVolume): boolean {
  return v.phase === "Available";
}

/**
 * `selector`: passes when the claim has no selector, or its selector matches the volume's labels.
 * `{}` matches everything. Not applied to pre-bound volumes.
 *
 * @example
 * ```ts
 * selectorMatches(decodeVolume(pvInZoneB), decodeClaim(claimWantingZoneA)); // false
 * ```
 */
export function selectorMatches(v: DecodedVolume, c: DecodedClaim): boolean {
  return c.selector === undefined || c.selector.matches(v.labels);
}

/**
 * `class`: passes iff `volumeClass(pv) === claimClass(pvc)` (exact string equality; the beta
 * annotation wins over `storageClassName`, even when it is `""`; an unset claim class equals `""`).
 * Not applied to pre-bound volumes.
 *
 * @example
 * ```ts
 * classMatches(decodeVolume(fastPv), decodeClaim(standardClaim)); // false
 * ```
 */
export function classMatches(v: DecodedVolume, c: DecodedClaim): boolean {
  return v.class === c.class;
}

/**
 * The node-affinity verdict of component-helpers' `CheckNodeAffinity`: `undefined` when the volume
 * fits the context's node (or there is no node, or the volume has no required affinity), else
 * Kubernetes' error text. Only the node's labels are used (`matchFields` on the node name are
 * effectively ignored, as upstream). Memoised per affinity object in the search's context. Never
 * throws.
 *
 * @example
 * ```ts
 * volumeNodeAffinityError(decodeVolume(localPvOnN1), checkContext({ node: { labels: { "kubernetes.io/hostname": "n2" } } }));
 * // "no matching NodeSelectorTerms"
 * ```
 */
export function volumeNodeAffinityError(v: DecodedVolume, ctx: CheckContext): string | undefined {
  if (!ctx.hasNode || v.affinity === undefined) return undefined;
  const required: unknown = v.affinity;
  if (typeof required !== "object" || required === null) return affinityVerdict(required, ctx.nodeLabels);
  const memo = (ctx.affinityVerdicts ??= new Map());
  if (memo.has(required)) return memo.get(required);
  const verdict = affinityVerdict(required, ctx.nodeLabels);
  memo.set(required, verdict);
  return verdict;
}

function affinityVerdict(required: unknown, labels: Labels | undefined): string | undefined {
  try {
    return nodeAffinityError(compileNodeSelector(required as Parameters<typeof compileNodeSelector>[0]), labels);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * The node-affinity verdict of a compiled `required` selector against a node's labels, for a
 * caller that keeps compiled selectors (the `VolumeIndex`). Same answer as
 * {@link volumeNodeAffinityError}. Never throws.
 *
 * @example
 * ```ts
 * compiledAffinityError(compileNodeSelector(required), { "kubernetes.io/hostname": "n1" }); // undefined
 * ```
 */
export function compiledAffinityError(required: NodeSelectorMatcher, labels: Labels | undefined): string | undefined {
  try {
    return nodeAffinityError(required, labels);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * `node-affinity`: passes iff {@link volumeNodeAffinityError} is `undefined`. Always passes without
 * a node (the PV controller never evaluates node affinity).
 *
 * @example
 * ```ts
 * nodeAffinityFits(decodeVolume(localPv), checkContext({})); // true: no node, no check
 * ```
 */
export function nodeAffinityFits(v: DecodedVolume, ctx: CheckContext): boolean {
  return volumeNodeAffinityError(v, ctx) === undefined;
}

/**
 * `access-modes` (scheduler path, `CheckAccessModes`): passes iff the volume's `spec.accessModes`
 * contain every mode the claim requests (vacuously true for none).
 *
 * @example
 * ```ts
 * accessModesFit(decodeVolume(rwoPv), decodeClaim(rwxClaim)); // false
 * ```
 */
export function accessModesFit(v: DecodedVolume, c: DecodedClaim): boolean {
  // Known modes only: the bits decide; an unknown requested string must appear as written.
  if (!c.unknownModes) return (c.modeBits & ~v.modeBits) === 0;
  return containsAccessModes(v.accessModes, c.accessModes);
}

/**
 * `access-modes` (PV-controller path): passes iff the volume's access-mode *group* — its canonical
 * key — contains every requested mode, i.e. the PV controller searches the volume's group at all
 * (`allPossibleMatchingAccessModes`). Differs from {@link accessModesFit} only for unknown mode
 * strings, which no key contains.
 *
 * @example
 * ```ts
 * groupOffersModes(decodeVolume(rwoRoxPv), decodeClaim(roxClaim)); // true
 * ```
 */
export function groupOffersModes(v: DecodedVolume, c: DecodedClaim): boolean {
  return groupBitsOfferModes(v.modeBits, c);
}

/**
 * {@link groupOffersModes} for an access-mode group given by its mode bits (see `modeBitsOf`).
 *
 * @example
 * ```ts
 * groupBitsOfferModes(3, decodeClaim(roxClaim)); // true: RWO,ROX offers ReadOnlyMany
 * ```
 */
export function groupBitsOfferModes(bits: number, c: DecodedClaim): boolean {
  return !c.unknownModes && (c.modeBits & ~bits) === 0;
}

// ---- the composition -------------------------------------------------------------------------

/**
 * Set in a mask from {@link checkVolume} when the volume is pre-bound to the claim (above the
 * reason bits of `REASON_BITS`, so `mask & ALL_REASON_BITS` is the failure part).
 *
 * @internal
 * @example
 * ```ts
 * const preBound = (checkVolume(v, c, ctx, "controller") & PRE_BOUND_FLAG) !== 0;
 * ```
 */
export const PRE_BOUND_FLAG = 1 << 30;

const B_MALFORMED = REASON_BITS["malformed-volume"];
const B_EXCLUDED = REASON_BITS.excluded;
const B_CLAIMED = REASON_BITS["claimed-by-other"];
const B_CAPACITY_MALFORMED = REASON_BITS["capacity-malformed"];
const B_TOO_SMALL = REASON_BITS["too-small"];
const B_VOLUME_MODE = REASON_BITS["volume-mode"];
const B_VAC = REASON_BITS["volume-attributes-class"];
const B_DELETING = REASON_BITS.deleting;
const B_DELAY = REASON_BITS["delay-binding"];
const B_PHASE = REASON_BITS.phase;
const B_SELECTOR = REASON_BITS.selector;
const B_CLASS = REASON_BITS.class;
const B_NODE_AFFINITY = REASON_BITS["node-affinity"];
const B_ACCESS_MODES = REASON_BITS["access-modes"];

/**
 * Every check of `FindMatchingVolume` for one volume, composed in Kubernetes' order from the
 * predicates above: the failure mask (`REASON_BITS` of every failed check, not only the first)
 * plus `PRE_BOUND_FLAG`. A `0` mask is a candidate; a pre-bound volume (flag set) is
 * returned by a search when only `node-affinity` may fail, and decides it.
 *
 * - A malformed volume fails `malformed-volume` alone.
 * - Checks 1–6 (excluded, claimed-by-other, capacity, volume mode, VolumeAttributesClass,
 *   deletion) apply to every volume; on the `controller` path the access-mode group check too
 *   (the PV controller only searches groups offering the requested modes).
 * - A volume pre-bound to the claim then gets only the node-affinity check.
 * - Every other volume: delayed binding, phase, selector, class, node affinity, and on the
 *   `scheduler` path with a node, access modes.
 *
 * Allocates nothing (the node-affinity verdict is memoised in `ctx`).
 *
 * @example
 * ```ts
 * const mask = checkVolume(decodeVolume(pv), decodeClaim(pvc), checkContext({}), "controller");
 * const candidate = mask === 0;
 * ```
 */
export function checkVolume(v: DecodedVolume, c: DecodedClaim, ctx: CheckContext, path: MatchPath): number {
  if (!volumeIsReadable(v)) return B_MALFORMED;
  let m = 0;
  if (path === "controller" && !groupOffersModes(v, c)) m |= B_ACCESS_MODES;
  if (!notExcluded(v, ctx)) m |= B_EXCLUDED;
  const preBound = isPreBound(v, c);
  if (v.claimRef !== undefined && !preBound) m |= B_CLAIMED;
  if (!capacityIsReadable(v)) m |= B_CAPACITY_MALFORMED;
  else if (!capacitySuffices(v, c)) m |= B_TOO_SMALL;
  if (!volumeModeMatches(v, c)) m |= B_VOLUME_MODE;
  if (!vacMatches(v, c)) m |= B_VAC;
  if (!volumeNotDeleting(v)) m |= B_DELETING;
  if (preBound) return m | (nodeAffinityFits(v, ctx) ? 0 : B_NODE_AFFINITY) | PRE_BOUND_FLAG;
  if (!bindingNotDelayed(ctx)) m |= B_DELAY;
  if (!volumeIsAvailable(v)) m |= B_PHASE;
  if (!selectorMatches(v, c)) m |= B_SELECTOR;
  if (!classMatches(v, c)) m |= B_CLASS;
  if (!nodeAffinityFits(v, ctx)) m |= B_NODE_AFFINITY;
  if (path === "scheduler" && ctx.hasNode && !accessModesFit(v, c)) m |= B_ACCESS_MODES;
  return m;
}

/**
 * The checks whose failure a volume pre-bound to the claim must not have to decide the search:
 * every reason bit except `node-affinity` (which decides *how*: the volume, or nothing).
 *
 * @internal
 * @example
 * ```ts
 * const decides = (mask & PRE_BOUND_FLAG) !== 0 && (mask & PRE_BOUND_BLOCKERS) === 0;
 * ```
 */
export const PRE_BOUND_BLOCKERS: number = ALL_REASON_BITS & ~B_NODE_AFFINITY;

/**
 * The codes of a mask from {@link checkVolume} in the order the checks ran: Kubernetes' order,
 * with `access-modes` first on the controller path, where the access-mode groups are applied
 * before any check.
 *
 * @example
 * ```ts
 * failedCodes(REASON_BITS["access-modes"] | REASON_BITS.phase, "controller"); // ["access-modes", "phase"]
 * ```
 */
export function failedCodes(mask: number, path: MatchPath): ReasonCode[] {
  const codes = reasonCodesOf(mask);
  if (path !== "controller" || (mask & B_ACCESS_MODES) === 0) return codes;
  return ["access-modes", ...codes.filter((x) => x !== "access-modes")];
}

/**
 * The full verdict of {@link checkVolume} as data: whether the volume is pre-bound to the claim
 * and the codes of all checks it fails, in Kubernetes' order. Checks Kubernetes does not apply
 * (phase, selector, class, and on the scheduler path access modes, for a pre-bound volume; node
 * affinity and access modes without a node) are not reported.
 *
 * @example
 * ```ts
 * evaluateVolume(decodeVolume(pv), decodeClaim(pvc), checkContext({}), "controller");
 * // { preBound: false, failed: ["too-small", "class"] }
 * ```
 */
export function evaluateVolume(
  v: DecodedVolume,
  c: DecodedClaim,
  ctx: CheckContext,
  path: MatchPath,
): { preBound: boolean; failed: ReasonCode[] } {
  const m = checkVolume(v, c, ctx, path);
  return { preBound: (m & PRE_BOUND_FLAG) !== 0, failed: failedCodes(m, path) };
}
