/**
 * The static matcher of `filterNodes`: the answers of `findMatchingVolume` over the class's
 * volumes, with the per-node work reduced to a few lookups. Built per call (nothing outlives it).
 *
 * @module
 */
import { claimClass, claimRefPointsAt, volumeClass } from "../api/helpers/index.js";
import type { Node, PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import { compileNodeSelector, nodeAffinityError, type NodeSelectorMatcher } from "../labels/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { checkContext, checkVolume, type DecodedVolume, decodeVolume, findMatchingVolume, isBetterCandidate } from "../matching/index.js";
import { CapacityTexts } from "../matching/capacity-texts.js";
import { VolumeFacts } from "../matching/decoded-volume.js";
import { PRE_BOUND_FLAG } from "../matching/checks.js";
import { decodeSearchableClaim } from "../matching/find-matching-volume.js";
import { nodeLabels } from "./snapshot.js";
import type { VolumePoolCache } from "./scheduling-cache.js";
import { type StaticMatcher, volumesByClass } from "./static-matcher.js";

/** Candidates sharing one node affinity, best first (`isBetterCandidate`). */
interface Group {
  readonly volumes: DecodedVolume[];
  /** "other" groups: the compiled affinity of their (common) `required` selector. */
  readonly matcher?: NodeSelectorMatcher;
}

/** One claim's candidates: every volume of its class passing every check but node affinity. */
interface ClaimCandidates {
  /** Volumes pre-bound to the claim exist: the search is done linearly (rare). */
  readonly linear: boolean;
  /** No node affinity: fit every node. */
  readonly any: Group;
  /** `key In [values]` (one term, one expression, valid): by key, then value. */
  readonly pinned: Map<string, Map<string, Group>>;
  /** Every other node affinity, one group per distinct selector (by content). */
  readonly other: Group[];
}

/**
 * The `(key, values)` of a selector that pins one label, or undefined. `valid` remembers, per
 * `key` and `values`, whether such a selector compiles without errors.
 */
function pinOf(required: unknown, valid: PinValidity): { readonly key: string; readonly values: readonly string[] } | undefined {
  const terms = (required as { nodeSelectorTerms?: unknown } | null)?.nodeSelectorTerms;
  if (!Array.isArray(terms) || terms.length !== 1) return undefined;
  const t = terms[0] as { matchExpressions?: unknown; matchFields?: unknown } | null;
  if (typeof t !== "object" || t === null) return undefined;
  if (t.matchFields != null && (!Array.isArray(t.matchFields) || t.matchFields.length > 0)) return undefined;
  const exprs = t.matchExpressions;
  if (!Array.isArray(exprs) || exprs.length !== 1) return undefined;
  const e = exprs[0] as { key?: unknown; operator?: unknown; values?: unknown } | null;
  if (typeof e !== "object" || e === null || e.operator !== "In" || typeof e.key !== "string") return undefined;
  const values = e.values;
  if (!Array.isArray(values)) return undefined;
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== "string") return undefined;
  // Only a selector that compiles without errors means exactly "label key has one of values".
  let memo: Map<string, boolean>;
  let id: string;
  if (values.length === 1) {
    memo = valid.single.get(e.key) ?? new Map<string, boolean>();
    if (memo.size === 0) valid.single.set(e.key, memo);
    id = values[0] as string;
  } else {
    memo = valid.multi;
    id = JSON.stringify([e.key, values]);
  }
  let ok = memo.get(id);
  if (ok === undefined) {
    ok = compileNodeSelector(required as Parameters<typeof compileNodeSelector>[0]).errors.length === 0;
    memo.set(id, ok);
  }
  return ok ? (e as { key: string; values: string[] }) : undefined;
}

/** Whether a one-label pin compiles without errors: by key and value, or by key and values. */
interface PinValidity {
  readonly single: Map<string, Map<string, boolean>>;
  readonly multi: Map<string, boolean>;
}

/** A verdict memo that says every node affinity fits (the node-independent pass ignores it). */
class EveryAffinityFits extends Map<object, string | undefined> {
  override has(): boolean {
    return true;
  }
  override get(): undefined {
    return undefined;
  }
}

/** The better of `best` and the group's first volume not excluded. */
function firstFree(g: Group, excluded: ReadonlySet<string>, best: DecodedVolume | undefined): DecodedVolume | undefined {
  for (const v of g.volumes) {
    if (excluded.size > 0 && excluded.has(v.name)) continue;
    return best === undefined || isBetterCandidate(v, best) ? v : best;
  }
  return best;
}

/** A claim's candidate groups, and how many best volumes each group keeps. */
interface Prepared {
  readonly keep: number;
  readonly candidates: ClaimCandidates;
}

/**
 * `findMatchingVolume(claim, ListPVs(class), node, excluded, delayBinding=true)` for many nodes.
 *
 * {@link prepare} (once per pod): every volume of a claim's class is read once (into one scratch
 * object, without allocating) and checked by `checkVolume` for each claim of that class against a
 * node-less context; the volumes failing nothing but node affinity are grouped by node affinity —
 * none; pinned to one label (`key In [values]`, the form of local and zonal volumes), filed under
 * each value; any other selector, one group per distinct selector — and each group keeps its
 * `keep` best volumes (`isBetterCandidate` order), `keep` = the number of claims matched for the
 * pod (the volumes chosen for the other claims can exclude at most `keep − 1` of them). Per node
 * ({@link match}): the groups that can admit the node (no affinity; the pins of the node's labels;
 * the other groups whose selector admits the node) each offer their first volume not excluded, and
 * the best of those wins — the volume `findMatchingVolume` picks, by the same checks and order.
 * A claim with a volume pre-bound to it is answered by `findMatchingVolume` itself.
 *
 * @example
 * ```ts
 * const m = new IndexedStaticMatcher(cluster);
 * m.prepare([pvc]);
 * m.match(pvc, node, new Set()); // same as LinearStaticMatcher
 * ```
 */
export class IndexedStaticMatcher implements StaticMatcher {
  private byClass: Map<string, PersistentVolume[]> | undefined;
  private readonly perClaim = new Map<PersistentVolumeClaim, Prepared>();
  private readonly texts = new CapacityTexts();
  private readonly validPins: PinValidity = { single: new Map(), multi: new Map() };

  constructor(
    private readonly cluster: Cluster,
    private readonly cache?: VolumePoolCache,
  ) {}

  private classVolumes(cls: string): PersistentVolume[] {
    if (this.byClass === undefined && this.cache !== undefined) this.byClass = this.cache.byClass ??= volumesByClass(this.cluster);
    if (this.byClass === undefined) this.byClass = new Map();
    let list = this.byClass.get(cls);
    if (list === undefined) {
      // Without a cache only the classes asked for are collected (one pass for all of them).
      this.collect(new Set([cls]));
      list = this.byClass.get(cls)!;
    }
    return list;
  }

  /** The volumes of these classes (those not collected yet), in one pass over the snapshot. */
  private collect(classes: ReadonlySet<string>): void {
    const byClass = (this.byClass ??= new Map());
    const wanted = [...classes].filter((c) => !byClass.has(c));
    if (wanted.length === 0) return;
    for (const c of wanted) byClass.set(c, []);
    if (wanted.length === 1) {
      const only = wanted[0]!;
      const list = byClass.get(only)!;
      for (const pv of this.cluster.volumes.values()) if (typeof pv === "object" && pv !== null && volumeClass(pv) === only) list.push(pv);
      return;
    }
    const want = new Set(wanted);
    for (const pv of this.cluster.volumes.values()) {
      if (typeof pv !== "object" || pv === null) continue;
      const c = volumeClass(pv);
      if (want.has(c)) byClass.get(c)!.push(pv);
    }
  }

  /**
   * Builds the candidate groups of the claims the pod matches statically (see the class docs).
   *
   * @throws MatchingError when a claim cannot be searched for (as `findMatchingVolume` does).
   */
  prepare(claims: readonly PersistentVolumeClaim[]): void {
    const keep = claims.length;
    const todo = new Map<string, PersistentVolumeClaim[]>();
    for (const claim of claims) {
      if (this.perClaim.has(claim)) continue;
      const cached = this.cache?.candidates.get(claim) as Prepared | undefined;
      if (cached !== undefined && cached.keep >= keep) {
        this.perClaim.set(claim, cached);
        continue;
      }
      const cls = claimClass(claim);
      let list = todo.get(cls);
      if (list === undefined) todo.set(cls, (list = []));
      if (!list.includes(claim)) list.push(claim);
    }
    if (this.cache === undefined) this.collect(new Set(todo.keys()));
    for (const [cls, list] of todo) this.scanClass(cls, list, keep);
  }

  private scanClass(cls: string, claims: PersistentVolumeClaim[], keep: number): void {
    const decodedClaims = claims.map((c) => decodeSearchableClaim(c));
    const shared = new Map<PersistentVolume, DecodedVolume>();
    const builders = claims.map(() => new GroupBuilder(keep, this.texts, this.validPins, shared));
    // Any node: node affinity is the only check that depends on it, and it is decided per node
    // later; the context answers "fits" without compiling any selector.
    const ctx = checkContext({ node: { metadata: { name: "", labels: {} } }, delayBinding: true });
    ctx.affinityVerdicts = new EveryAffinityFits();
    const scratch = new VolumeFacts();
    const ids = decodedClaims.map((c) => [c.namespace, c.name, c.uid] as const);
    for (const pv of this.classVolumes(cls)) {
      // A volume whose claimRef points at none of these claims fails "claimed-by-other" for all
      // of them (and is pre-bound to none): skip it without decoding it.
      const ref: unknown = pv.spec?.claimRef;
      if (ref != null) {
        let mine = false;
        for (const [ns, name, uid] of ids) mine ||= claimRefPointsAt(ref, ns, name, uid);
        if (!mine) continue;
      }
      const v = scratch.read(pv, this.texts);
      for (let i = 0; i < claims.length; i++) {
        const b = builders[i]!;
        if (b.linear) continue;
        const mask = checkVolume(v, decodedClaims[i]!, ctx, "scheduler");
        if ((mask & PRE_BOUND_FLAG) !== 0) b.linear = true;
        else if (mask === 0) b.offer(v);
      }
    }
    for (let i = 0; i < claims.length; i++) {
      const prepared: Prepared = { keep, candidates: builders[i]!.done() };
      this.perClaim.set(claims[i]!, prepared);
      this.cache?.candidates.set(claims[i]!, prepared);
    }
  }

  match(claim: PersistentVolumeClaim, node: Node, excluded: ReadonlySet<string>): PersistentVolume | undefined {
    if (!this.perClaim.has(claim)) this.prepare([claim, ...Array.from({ length: excluded.size }, () => claim)]);
    const cand = this.perClaim.get(claim)!.candidates;
    if (cand.linear) return findMatchingVolume(claim, this.classVolumes(claimClass(claim)), { node, excluded, delayBinding: true });
    let best: DecodedVolume | undefined = firstFree(cand.any, excluded, undefined);
    const labels = nodeLabels(node);
    if (cand.pinned.size > 0) {
      for (const [key, byValue] of cand.pinned) {
        if (!Object.hasOwn(labels, key)) continue;
        const g = byValue.get(labels[key]!);
        if (g !== undefined) best = firstFree(g, excluded, best);
      }
    }
    for (const g of cand.other) {
      if (g.matcher === undefined) continue;
      if (nodeAffinityError(g.matcher, labels) === undefined) best = firstFree(g, excluded, best);
    }
    return best?.pv;
  }
}

/** Collects one claim's candidates into groups, keeping the `keep` best of each. */
class GroupBuilder {
  linear = false;
  private readonly any: Group = { volumes: [] };
  private readonly pinned = new Map<string, Map<string, Group>>();
  private readonly other = new Map<string, Group>();
  private readonly keyOf = new Map<object, string>();

  constructor(
    private readonly keep: number,
    private readonly texts: CapacityTexts,
    private readonly validPins: PinValidity,
    /** The volumes decoded for any claim of this scan (each volume is decoded once). */
    private readonly decoded: Map<PersistentVolume, DecodedVolume>,
  ) {}

  /** Offers a candidate (read into a scratch object: decoded for real only when kept). */
  offer(v: DecodedVolume): void {
    const required: unknown = v.affinity;
    if (required === undefined) {
      this.add(this.any, v);
      return;
    }
    const pin = pinOf(required, this.validPins);
    if (pin !== undefined) {
      let byValue = this.pinned.get(pin.key);
      if (byValue === undefined) this.pinned.set(pin.key, (byValue = new Map()));
      for (const value of pin.values.length === 1 ? pin.values : new Set(pin.values)) {
        let g = byValue.get(value);
        if (g === undefined) byValue.set(value, (g = { volumes: [] }));
        this.add(g, v);
      }
      return;
    }
    let key = typeof required === "object" && required !== null ? this.keyOf.get(required) : undefined;
    if (key === undefined) {
      key = JSON.stringify(required) ?? String(required);
      if (typeof required === "object" && required !== null) this.keyOf.set(required, key);
    }
    let g = this.other.get(key);
    if (g === undefined) {
      let matcher: NodeSelectorMatcher | undefined;
      try {
        matcher = compileNodeSelector(required as Parameters<typeof compileNodeSelector>[0]);
      } catch {
        matcher = undefined;
      }
      this.other.set(key, (g = { volumes: [], matcher }));
    }
    this.add(g, v);
  }

  /** Inserts `v` in order if it is among the group's `keep` best. */
  private add(g: Group, v: DecodedVolume): void {
    const list = g.volumes;
    if (list.length >= this.keep && !isBetterCandidate(v, list[list.length - 1]!)) return;
    let kept = this.decoded.get(v.pv);
    if (kept === undefined) this.decoded.set(v.pv, (kept = decodeVolume(v.pv, this.texts)));
    let i = list.length;
    while (i > 0 && isBetterCandidate(kept, list[i - 1]!)) i--;
    list.splice(i, 0, kept);
    if (list.length > this.keep) list.pop();
  }

  done(): ClaimCandidates {
    return { linear: this.linear, any: this.any, pinned: this.pinned, other: [...this.other.values()] };
  }
}
