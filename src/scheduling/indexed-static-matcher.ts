/**
 * The static matcher of `filterNodes`: the answers of `findMatchingVolume` over the class's
 * volumes, with the per-node work reduced to a few lookups. Built per call (nothing outlives it).
 *
 * @module
 */
import { claimClass } from "../api/helpers/index.js";
import type { Node, PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import { compileNodeSelector, nodeAffinityError, type NodeSelectorMatcher } from "../labels/index.js";
import type { Cluster } from "../lifecycle/index.js";
import {
  checkContext,
  checkVolume,
  type DecodedVolume,
  decodeVolume,
  findMatchingVolume,
  isBetterCandidate,
  REASON_BITS,
} from "../matching/index.js";
import { CapacityTexts } from "../matching/capacity-texts.js";
import { PRE_BOUND_FLAG } from "../matching/checks.js";
import { decodeSearchableClaim } from "../matching/find-matching-volume.js";
import { nodeLabels } from "./snapshot.js";
import { type StaticMatcher, volumesByClass } from "./static-matcher.js";

const B_NODE_AFFINITY = REASON_BITS["node-affinity"];

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

function sortGroup(g: Group): void {
  g.volumes.sort((a, b) => (isBetterCandidate(a, b) ? -1 : isBetterCandidate(b, a) ? 1 : 0));
}

/** The `(key, values)` of a selector that pins one label, or undefined. */
function pinOf(required: unknown): { key: string; values: string[] } | undefined {
  const terms = (required as { nodeSelectorTerms?: unknown } | null)?.nodeSelectorTerms;
  if (!Array.isArray(terms) || terms.length !== 1) return undefined;
  const t = terms[0] as { matchExpressions?: unknown; matchFields?: unknown } | null;
  if (typeof t !== "object" || t === null) return undefined;
  if (t.matchFields != null && (!Array.isArray(t.matchFields) || t.matchFields.length > 0)) return undefined;
  const exprs = t.matchExpressions;
  if (!Array.isArray(exprs) || exprs.length !== 1) return undefined;
  const e = exprs[0] as { key?: unknown; operator?: unknown; values?: unknown } | null;
  if (typeof e !== "object" || e === null || e.operator !== "In" || typeof e.key !== "string") return undefined;
  if (!Array.isArray(e.values) || !e.values.every((v) => typeof v === "string")) return undefined;
  // Only a selector that compiles without errors means exactly "label key has one of values".
  if (compileNodeSelector(required as Parameters<typeof compileNodeSelector>[0]).errors.length > 0) return undefined;
  return { key: e.key, values: e.values as string[] };
}

/**
 * `findMatchingVolume(claim, ListPVs(class), node, excluded, delayBinding=true)` for many nodes.
 *
 * Per claim (once): every volume of the class is checked by `checkVolume` against a node-less
 * context; the volumes failing nothing but node affinity are grouped by node affinity — none;
 * pinned to one label (`key In [values]`, the form of local volumes), filed under each value; any
 * other selector, one group per distinct selector — and each group is sorted best first. Per node:
 * the groups that can admit the node (no affinity; the pins of the node's labels; the other groups
 * whose selector admits the node, evaluated once per group) each offer their first volume not
 * excluded, and the best of those wins — the same volume `findMatchingVolume` picks, by the same
 * checks and order. A claim with a volume pre-bound to it is answered by `findMatchingVolume`
 * itself.
 *
 * @example
 * ```ts
 * const m = new IndexedStaticMatcher(cluster);
 * m.match(pvc, node, new Set()); // same as LinearStaticMatcher
 * ```
 */
export class IndexedStaticMatcher implements StaticMatcher {
  private byClass: Map<string, PersistentVolume[]> | undefined;
  private readonly decoded = new Map<string, DecodedVolume[]>();
  private readonly perClaim = new Map<PersistentVolumeClaim, ClaimCandidates>();
  private readonly texts = new CapacityTexts();

  constructor(private readonly cluster: Cluster) {}

  private classVolumes(cls: string): PersistentVolume[] {
    this.byClass ??= volumesByClass(this.cluster);
    return this.byClass.get(cls) ?? [];
  }

  private decodedClass(cls: string): DecodedVolume[] {
    let d = this.decoded.get(cls);
    if (d === undefined) {
      d = this.classVolumes(cls).map((pv) => decodeVolume(pv, this.texts));
      this.decoded.set(cls, d);
    }
    return d;
  }

  private candidates(claim: PersistentVolumeClaim): ClaimCandidates {
    const known = this.perClaim.get(claim);
    if (known !== undefined) return known;
    const c = decodeSearchableClaim(claim);
    // Any node: node affinity is the only check that depends on it, and its bit is ignored here.
    const ctx = checkContext({ node: { metadata: { name: "", labels: {} } }, delayBinding: true });
    const any: Group = { volumes: [] };
    const pinned = new Map<string, Map<string, Group>>();
    const otherByKey = new Map<string, Group>();
    const keyOf = new Map<object, string>();
    let linear = false;
    for (const v of this.decodedClass(claimClass(claim))) {
      const mask = checkVolume(v, c, ctx, "scheduler");
      if ((mask & PRE_BOUND_FLAG) !== 0) {
        linear = true;
        break;
      }
      if ((mask & ~B_NODE_AFFINITY) !== 0) continue;
      const required: unknown = v.affinity;
      if (required === undefined) {
        any.volumes.push(v);
        continue;
      }
      const pin = pinOf(required);
      if (pin !== undefined) {
        let byValue = pinned.get(pin.key);
        if (byValue === undefined) pinned.set(pin.key, (byValue = new Map()));
        for (const value of new Set(pin.values)) {
          let g = byValue.get(value);
          if (g === undefined) byValue.set(value, (g = { volumes: [] }));
          g.volumes.push(v);
        }
        continue;
      }
      let key = typeof required === "object" && required !== null ? keyOf.get(required) : undefined;
      if (key === undefined) {
        key = JSON.stringify(required) ?? String(required);
        if (typeof required === "object" && required !== null) keyOf.set(required, key);
      }
      let g = otherByKey.get(key);
      if (g === undefined) {
        let matcher: NodeSelectorMatcher | undefined;
        try {
          matcher = compileNodeSelector(required as Parameters<typeof compileNodeSelector>[0]);
        } catch {
          matcher = undefined;
        }
        otherByKey.set(key, (g = { volumes: [], matcher }));
      }
      g.volumes.push(v);
    }
    const result: ClaimCandidates = { linear, any, pinned, other: [...otherByKey.values()] };
    if (!linear) {
      sortGroup(any);
      for (const m of pinned.values()) for (const g of m.values()) sortGroup(g);
      for (const g of result.other) sortGroup(g);
    }
    this.perClaim.set(claim, result);
    return result;
  }

  match(claim: PersistentVolumeClaim, node: Node, excluded: ReadonlySet<string>): PersistentVolume | undefined {
    const cand = this.candidates(claim);
    if (cand.linear) return findMatchingVolume(claim, this.classVolumes(claimClass(claim)), { node, excluded, delayBinding: true });
    let best: DecodedVolume | undefined;
    const offer = (g: Group | undefined) => {
      if (g === undefined) return;
      for (const v of g.volumes) {
        if (excluded.has(v.name)) continue;
        if (best === undefined || isBetterCandidate(v, best)) best = v;
        return;
      }
    };
    offer(cand.any);
    const labels = nodeLabels(node);
    if (cand.pinned.size > 0) {
      for (const [key, byValue] of cand.pinned) {
        if (!Object.hasOwn(labels, key)) continue;
        offer(byValue.get(labels[key]!));
      }
    }
    for (const g of cand.other) {
      if (g.matcher === undefined) continue;
      if (nodeAffinityError(g.matcher, labels) === undefined) offer(g);
    }
    return best?.pv;
  }
}
