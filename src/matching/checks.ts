/**
 * The matching checks of Kubernetes' `FindMatchingVolume` as named predicates over decoded
 * objects, shared by `findMatchingVolume`, `findBestMatchForClaim`, `explainClaim` and the
 * VolumeIndex. Each predicate answers "does the volume pass?" and costs at most one comparison,
 * except `selectorMatches` and `nodeAffinityFits`, which evaluate the selector / node affinity.
 *
 * @module
 */
import { containsAccessModes, isVolumeBoundToClaim, parseAccessModesKey } from "../api/helpers/index.js";
import type { Labels, NodeLike } from "../labels/index.js";
import type { NodeSelector, NodeSelectorMatcher } from "../labels/index.js";
import { compileNodeSelector, nodeAffinityError } from "../labels/index.js";
import type { DecodedClaim } from "./decoded-claim.js";
import type { DecodedVolume } from "./decoded-volume.js";
import type { ReasonCode } from "./reason-code.js";
import { REASON_BITS, reasonCodesOf } from "./reason-code.js";

/**
 * The per-search inputs of the checks: the node (scheduler path) or none (PV-controller path), the
 * names already chosen for other claims of the pod, and whether binding is delayed
 * (WaitForFirstConsumer). Build it with {@link checkContext}.
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
  node?: NodeLike | null;
  /** Volume names that must not be chosen (scheduler: already chosen for other claims of the pod). */
  excluded?: ReadonlySet<string> | null;
  /** Delayed binding (the claim's class is WaitForFirstConsumer). Default `false`. */
  delayBinding?: boolean;
}

function nodeParts(node: NodeLike): { name: string | undefined; labels: Labels | undefined } {
  const n = node as { name?: unknown; labels?: unknown; metadata?: { name?: unknown; labels?: unknown } | null };
  const src = n.metadata != null && typeof n.metadata === "object" ? n.metadata : n;
  return {
    name: typeof src.name === "string" ? src.name : undefined,
    labels: src.labels != null && typeof src.labels === "object" ? (src.labels as Labels) : undefined,
  };
}

/**
 * Builds the {@link CheckContext} of a search from its options.
 *
 * @example
 * ```ts
 * checkContext({}).hasNode;                                  // false (PV-controller path)
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
  };
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
 * `claimed-by-other`: passes when the volume has no `claimRef`, or its `claimRef` points at this
 * claim (`IsVolumeBoundToClaim`: same name and namespace, and an empty or equal uid).
 *
 * @example
 * ```ts
 * notClaimedByOther(decodeVolume(boundElsewhere), decodeClaim(pvc)); // false
 * ```
 */
export function notClaimedByOther(v: DecodedVolume, c: DecodedClaim): boolean {
  return v.claimRef === undefined || isVolumeBoundToClaim(v.pv, c.pvc);
}

/**
 * Whether the volume is pre-bound to the claim: its `claimRef` points at it (by name, or by name
 * and uid). Such a volume short-circuits the search (see `findMatchingVolume`).
 *
 * @example
 * ```ts
 * isPreBound(decodeVolume({ ...pv, spec: { ...pv.spec, claimRef: { namespace: "ns", name: "data" } } }), decodeClaim(data)); // true
 * ```
 */
export function isPreBound(v: DecodedVolume, c: DecodedClaim): boolean {
  return v.claimRef !== undefined && isVolumeBoundToClaim(v.pv, c.pvc);
}

/**
 * `too-small` / `capacity-malformed`: passes iff capacity ≥ request, compared exactly
 * (`1Gi` > `1G`; `950E` > `800E`). A volume or claim whose quantity could not be parsed never passes.
 *
 * @example
 * ```ts
 * capacitySuffices(decodeVolume(pv1G), decodeClaim(claim1Gi)); // false: 10^9 < 2^30
 * ```
 */
export function capacitySuffices(v: DecodedVolume, c: DecodedClaim): boolean {
  return v.capacity !== undefined && c.request !== undefined && v.capacity.cmp(c.request) >= 0;
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
 * Compiled `spec.nodeAffinity.required` selectors, keyed by the selector object: a volume checked
 * against many nodes (or decoded many times) compiles it once. Inputs are never mutated, so
 * identity is a safe key.
 */
const compiledAffinity = new WeakMap<object, NodeSelectorMatcher>();

function affinityMatcher(required: NodeSelector): NodeSelectorMatcher {
  let m = compiledAffinity.get(required);
  if (m === undefined) {
    m = compileNodeSelector(required);
    compiledAffinity.set(required, m);
  }
  return m;
}

/**
 * The node-affinity verdict of component-helpers' `CheckNodeAffinity`: `undefined` when the volume
 * fits the context's node (or there is no node, or the volume has no required affinity), else
 * Kubernetes' error text. Only the node's labels are used (`matchFields` on the node name are
 * effectively ignored, as upstream). Never throws.
 *
 * @example
 * ```ts
 * volumeNodeAffinityError(decodeVolume(localPvOnN1), checkContext({ node: { labels: { "kubernetes.io/hostname": "n2" } } }));
 * // "no matching NodeSelectorTerms"
 * ```
 */
export function volumeNodeAffinityError(v: DecodedVolume, ctx: CheckContext): string | undefined {
  if (!ctx.hasNode || !v.hasNodeAffinity) return undefined;
  try {
    const required = v.pv.spec.nodeAffinity!.required!;
    return nodeAffinityError(affinityMatcher(required), ctx.nodeLabels);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * `node-affinity`: passes iff {@link volumeNodeAffinityError} is `undefined`. Always passes without a node
 * (the PV controller never evaluates node affinity).
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
  return containsAccessModes(v.accessModes, c.accessModes);
}

/**
 * `access-modes` (PV-controller path): passes iff the volume's access-mode *group* — its canonical
 * key, parsed back — contains every requested mode, i.e. the PV controller searches the volume's
 * group at all. Differs from {@link accessModesFit} only for unknown mode strings (ignored by keys).
 *
 * @example
 * ```ts
 * groupOffersModes(decodeVolume(rwoRoxPv), decodeClaim(roxClaim)); // true
 * ```
 */
export function groupOffersModes(v: DecodedVolume, c: DecodedClaim): boolean {
  return containsAccessModes(parseAccessModesKey(v.modesKey), c.accessModes);
}

/**
 * The checks a pre-bound volume must pass before it short-circuits the search: excluded,
 * claimed-by-other, capacity, volume mode, VolumeAttributesClass, deletion (steps 1–6 of
 * `FindMatchingVolume`). A volume failing them is skipped and the search continues.
 *
 * @example
 * ```ts
 * passesCommonChecks(decodeVolume(pv), decodeClaim(pvc), checkContext({}));
 * ```
 */
export function passesCommonChecks(v: DecodedVolume, c: DecodedClaim, ctx: CheckContext): boolean {
  return (
    v.defect === undefined &&
    notExcluded(v, ctx) &&
    notClaimedByOther(v, c) &&
    capacitySuffices(v, c) &&
    volumeModeMatches(v, c) &&
    vacMatches(v, c) &&
    volumeNotDeleting(v)
  );
}

/**
 * The checks an unbound (not pre-bound) volume must pass after the common ones: delayed binding
 * (no node), phase, selector, class, node affinity, and — with a node — access modes (steps 9–14).
 *
 * @example
 * ```ts
 * passesUnboundChecks(decodeVolume(pv), decodeClaim(pvc), checkContext({ node }));
 * ```
 */
export function passesUnboundChecks(v: DecodedVolume, c: DecodedClaim, ctx: CheckContext): boolean {
  if (!ctx.hasNode && ctx.delayBinding) return false;
  return (
    volumeIsAvailable(v) &&
    selectorMatches(v, c) &&
    classMatches(v, c) &&
    nodeAffinityFits(v, ctx) &&
    (!ctx.hasNode || accessModesFit(v, c))
  );
}

/**
 * Set in a mask from {@link volumeEvaluator} when the volume is pre-bound to the claim (above the
 * reason bits of `REASON_BITS`, so `mask & ALL_REASON_BITS` is the failure part).
 *
 * @example
 * ```ts
 * const m = volumeEvaluator(c, ctx, true)(v);
 * const preBound = (m & PRE_BOUND_FLAG) !== 0;
 * ```
 */
export const PRE_BOUND_FLAG = 1 << 30;

/**
 * Evaluates one decoded volume for a fixed claim and context: returns a mask with the
 * `REASON_BITS` of every failed check plus {@link PRE_BOUND_FLAG}.
 *
 * @example
 * ```ts
 * const mask = volumeEvaluator(c, ctx, true)(v);
 * ```
 */
export type VolumeEvaluator = (v: DecodedVolume, hints?: EvaluationHints) => number;

/**
 * What a scan that keeps per-volume facts in its own arrays can tell {@link volumeEvaluator}
 * without it reading the volume object: the volume's signature id (see {@link volumeSignature}),
 * `capacity.toNumber()` (`NaN` when the capacity is undefined), whether `claimRef` is set and its
 * {@link nodeAffinityId}.
 * They must be true of the volume passed with them.
 *
 * @example
 * ```ts
 * const hints: EvaluationHints = { signature: 3, capacityKey: 10737418240, hasClaimRef: false, affinity: 0 };
 * ```
 */
export interface EvaluationHints {
  signature: number;
  capacityKey: number;
  hasClaimRef: boolean;
  /** {@link nodeAffinityId} of the volume (0: no required node affinity). */
  affinity: number;
}

// Plain numeric constants for the per-volume loop (faster than property reads on a frozen table).
const B_MALFORMED = REASON_BITS["malformed-volume"];
const B_ACCESS_MODES = REASON_BITS["access-modes"];
const B_EXCLUDED = REASON_BITS.excluded;
const B_CLAIMED = REASON_BITS["claimed-by-other"];
const B_CAPACITY_MALFORMED = REASON_BITS["capacity-malformed"];
const B_TOO_SMALL = REASON_BITS["too-small"];
const B_VOLUME_MODE = REASON_BITS["volume-mode"];
const B_VAC = REASON_BITS["volume-attributes-class"];
const B_DELETING = REASON_BITS.deleting;
const B_NODE_AFFINITY = REASON_BITS["node-affinity"];
const B_DELAY = REASON_BITS["delay-binding"];
const B_PHASE = REASON_BITS.phase;
const B_SELECTOR = REASON_BITS.selector;
const B_CLASS = REASON_BITS.class;

/**
 * Compiles the checks of {@link evaluateVolume} for one claim and context into a function that
 * evaluates a volume without allocating: the result is a failure mask (`REASON_BITS`) plus
 * {@link PRE_BOUND_FLAG}. Per-claim work is done once and memoised for the evaluator's life:
 * whether an access-mode group offers the requested modes (per group key) and whether a node
 * affinity fits the node (per `nodeAffinity.required` object — pools share them). Use it to scan
 * large pools; build sentences only for the volumes you report (`describeFailure`).
 *
 * Same semantics and check order as {@link evaluateVolume} (which is built on it).
 *
 * @param groupModes - `true` for the PV-controller path (access modes enforced by groups).
 * @param signatures - how many signature ids (`0 … signatures − 1`, see {@link volumeSignature})
 *   the caller may pass in {@link EvaluationHints}; the evaluator then memoises the
 *   signature-only checks. Volumes passed with one id must have equal signatures.
 *
 * @example
 * ```ts
 * const evaluate = volumeEvaluator(decodeClaim(pvc), checkContext({}), true);
 * const candidates = pool.map(decodeVolume).filter((v) => (evaluate(v) & ALL_REASON_BITS) === 0);
 * ```
 */
export function volumeEvaluator(c: DecodedClaim, ctx: CheckContext, groupModes: boolean, signatures = 0): VolumeEvaluator {
  const checks = new CompiledChecks(c, ctx, groupModes, signatures);
  return (v, hints) => checks.evaluate(v, hints);
}

/**
 * Node-affinity verdicts (the `node-affinity` bit, or 0) by `nodeAffinityId`, per node-labels
 * object: the verdict depends only on the affinity object and the node's labels (matchFields are
 * ignored upstream), both immutable inputs, so explaining many claims on one node evaluates each
 * affinity once. Entries go away with the labels object; a node without labels gets a map per
 * claim.
 */
const verdictsByLabels = new WeakMap<object, Map<number, number>>();

function affinityVerdicts(labels: Labels | undefined): Map<number, number> {
  // No labels object to key on: memoise for this claim only.
  if (labels === undefined) return new Map();
  let m = verdictsByLabels.get(labels);
  if (m === undefined) verdictsByLabels.set(labels, (m = new Map()));
  return m;
}

/**
 * The checks of one claim and context, compiled: what {@link volumeEvaluator} wraps. A class, so
 * that the per-volume method is one function shared by every instance and stays optimised from
 * one claim to the next (a closure per claim would start cold each time).
 *
 * @example
 * ```ts
 * const checks = new CompiledChecks(decodeClaim(pvc), checkContext({}), true, 0);
 * const mask = checks.evaluate(decodeVolume(pv));
 * ```
 */
export class CompiledChecks {
  private readonly groupOffers = new Map<string, boolean>();
  private readonly affinityFits = new Map<object, boolean>();
  private readonly requestsKnownModes: boolean;
  private readonly unboundDelayed: boolean;
  private readonly requestKey: number;
  private readonly commonBits: Int32Array;
  private readonly unboundBits: Int32Array;
  private readonly affinityById: Map<number, number>;

  constructor(
    private readonly c: DecodedClaim,
    private readonly ctx: CheckContext,
    private readonly groupModes: boolean,
    private readonly signatures: number,
  ) {
    // With only known modes requested, the raw list offers them iff its canonical key does
    // (unknown strings are all a key drops), so the per-key answer can be reused.
    this.requestsKnownModes = parseAccessModesKey(c.modesKey).length === new Set(c.accessModes).size;
    this.unboundDelayed = !ctx.hasNode && ctx.delayBinding;
    this.requestKey = c.request === undefined ? NaN : c.request.toNumber();
    this.affinityById = affinityVerdicts(ctx.nodeLabels);
    // The bits that depend only on a volume's signature (see volumeSignature), memoised per
    // signature id when the caller passes one: the checks shared by every volume of a kind.
    this.commonBits = new Int32Array(signatures).fill(-1);
    this.unboundBits = new Int32Array(signatures).fill(-1);
  }

  private offers(key: string): boolean {
    let ok = this.groupOffers.get(key);
    if (ok === undefined) {
      ok = containsAccessModes(parseAccessModesKey(key), this.c.accessModes);
      this.groupOffers.set(key, ok);
    }
    return ok;
  }

  private fits(v: DecodedVolume): boolean {
    if (!this.ctx.hasNode || !v.hasNodeAffinity) return true;
    const required = v.pv.spec.nodeAffinity?.required;
    if (required == null || typeof required !== "object") return nodeAffinityFits(v, this.ctx);
    let ok = this.affinityFits.get(required);
    if (ok === undefined) {
      ok = nodeAffinityFits(v, this.ctx);
      this.affinityFits.set(required, ok);
    }
    return ok;
  }

  /** IsVolumeBoundToClaim on the decoded claimRef against the decoded claim (its fields are already strings). */
  private pointsAtClaim(ref: object): boolean {
    const r = ref as { name?: unknown; namespace?: unknown; uid?: unknown };
    const c = this.c;
    if ((typeof r.name === "string" ? r.name : "") !== c.name) return false;
    if ((typeof r.namespace === "string" ? r.namespace : "") !== c.namespace) return false;
    const uid = typeof r.uid === "string" ? r.uid : "";
    return uid === "" || uid === c.uid;
  }

  private common(v: DecodedVolume): number {
    const c = this.c;
    return (
      (this.groupModes && !this.offers(v.modesKey) ? B_ACCESS_MODES : 0) |
      (v.volumeMode !== c.volumeMode ? B_VOLUME_MODE : 0) |
      (v.vac !== c.vac ? B_VAC : 0) |
      (v.deleting ? B_DELETING : 0)
    );
  }

  private unbound(v: DecodedVolume): number {
    return (
      (this.unboundDelayed ? B_DELAY : 0) |
      (v.phase !== "Available" ? B_PHASE : 0) |
      (v.class !== this.c.class ? B_CLASS : 0) |
      (this.ctx.hasNode && !this.groupModes && this.requestsKnownModes && !this.offers(v.modesKey) ? B_ACCESS_MODES : 0)
    );
  }

  /** The node-affinity bit, memoised per affinity object id when the caller passes one. */
  private fitsBits(v: DecodedVolume, hints: EvaluationHints | undefined): number {
    if (!this.ctx.hasNode) return 0;
    if (hints === undefined) return this.fits(v) ? 0 : B_NODE_AFFINITY;
    if (hints.affinity === 0) return 0;
    let a = this.affinityById.get(hints.affinity);
    if (a === undefined) this.affinityById.set(hints.affinity, (a = this.fits(v) ? 0 : B_NODE_AFFINITY));
    return a;
  }

  /**
   * The failure mask of one volume (`REASON_BITS`, plus {@link PRE_BOUND_FLAG}).
   *
   * @example
   * ```ts
   * checks.evaluate(decodeVolume(pv)) & ALL_REASON_BITS; // 0: a candidate
   * ```
   */
  evaluate(v: DecodedVolume, hints?: EvaluationHints): number {
    const c = this.c;
    const signature = hints === undefined ? -1 : hints.signature;
    const memo = signature >= 0 && signature < this.signatures;
    let m: number;
    if (memo) {
      m = this.commonBits[signature]!;
      if (m < 0)
        this.commonBits[signature] = m = v.defect !== undefined && v.defect.code === "malformed-volume" ? B_MALFORMED : this.common(v);
      if (m === B_MALFORMED) return m;
    } else {
      if (v.defect !== undefined && v.defect.code === "malformed-volume") return B_MALFORMED;
      m = this.common(v);
    }
    const excluded = this.ctx.excluded;
    if (excluded?.has(v.name)) m |= B_EXCLUDED;
    const hasRef = hints !== undefined ? hints.hasClaimRef : v.claimRef !== undefined;
    const preBound = hasRef && this.pointsAtClaim(v.claimRef!);
    if (hasRef && !preBound) m |= B_CLAIMED;
    // toNumber() is monotone, so unequal keys decide the exact comparison; equal keys go to cmp.
    // A defined capacity is never NaN (huge values are ±Infinity), so NaN means "no capacity".
    const key = hints !== undefined ? hints.capacityKey : v.capacity === undefined ? NaN : v.capacity.toNumber();
    if (Number.isNaN(key)) m |= B_CAPACITY_MALFORMED;
    else if (c.request === undefined || key < this.requestKey) m |= B_TOO_SMALL;
    else if (!(key > this.requestKey) && v.capacity!.cmp(c.request) < 0) m |= B_TOO_SMALL;
    if (preBound) return m | this.fitsBits(v, hints) | PRE_BOUND_FLAG;
    if (memo) {
      let u = this.unboundBits[signature]!;
      if (u < 0) this.unboundBits[signature] = u = this.unbound(v);
      m |= u;
    } else m |= this.unbound(v);
    if (c.selector !== undefined && !c.selector.matches(v.labels)) m |= B_SELECTOR;
    m |= this.fitsBits(v, hints);
    if (this.ctx.hasNode && !this.groupModes && !this.requestsKnownModes && !accessModesFit(v, c)) m |= B_ACCESS_MODES;
    return m;
  }
}

/**
 * A volume's *signature*: the decoded fields that the signature-only checks of
 * {@link volumeEvaluator} read (defect, access-mode key, volume mode, VolumeAttributesClass,
 * deletion, phase, class). Volumes with equal signatures pass or fail those checks together, so a scan that
 * numbers the signatures of its pool once can pass the number to the evaluator and have those
 * checks evaluated once per signature instead of once per volume.
 *
 * @example
 * ```ts
 * volumeSignature(decodeVolume(pv)); // '["","RWO","Filesystem","",false,"Available","fast"]'
 * ```
 */
export function volumeSignature(v: DecodedVolume): string {
  let sig = signatures.get(v);
  if (sig === undefined) {
    sig = signatureOf(v);
    signatures.set(v, sig);
  }
  return sig;
}

/** Signatures by decoded volume (immutable, so identity is a safe key). */
const signatures = new WeakMap<DecodedVolume, string>();

function signatureOf(v: DecodedVolume): string {
  return JSON.stringify([v.defect?.code ?? "", v.modesKey, v.volumeMode, v.vac, v.deleting, v.phase ?? null, v.class]);
}

/** Ids of `nodeAffinity.required` objects (pools share them). */
const affinityIds = new WeakMap<object, number>();
let nextAffinityId = 1;

/**
 * An id for a volume's `spec.nodeAffinity.required` object, for memoising node-affinity verdicts
 * (see {@link EvaluationHints}): 0 when the volume has none; the same id for the same object
 * (pools often share one per node); a fresh id for a value that is not an object.
 *
 * @example
 * ```ts
 * nodeAffinityId(decodeVolume(networkPv)); // 0
 * nodeAffinityId(decodeVolume(localPvA)) === nodeAffinityId(decodeVolume(localPvA)); // true
 * ```
 */
export function nodeAffinityId(v: DecodedVolume): number {
  if (!v.hasNodeAffinity) return 0;
  const required: unknown = v.pv.spec.nodeAffinity?.required;
  if (typeof required !== "object" || required === null) return nextAffinityId++;
  let id = affinityIds.get(required);
  if (id === undefined) affinityIds.set(required, (id = nextAffinityId++));
  return id;
}

/**
 * The codes of a mask from {@link volumeEvaluator} in the order the checks ran: Kubernetes'
 * order, with `access-modes` first on the PV-controller path (`groupModes`), where the
 * access-mode groups are applied before any check.
 *
 * @example
 * ```ts
 * failedCodes(REASON_BITS["access-modes"] | REASON_BITS.phase, true); // ["access-modes", "phase"]
 * ```
 */
export function failedCodes(mask: number, groupModes: boolean): ReasonCode[] {
  const codes = reasonCodesOf(mask);
  if (!groupModes || (mask & B_ACCESS_MODES) === 0) return codes;
  return ["access-modes", ...codes.filter((x) => x !== "access-modes")];
}

/**
 * The full verdict of every check for one volume: whether it is pre-bound to the claim and the
 * codes of all checks it fails (not only the first), in Kubernetes' order. A volume with no failed
 * check is a valid candidate. Checks that Kubernetes does not apply (phase, selector, class, and in
 * the scheduler path access modes, for a pre-bound volume; node affinity and access modes without a
 * node) are not reported. For many volumes and one claim, {@link volumeEvaluator} does the same
 * without allocating.
 *
 * @param groupModes - `true` for the PV-controller path, where access modes are enforced by the
 *   access-mode groups (for pre-bound volumes too); the code then comes first.
 *
 * @example
 * ```ts
 * evaluateVolume(decodeVolume(pv), decodeClaim(pvc), checkContext({}), true);
 * // { preBound: false, failed: ["too-small", "class"] }
 * ```
 */
export function evaluateVolume(
  v: DecodedVolume,
  c: DecodedClaim,
  ctx: CheckContext,
  groupModes: boolean,
): { preBound: boolean; failed: ReasonCode[] } {
  const m = volumeEvaluator(c, ctx, groupModes)(v);
  return { preBound: (m & PRE_BOUND_FLAG) !== 0, failed: failedCodes(m, groupModes) };
}
