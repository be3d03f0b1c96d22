/**
 * `PoolExplainer`: why a claim matches the volume it matches, or why it matches none — over a pool
 * the caller owns and updates, so repeated explanations share the decoding and the per-shape
 * tables.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../api/index.js";
import { extendWith } from "../api/copy-with.js";
import { compareGroupKeys, matchingGroupKeys } from "./access-mode-groups.js";
import { CapacityTexts } from "./capacity-texts.js";
import type { CheckContext, MatchOptions } from "./checks.js";
import { checkContext, failedCodes, PRE_BOUND_FLAG } from "./checks.js";
import type {
  AccessModeGroupInfo,
  ClaimExplanation,
  ClaimInfo,
  ExplainMode,
  LossCode,
  MatchReasonCode,
  StorageClassInfo,
  VolumeNameCheck,
  VolumeVerdict,
} from "./claim-explanation.js";
import type { DecodedClaim } from "./decoded-claim.js";
import { decodeClaim } from "./decoded-claim.js";
import type { DecodedVolume } from "./decoded-volume.js";
import { decodeSnapshot } from "./decoded-volume.js";
import { describeFailure, formatModes } from "./describe-failure.js";
import { PoolSnapshot } from "./explain/pool-snapshot.js";
import type { PoolScan } from "./explain/scan.js";
import { scanPool } from "./explain/scan.js";
import { ShapeTables } from "./explain/shape-tables.js";
import { explainHeadline, explainSummary, volumeNameCheckOf } from "./explain-summary.js";
import type { ReasonCode } from "./reason-code.js";
import { REASON_CODES } from "./reason-code.js";
import { type CandidateSource, decidingVolume, isBetterCandidate, searchController } from "./search.js";
import { storageClassInfo } from "./storage-class-info.js";

/**
 * Options of {@link explainClaim}.
 *
 * @example
 * ```ts
 * const opts: ExplainOptions = { mode: "scheduler", node: { name: "n1", labels: { zone: "a" } }, classes };
 * ```
 */
export interface ExplainOptions extends MatchOptions {
  /**
   * `controller` (default without `node`): the PV controller's `findBestMatchForClaim`; `node` and
   * `excluded` are ignored. `scheduler` (default with `node`): `findMatchingVolume` with the node.
   */
  mode?: ExplainMode;
  /**
   * The cluster's StorageClasses: used to say how the claim's class provisions, and — when
   * `delayBinding` is not given — to derive it (the class is WaitForFirstConsumer).
   */
  classes?: readonly StorageClass[];
  /**
   * List at most this many volumes in `volumes` (the match, volumes pre-bound to the claim and the
   * closest ones are always listed). Every volume is still evaluated and counted in
   * `reasonCounts` and `candidates`; sentences are built only for the listed volumes, so a small
   * value keeps an explanation over a large pool to a few milliseconds. Default: all.
   */
  maxVolumes?: number;
  /**
   * How many volumes of other classes an explainer over one class's volumes leaves out (the engine
   * explains a claim against its own class's volumes, since every other volume fails the class
   * check whatever else it is). They count in `volumesOmitted` and once each under `class` in
   * `reasonCounts`, so the counts speak of the whole pool. Default 0.
   */
  otherClassVolumes?: number;
  /**
   * How many volumes an explainer over part of the pool leaves out without evaluating them: the
   * engine explains a claim that names a volume in `spec.volumeName` against that volume alone,
   * since the PV controller never searches the pool for such a claim. They count in
   * `volumesOmitted` only. Default 0.
   */
  unsearchedVolumes?: number;
}

/** A listed volume with its evaluation, before it becomes plain data. */
interface Evaluated {
  v: DecodedVolume;
  preBound: boolean;
  failed: ReasonCode[];
}

/**
 * The facts of one search that the summary needs (internal to `explainClaim`).
 *
 * @internal
 * @example
 * ```ts
 * explainSummary(result, facts, opts);
 * ```
 */
export interface SearchFacts {
  c: DecodedClaim;
  ctx: CheckContext;
  mode: ExplainMode;
  scan: PoolScan;
  /** What the claim gets: the search's match, or — with `spec.volumeName` — the named volume if bound. */
  match: DecodedVolume | undefined;
  /** Scheduler path: the pre-bound volume that decides the search, if any. */
  decider: DecodedVolume | undefined;
  /** The match is pre-bound to the claim (found by the search). */
  matchPreBound: boolean;
  groupOrder: string[];
  volumeName: VolumeNameCheck | undefined;
  storageClass: StorageClassInfo;
}

function claimInfo(c: DecodedClaim): ClaimInfo {
  return {
    key: c.key,
    namespace: c.namespace,
    name: c.name,
    uid: c.uid,
    request: c.requestText,
    class: c.class,
    accessModes: [...c.accessModes],
    volumeMode: c.volumeMode,
    volumeAttributesClassName: c.vac,
    ...(c.selector !== undefined ? { selector: c.selector.toString() } : {}),
    ...(c.volumeName !== "" ? { volumeName: c.volumeName } : {}),
  };
}

/**
 * The explanation's volumes as a {@link CandidateSource}: the scan already checked every volume,
 * so the search routine picks among its candidates.
 */
function scanSource(scan: PoolScan): CandidateSource {
  const unbound = scan.candidates.filter((i) => (scan.maskOf(i) & PRE_BOUND_FLAG) === 0);
  return {
    preBoundCandidates: () => scan.preBound.map((i) => scan.vols[i]!),
    groupKeys: () => new Set(unbound.map((i) => scan.vols[i]!.modesKey)),
    bestUnbound: (_c, _ctx, _path, key) => {
      let best: DecodedVolume | undefined;
      for (const i of unbound) {
        const v = scan.vols[i]!;
        if (key !== undefined && v.modesKey !== key) continue;
        if (best === undefined || isBetterCandidate(v, best)) best = v;
      }
      return best;
    },
  };
}

/** `FindMatchingVolume` with the scan's verdicts: the deciding pre-bound volume, or the best candidate. */
function schedulerMatch(
  c: DecodedClaim,
  ctx: CheckContext,
  source: CandidateSource,
): { match: DecodedVolume | undefined; decider: DecodedVolume | undefined; deciderFits: boolean } {
  const d = decidingVolume(c, ctx, source);
  if (d !== undefined) return { match: d.fits ? d.volume : undefined, decider: d.volume, deciderFits: d.fits };
  const blocked = !ctx.hasNode && ctx.delayBinding;
  return { match: blocked ? undefined : source.bestUnbound(c, ctx, "scheduler", undefined), decider: undefined, deciderFits: true };
}

function lossOf(e: Evaluated, f: SearchFacts): { code: LossCode; message: string } {
  const { v } = e;
  const m = f.match;
  if (f.volumeName !== undefined) {
    return {
      code: "volume-name",
      message: `the claim names ${f.volumeName.volume} in spec.volumeName, so the PV controller does not consider ${v.name}`,
    };
  }
  if (m === undefined) {
    const d = f.decider?.name ?? "a volume pre-bound to the claim";
    return {
      code: "blocked-by-pre-bound",
      message: `${v.name} fits, but ${d} is pre-bound to the claim and does not fit the node, so nothing is chosen`,
    };
  }
  if (f.mode === "controller" && m.modesKey !== v.modesKey && f.groupOrder.indexOf(v.modesKey) > f.groupOrder.indexOf(m.modesKey)) {
    return {
      code: "later-access-mode-group",
      message: `${v.name} is in access-mode group ${v.modesKey}, searched after ${m.modesKey}, where ${m.name} matched`,
    };
  }
  if (f.matchPreBound) {
    return { code: "pre-bound-wins", message: `${m.name} is pre-bound to the claim and is chosen` };
  }
  const cmp = v.capacity!.cmp(m.capacity!);
  if (cmp === 0) {
    return {
      code: "same-size-larger-name",
      message: `${v.name} is as large as ${m.name} (${m.capacityText}); the smaller name wins (kubevol's deterministic tie-break)`,
    };
  }
  return { code: "larger", message: `${v.name} (${v.capacityText}) is larger than ${m.name} (${m.capacityText})` };
}

function matchReason(f: SearchFacts): { reason: MatchReasonCode; message: string } {
  const m = f.match!;
  if (f.volumeName !== undefined) {
    const how =
      f.volumeName.result === "pre-bound"
        ? "its claimRef points back at the claim, so they are bound without checks"
        : "it satisfies the claim";
    return { reason: "volume-name", message: `the claim names ${m.name} in spec.volumeName and ${how}` };
  }
  if (f.matchPreBound) {
    const skipped = f.mode === "scheduler" ? "phase, selector, class and access modes" : "phase, selector and class";
    return {
      reason: "pre-bound",
      message: `${m.name} is pre-bound to the claim (its claimRef names ${f.c.key}), so the search stops there; ${skipped} are not checked for it`,
    };
  }
  let rivals = 0;
  let ties = 0;
  for (const i of f.scan.candidates) {
    const x = f.scan.vols[i]!;
    if ((f.scan.maskOf(i) & PRE_BOUND_FLAG) !== 0) continue;
    if (f.mode === "controller" && x.modesKey !== m.modesKey) continue;
    rivals++;
    if (x !== m && x.capacity!.cmp(m.capacity!) === 0) ties++;
  }
  const tieText = ties > 0 ? ` (tied in size with ${ties} other${ties > 1 ? "s" : ""}; the smaller name wins)` : "";
  const scope =
    f.mode === "controller"
      ? ` in access-mode group ${m.modesKey}, the tightest group offering ${formatModes(f.c.accessModes)} with a candidate`
      : f.ctx.hasNode
        ? ` that fit node ${f.ctx.nodeName ?? "(unnamed)"}`
        : "";
  if (rivals <= 1) {
    return { reason: "only-candidate", message: `${m.name} (${m.capacityText}) is the only candidate${scope}` };
  }
  return {
    reason: "smallest",
    message: `${m.name} (${m.capacityText}) is the smallest of ${rivals} candidates${scope}${tieText}`,
  };
}

function verdictOf(e: Evaluated, f: SearchFacts, reason: { message: string } | undefined): VolumeVerdict {
  const { v } = e;
  // The volume named in spec.volumeName is bound without the search's checks.
  const isMatch = v === f.match;
  const failures = isMatch && f.volumeName !== undefined ? [] : e.failed.map((code) => describeFailure(code, v, f.c, f.ctx));
  const base = {
    name: v.name,
    capacity: v.capacityText,
    class: v.class,
    accessModes: v.modesKey,
    phase: v.phase ?? "",
    preBound: e.preBound,
    failures,
  };
  if (isMatch) return extendWith(base, { status: "match", message: reason!.message });
  if (failures.length > 0) {
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more failed check${failures.length > 2 ? "s" : ""})` : "";
    return extendWith(base, { status: "rejected", message: failures[0]!.message + more });
  }
  const lost = lossOf(e, f);
  return extendWith(base, { status: "candidate", lost, message: lost.message });
}

function groupInfos(f: SearchFacts): AccessModeGroupInfo[] {
  const groups = f.scan.groups;
  return [...groups.keys()].sort(compareGroupKeys).map((key) => ({
    key,
    volumes: groups.get(key)!.volumes,
    candidates: groups.get(key)!.candidates,
    searched: f.groupOrder.includes(key),
    matched: f.volumeName === undefined && f.match?.modesKey === key,
  }));
}

function countReasons(scan: PoolScan): Partial<Record<ReasonCode, number>> {
  // Keyed in check order, so the object (and its JSON) does not depend on the pool's order.
  // One pass over the masks (code i is bit i, as `reasonCodesOf` reads them), not a pass per code.
  const totals = new Float64Array(REASON_CODES.length);
  for (const [mask, k] of scan.maskCounts) {
    for (let i = 0; i < REASON_CODES.length; i++) if ((mask & (1 << i)) !== 0) totals[i]! += k;
  }
  const counts: Partial<Record<ReasonCode, number>> = {};
  for (let i = 0; i < REASON_CODES.length; i++) if (totals[i]! > 0) counts[REASON_CODES[i]!] = totals[i]!;
  return counts;
}

/** Indexes of the volumes to describe: the important ones, then others by name up to `max`. */
function listedIndexes(scan: PoolScan, important: readonly number[], max: number | undefined): number[] {
  if (max === undefined) return scan.firstByName;
  const keep = new Set(important);
  for (const i of scan.firstByName) {
    if (keep.size >= max) break;
    keep.add(i);
  }
  return [...keep].sort((a, b) => (scan.vols[a]!.name < scan.vols[b]!.name ? -1 : 1));
}

/** Which volumes `closest` names: of the claim's class; of other classes only when the class has none and cannot provision. */
function closestIndexes(scan: PoolScan, f: Pick<SearchFacts, "match" | "volumeName" | "storageClass">): number[] {
  if (f.match !== undefined || f.volumeName !== undefined) return [];
  if (scan.sameClass > 0) return scan.closestSameClass;
  const sc = f.storageClass;
  if (sc.known && sc.exists === true && sc.canProvision === true) return [];
  return scan.closestAny;
}

/** The explainer's pool in scan form, rebuilt after a change. */
interface Pool {
  snapshot: PoolSnapshot;
  tables: ShapeTables;
}

/**
 * Counts of a {@link PoolExplainer}'s work, for monitoring and tests: explanations, those answered
 * from a per-shape table, tables built, and how often the pool was rebuilt after a change.
 *
 * @example
 * ```ts
 * const s: PoolExplainerStats = { explanations: 10, tableHits: 8, tablesBuilt: 1, rebuilds: 1 };
 * ```
 */
export interface PoolExplainerStats {
  explanations: number;
  tableHits: number;
  tablesBuilt: number;
  rebuilds: number;
}

/**
 * Explains claims against a pool of volumes that the caller owns and keeps up to date: what
 * `explainClaim` answers for `(claim, [...explainer], opts)`, with the pool decoded once and, for
 * claims of a shape seen before (same class, modes, volume mode, VolumeAttributesClass, selector,
 * node — only the request and the name differ; in a pool of 1,024 volumes or more, from the shape's
 * first claim), per-shape tables that answer in
 * O(cells · log V + listed volumes) instead of a pass over the pool.
 *
 * Contract (like `VolumeIndex` and an informer's store): the explainer sees each volume **as of its
 * last `upsert`** (or the constructor). It copies what the checks read, so editing a volume object
 * in place afterwards changes nothing until it is upserted again. Volumes are keyed by
 * `metadata.name`; a later volume with a known name replaces the earlier one. After a change the
 * next explanation rebuilds the scan arrays in O(n) (no re-decoding).
 *
 * @example
 * ```ts
 * const explainer = new PoolExplainer(volumes);
 * for (const claim of pending) console.log(explainer.explain(claim, { classes }).headline);
 * explainer.upsert({ ...pv, status: { phase: "Available" } });
 * ```
 */
export class PoolExplainer implements Iterable<PersistentVolume> {
  private readonly volumes = new Map<string, DecodedVolume>();
  private readonly texts = new CapacityTexts();
  private pool: Pool | undefined;
  private explanations = 0;
  private rebuilds = 0;
  private tableHitsBefore = 0;
  private tablesBuiltBefore = 0;
  /** @internal Whether repeated shapes are answered from tables (always, except in one-shot use). */
  readonly useTables: boolean;

  /**
   * An explainer over `volumes` (any iterable; later volumes with a known name replace earlier
   * ones).
   *
   * @example
   * ```ts
   * const explainer = new PoolExplainer(cluster.volumes.values());
   * ```
   */
  constructor(volumes: Iterable<PersistentVolume> = [], opts: { readonly oneShot?: boolean } = {}) {
    this.useTables = opts?.oneShot !== true;
    const list = volumes != null && typeof (volumes as Iterable<unknown>)[Symbol.iterator] === "function" ? volumes : [];
    for (const pv of list) {
      const d = decodeSnapshot(pv, this.texts);
      this.volumes.set(d.name, d);
    }
  }

  /**
   * A new explainer over some volumes of this one — those `keep` accepts, or those with the given
   * names, in that order (names it does not hold are skipped) — as this one sees them (as of their
   * last `upsert`), sharing their decoded form: no volume is decoded again. The two are
   * independent afterwards: an `upsert` or `delete` on one does not change the other.
   *
   * @example
   * ```ts
   * const all = new PoolExplainer(volumes);
   * const fast = all.subset((pv) => pv.spec?.storageClassName === "fast");
   * const one = all.subset(["pv-1"], { oneShot: true });
   * ```
   */
  subset(keep: ((pv: PersistentVolume) => boolean) | Iterable<string>, opts: { readonly oneShot?: boolean } = {}): PoolExplainer {
    const out = new PoolExplainer([], opts ?? {});
    // Decoded volumes are never changed once made (an upsert replaces them), so both may hold them.
    if (typeof keep === "function") {
      for (const [name, d] of this.volumes) if (keep(d.pv)) out.volumes.set(name, d);
    } else if (keep != null && typeof (keep as Iterable<unknown>)[Symbol.iterator] === "function") {
      for (const name of keep) {
        const d = typeof name === "string" ? this.volumes.get(name) : undefined;
        if (d !== undefined) out.volumes.set(name, d);
      }
    }
    return out;
  }

  /**
   * Adds a volume, or replaces the volume with the same name.
   *
   * @example
   * ```ts
   * explainer.upsert(pv);
   * ```
   */
  upsert(pv: PersistentVolume): void {
    const d = decodeSnapshot(pv, this.texts);
    this.volumes.set(d.name, d);
    this.changed();
  }

  /**
   * Removes the volume with this name; returns whether there was one.
   *
   * @example
   * ```ts
   * explainer.delete("pv-1"); // true
   * ```
   */
  delete(name: string): boolean {
    const had = this.volumes.delete(name);
    if (had) this.changed();
    return had;
  }

  /**
   * Number of volumes.
   *
   * @example
   * ```ts
   * new PoolExplainer([pv]).size; // 1
   * ```
   */
  get size(): number {
    return this.volumes.size;
  }

  /**
   * The volumes (the objects last upserted), in insertion order.
   *
   * @example
   * ```ts
   * [...explainer].length === explainer.size; // true
   * ```
   */
  *[Symbol.iterator](): IterableIterator<PersistentVolume> {
    for (const d of this.volumes.values()) yield d.pv;
  }

  /**
   * Explains a claim against the pool: the same result as `explainClaim(claim, [...this], opts)`.
   *
   * @example
   * ```ts
   * explainer.explain(claim, { classes }).outcome; // "no-match"
   * ```
   */
  explain(claim: PersistentVolumeClaim, opts: ExplainOptions = {}): ClaimExplanation {
    this.explanations++;
    return explainWith(this, () => this.currentPool(), claim, opts ?? {});
  }

  /**
   * What the explainer has done so far (see {@link PoolExplainerStats}).
   *
   * @example
   * ```ts
   * explainer.stats().tableHits;
   * ```
   */
  stats(): PoolExplainerStats {
    const t = this.pool?.tables;
    return {
      explanations: this.explanations,
      tableHits: this.tableHitsBefore + (t?.hits ?? 0),
      tablesBuilt: this.tablesBuiltBefore + (t?.built ?? 0),
      rebuilds: this.rebuilds,
    };
  }

  private changed(): void {
    if (this.pool !== undefined) {
      this.tableHitsBefore += this.pool.tables.hits;
      this.tablesBuiltBefore += this.pool.tables.built;
    }
    this.pool = undefined;
  }

  private currentPool(): Pool {
    if (this.pool === undefined) {
      this.rebuilds++;
      const snapshot = new PoolSnapshot([...this.volumes.values()]);
      this.pool = { snapshot, tables: new ShapeTables(snapshot) };
    }
    return this.pool;
  }
}

function explainWith(explainer: PoolExplainer, pool: () => Pool, claim: PersistentVolumeClaim, opts: ExplainOptions): ClaimExplanation {
  const o: ExplainOptions = opts ?? {};
  const mode: ExplainMode = o.mode === "scheduler" || o.mode === "controller" ? o.mode : o.node ? "scheduler" : "controller";
  const c = decodeClaim(claim);
  const storageClass = storageClassInfo(c.class, o.classes, o.node ?? undefined);
  const delayBinding =
    typeof o.delayBinding === "boolean"
      ? o.delayBinding
      : mode === "scheduler" || storageClass.volumeBindingMode === "WaitForFirstConsumer";
  const ctx = checkContext(
    mode === "scheduler" ? { node: o.node ?? undefined, excluded: o.excluded ?? undefined, delayBinding } : { delayBinding },
  );
  const head = { claim: claimInfo(c), mode } as Pick<
    ClaimExplanation,
    "claim" | "mode" | "node" | "delayBinding" | "problems" | "storageClass"
  >;
  if (ctx.hasNode) head.node = ctx.nodeName ?? "";
  head.delayBinding = delayBinding;
  head.problems = [...c.problems];
  head.storageClass = storageClass;
  const max = typeof o.maxVolumes === "number" && o.maxVolumes >= 0 ? Math.floor(o.maxVolumes) : undefined;

  if (c.problems.length > 0) {
    const partial = {
      ...head,
      outcome: "invalid-claim" as const,
      volumes: [],
      volumesOmitted: 0,
      candidates: 0,
      reasonCounts: {},
      closest: [],
      staticMatchPossible: false,
    };
    return { ...partial, headline: explainHeadline(partial, undefined), summary: explainSummary(partial, undefined, o) };
  }

  const { snapshot, tables } = pool();
  const scan = (explainer.useTables ? tables.scan(c, ctx, mode, max) : undefined) ?? scanPool(snapshot, c, ctx, mode, max);
  const source = scanSource(scan);
  let match: DecodedVolume | undefined;
  let groupOrder: string[] = [];
  let decider: DecodedVolume | undefined;
  let blocked = false;
  if (mode === "controller") {
    groupOrder = matchingGroupKeys(scan.groups.keys(), c.accessModes);
    match = searchController(c, ctx, source);
  } else {
    const r = schedulerMatch(c, ctx, source);
    match = r.match;
    decider = r.decider;
    blocked = !r.deciderFits;
  }
  let matchPreBound = match !== undefined && match.claimRef !== undefined;
  // A claim that names a volume is never searched for: it gets that volume or nothing (kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go, `syncUnboundClaim`).
  const volumeName = volumeNameCheckOf(c, scan.byName);
  if (volumeName !== undefined) {
    match = volumeName.result === "pre-bound" || volumeName.result === "satisfies" ? scan.byName.get(volumeName.volume) : undefined;
    matchPreBound = false;
    decider = undefined;
    blocked = false;
  }
  const facts: SearchFacts = { c, ctx, mode, scan, match, decider, matchPreBound, groupOrder, volumeName, storageClass };
  const closest = closestIndexes(scan, facts);
  const matchIndex = match === undefined ? -1 : scan.indexOf(match);
  const important = [...(matchIndex >= 0 ? [matchIndex] : []), ...scan.preBound, ...closest];
  const listed = listedIndexes(scan, important, max);
  const reason = match !== undefined ? matchReason(facts) : undefined;
  const verdicts = listed.map((i) => {
    const mask = scan.maskOf(i);
    const e: Evaluated = { v: scan.vols[i]!, preBound: (mask & PRE_BOUND_FLAG) !== 0, failed: failedCodes(mask, mode) };
    return verdictOf(e, facts, reason);
  });
  const verdictByName = new Map(verdicts.map((v) => [v.name, v]));
  const others = typeof o.otherClassVolumes === "number" && o.otherClassVolumes > 0 ? Math.floor(o.otherClassVolumes) : 0;
  const unsearched = typeof o.unsearchedVolumes === "number" && o.unsearchedVolumes > 0 ? Math.floor(o.unsearchedVolumes) : 0;
  let reasonCounts = countReasons(scan);
  if (others > 0) reasonCounts = { ...reasonCounts, class: (reasonCounts.class ?? 0) + others };
  // Built key by key in the order of the report (optional keys only when set): an object literal
  // with conditional spreads, copied again to add the texts, cost ~18 µs per explanation.
  const result = head as Omit<ClaimExplanation, "summary" | "headline">;
  result.outcome = match !== undefined ? "matched" : blocked ? "pre-bound-misses-node" : "no-match";
  if (match !== undefined) result.match = { volume: match.name, capacity: match.capacityText, ...reason! };
  if (mode === "controller") result.groups = groupInfos(facts);
  result.volumes = verdicts;
  result.volumesOmitted = scan.vols.length - verdicts.length + others + unsearched;
  result.candidates = scan.candidates.length;
  result.reasonCounts = reasonCounts;
  result.closest = closest.map((i) => {
    const v = verdictByName.get(scan.vols[i]!.name)!;
    return {
      volume: v.name,
      failed: v.failures.map((f) => f.code),
      fixes: v.failures.map((f) => f.fix).filter((x): x is string => x !== undefined),
    };
  });
  result.staticMatchPossible = match !== undefined || scan.possible;
  if (volumeName !== undefined) result.volumeNameCheck = volumeName;
  // Both texts read the result as it is before either is added.
  const headline = explainHeadline(result, facts, o.classes);
  const summary = explainSummary(result, facts, o);
  const explanation = result as ClaimExplanation;
  explanation.headline = headline;
  explanation.summary = summary;
  return explanation;
}
