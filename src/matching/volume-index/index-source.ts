/**
 * The `VolumeIndex` as a {@link CandidateSource}: volumes pre-bound to a claim from the claim-name
 * groups, unbound candidates by walking buckets from the request's capacity upwards. The walk only
 * proposes; every proposed volume is decided by `checkVolume` on the store's snapshot of it.
 *
 * @module
 */
import type { Labels } from "../../labels/index.js";
import type { CheckContext, MatchPath } from "../checks.js";
import { accessModesFit, checkVolume, compiledAffinityError } from "../checks.js";
import type { DecodedClaim } from "../decoded-claim.js";
import type { DecodedVolume } from "../decoded-volume.js";
import type { CandidateSource } from "../search.js";
import type { Bucket, GroupTable } from "./bucket.js";
import type { NameGroups } from "./name-table.js";
import { compareSlots, type SlotFilter, type SlotList } from "./slot-list.js";
import type { VolumeStore } from "./volume-store.js";

const NO_VOLUMES: readonly DecodedVolume[] = Object.freeze([]);

/**
 * Per-query verdicts by label-set id and affinity id, stamped with a query number so that a
 * new query needs no clearing (owned by one index; one query at a time).
 */
class VerdictMemo {
  private stamp = new Uint32Array(0);
  private verdict = new Uint8Array(0);
  private query = 0;

  /** Starts a new query over `n` ids. */
  begin(n: number): void {
    if (n > this.stamp.length) {
      const cap = Math.max(n, this.stamp.length * 2, 64);
      this.stamp = new Uint32Array(cap);
      this.verdict = new Uint8Array(cap);
      this.query = 0;
    }
    if (++this.query === 0xffffffff) {
      this.stamp.fill(0);
      this.query = 1;
    }
  }

  /** 1: passes, 0: fails, −1: not known yet in this query. */
  get(id: number): number {
    return this.stamp[id] === this.query ? this.verdict[id]! : -1;
  }

  set(id: number, ok: boolean): boolean {
    this.stamp[id] = this.query;
    this.verdict[id] = ok ? 1 : 0;
    return ok;
  }
}

/**
 * The per-slot checks a walk applies that the lists do not encode — excluded names, the claim's
 * selector (by label set) and, with a node, node affinity (by affinity) — with this query's
 * verdicts memoised.
 */
class WalkFilter implements SlotFilter {
  c!: DecodedClaim;
  ctx!: CheckContext;
  rejected: Set<number> | undefined;
  /** The bucket walked, how many slots its label sets rejected, and whether the walk must stop. */
  bucket: Bucket | undefined;
  misses = 0;
  stopped = false;

  constructor(
    private readonly store: VolumeStore,
    private readonly labels: VerdictMemo,
    private readonly affinities: VerdictMemo,
  ) {}

  labelSetPasses(id: number): boolean {
    const known = this.labels.get(id);
    if (known >= 0) return known === 1;
    const sel = this.c.selector;
    return this.labels.set(id, sel === undefined || sel.matches(this.store.labelSets[id] as Labels | undefined));
  }

  someLabelSetPasses(b: Bucket): boolean {
    for (const id of b.labelCounts.keys()) if (this.labelSetPasses(id)) return true;
    return false;
  }

  affinityPasses(id: number): boolean {
    if (id === 0 || !this.ctx.hasNode) return true;
    const known = this.affinities.get(id);
    if (known >= 0) return known === 1;
    const a = this.store.affinities[id]!;
    const verdict = compiledAffinityError(a.matcher, this.ctx.nodeLabels);
    // Seed the search's own memo, so the final check of a proposed volume reuses this verdict.
    (this.ctx.affinityVerdicts ??= new Map()).set(a.required, verdict);
    return this.affinities.set(id, verdict === undefined);
  }

  accept(slot: number, labels: Int32Array, at: number): boolean {
    const excluded = this.ctx.excluded;
    if (excluded?.has(this.store.names[slot]!)) return false;
    if (this.c.selector !== undefined && !this.labelSetPasses(labels[at]!)) {
      // A long run of rejected label sets: stop if no label set of the bucket can pass at all.
      if (++this.misses === 64 && this.bucket !== undefined && !this.someLabelSetPasses(this.bucket)) this.stopped = true;
      return false;
    }
    if (this.ctx.hasNode && !this.affinityPasses(this.store.affinityIdOf(slot))) return false;
    return this.rejected === undefined || !this.rejected.has(slot);
  }
}

/**
 * The index's candidate source (one per index; queries run one at a time).
 *
 * @example
 * ```ts
 * searchController(c, ctx, index.source);
 * ```
 */
export class IndexSource implements CandidateSource {
  private readonly labels = new VerdictMemo();
  private readonly affinities = new VerdictMemo();
  private readonly filter: WalkFilter;
  /** Proposed volumes that `checkVolume` rejected (0 unless the filing has a bug). */
  rejections = 0;

  constructor(
    private readonly store: VolumeStore,
    private readonly groups: GroupTable,
    private readonly claimed: NameGroups,
  ) {
    this.filter = new WalkFilter(store, this.labels, this.affinities);
  }

  preBoundCandidates(c: DecodedClaim): Iterable<DecodedVolume> {
    if (!this.claimed.has(c.name)) return NO_VOLUMES;
    const out: DecodedVolume[] = [];
    for (const slot of this.claimed.slots(c.name)) if (this.store.refNamespace[slot] === c.namespace) out.push(this.store.facts(slot));
    return out;
  }

  groupKeys(c: DecodedClaim): Iterable<string> {
    return this.groups.get(c.class, c.volumeMode, c.vac)?.keys() ?? [];
  }

  searchOrder(c: DecodedClaim): readonly string[] {
    // Claims requesting an unknown mode string are offered by no group: no order to memoise.
    if (c.unknownModes) return [];
    return this.groups.get(c.class, c.volumeMode, c.vac)?.searchOrder(c.modeBits) ?? [];
  }

  bestUnbound(c: DecodedClaim, ctx: CheckContext, path: MatchPath, key: string | undefined): DecodedVolume | undefined {
    const group = this.groups.get(c.class, c.volumeMode, c.vac);
    if (group === undefined || c.request === undefined) return undefined;
    const sel = c.selector;
    if (sel?.matchesNothing()) return undefined;
    this.labels.begin(this.store.labelSets.length);
    this.affinities.begin(this.store.affinities.length);
    const f = this.filter;
    f.c = c;
    f.ctx = ctx;
    f.rejected = undefined;
    let best = -1;
    let bestFacts: DecodedVolume | undefined;
    const buckets = key !== undefined ? group.bucketsOf(key) : group.buckets.values();
    for (const b of buckets) {
      // Scheduler path with a node: the bucket's volumes must offer every requested mode.
      if (key === undefined && path === "scheduler" && ctx.hasNode && !accessModesFit(b.modes as DecodedVolume, c)) continue;
      f.bucket = b;
      f.misses = 0;
      f.stopped = false;
      [best, bestFacts] = this.bestOfBucket(b, c, ctx, path, best, bestFacts);
    }
    return bestFacts;
  }

  /** The best candidate of one bucket below `bound`: over `all` without a node; over the unpinned and the node's pin lists with one. */
  private bestOfBucket(
    b: Bucket,
    c: DecodedClaim,
    ctx: CheckContext,
    path: MatchPath,
    bound: number,
    bestFacts: DecodedVolume | undefined,
  ): [number, DecodedVolume | undefined] {
    if (!ctx.hasNode) {
      const found = this.firstCandidate(b.all, c, ctx, path, bound);
      return found === undefined ? [bound, bestFacts] : [found.slot, found.facts];
    }
    let best = bound;
    let facts = bestFacts;
    const take = (list: SlotList): void => {
      const found = this.firstCandidate(list, c, ctx, path, best);
      if (found !== undefined) {
        best = found.slot;
        facts = found.facts;
      }
    };
    take(b.unpinnedSlots());
    const labels = ctx.nodeLabels;
    if (labels != null) {
      for (const [key, byValue] of b.pins) {
        const v = (labels as Record<string, unknown>)[key];
        if (typeof v !== "string") continue;
        const list = byValue.get(v);
        if (list !== undefined) take(list);
      }
    }
    return [best, facts];
  }

  /** The first slot of `list` (below `bound`) that the walk accepts and `checkVolume` passes. */
  private firstCandidate(
    list: SlotList,
    c: DecodedClaim,
    ctx: CheckContext,
    path: MatchPath,
    bound: number,
  ): { slot: number; facts: DecodedVolume } | undefined {
    for (;;) {
      const slot = list.firstFrom(c.reqKey, c.request!, c.reqExact, this.filter, bound);
      if (slot < 0) return undefined;
      if (bound >= 0 && compareSlots(this.store, slot, bound) >= 0) return undefined;
      const facts = this.store.facts(slot);
      if (checkVolume(facts, c, ctx, path) === 0) return { slot, facts };
      // The filing proposed a volume the checks reject (a bug): skip it and walk on.
      this.rejections++;
      (this.filter.rejected ??= new Set()).add(slot);
    }
  }
}
