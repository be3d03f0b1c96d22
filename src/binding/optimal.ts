/**
 * The `optimal` strategy: the most claims bound, then the least wasted bytes, exactly.
 *
 * @module
 */
import type { DecodedClaim } from "../matching/decoded-claim.js";
import type { DecodedVolume } from "../matching/decoded-volume.js";
import { compareCandidates, compatible, compatibleButSize, type FreePool, partitionKey } from "./free-pool.js";
import { MinCostFlow } from "./min-cost-flow.js";
import type { FreeClaim } from "./prepare.js";
import type { ProposedAssignment } from "./problem.js";

/** Claims that every check treats alike: same partition, modes, selector and request. */
interface ClaimGroup {
  readonly rep: DecodedClaim;
  readonly kind: number;
  readonly members: FreeClaim[];
  readonly reqBytes: bigint;
}

/** Volumes of one merged type with the same exact capacity, in candidate order. */
interface Level {
  readonly volumes: DecodedVolume[];
  readonly capBytes: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function selectorKey(c: DecodedClaim): string {
  const s = (c.pvc.spec as { selector?: unknown } | undefined)?.selector;
  return s == null ? "" : JSON.stringify(s);
}

/**
 * The `optimal` plan over the free claims and volumes: a maximum matching of compatible pairs
 * (the matcher's `checkVolume`, over every access-mode group, not only the one the PV controller
 * would search first) of minimum total waste (Σ capacity − Σ request in bytes, rounded up as
 * `Value()`), exactly.
 *
 * Method: the claims split by partition (class, volume mode, VolumeAttributesClass: no pair
 * crosses one). In a partition, claims with the same access modes, selector and request form a
 * group, and volume types (access modes × labels) that every claim group treats alike are merged;
 * the volumes of a merged type with the same capacity form a level. The network is source → claim
 * group (capacity: its size) → the first level of each compatible merged type that is large
 * enough (cost: capacity − request) → next larger level of the type (cost: the capacity
 * difference) → … ; level → sink (capacity: its size). A minimum-cost maximum flow
 * ({@link MinCostFlow}) of it is an optimal plan: every flow path is a compatible pair (capacity
 * only grows along a chain) and costs exactly its waste; costs are divided by their gcd so they
 * stay exact in doubles. The flow is then turned into pairs level by level (equal capacities: the
 * candidate order; within a group: the claim order).
 *
 * Complexity: with G claim groups, K merged types and L levels of a partition, the network has
 * V = G + L + 2 nodes and E ≤ G·K + 2L edges; the primal-dual flow costs O(P · (E log V + V·E))
 * for P phases (distinct shortest-path costs, ≤ the number of claims), in O(V + E) memory, plus
 * O((c + n) log n) to group c claims and n volumes.
 *
 * @internal
 * @throws RangeError when a partition's normalised costs exceed exact double arithmetic (waste
 *   spreads beyond 2^53 / (2·(V + 1)) units of the capacities' gcd).
 * @example
 * ```ts
 * const pairs = planOptimal(freeClaims, new FreePool(freeVolumes));
 * ```
 */
export function planOptimal(claims: readonly FreeClaim[], pool: FreePool): ProposedAssignment[] {
  const byPartition = new Map<string, FreeClaim[]>();
  for (const c of claims) {
    if (c.decoded.unknownModes) continue;
    const p = partitionKey(c.decoded);
    if (!pool.partitions.has(p)) continue;
    const list = byPartition.get(p);
    if (list === undefined) byPartition.set(p, [c]);
    else list.push(c);
  }
  const out: ProposedAssignment[] = [];
  for (const [p, list] of byPartition)
    solvePartition(
      list,
      pool.partitions.get(p)!.map((t) => t.volumes),
      out,
    );
  return out;
}

function solvePartition(claims: readonly FreeClaim[], types: readonly DecodedVolume[][], out: ProposedAssignment[]): void {
  // Claim groups, and the distinct (modes, selector) kinds among them.
  const groups = new Map<string, ClaimGroup>();
  const kinds = new Map<string, number>();
  const kindReps: DecodedClaim[] = [];
  for (const c of claims) {
    const d = c.decoded;
    const kk = `${d.modeBits}\u0000${selectorKey(d)}`;
    let kind = kinds.get(kk);
    if (kind === undefined) {
      kind = kindReps.length;
      kinds.set(kk, kind);
      kindReps.push(d);
    }
    const gk = `${kind}\u0000${d.request!.canonical()}`;
    const g = groups.get(gk);
    if (g === undefined) groups.set(gk, { rep: d, kind, members: [c], reqBytes: d.request!.value() });
    else g.members.push(c);
  }
  // Merge the volume types every kind treats alike (compatible but for size, or not).
  const merged = new Map<string, { compat: boolean[]; volumes: DecodedVolume[] }>();
  for (const vols of types) {
    const compat = kindReps.map((k) => compatibleButSize(k, vols[0]!));
    if (!compat.some(Boolean)) continue;
    const key = compat.map((b) => (b ? "1" : "0")).join("");
    const m = merged.get(key);
    if (m === undefined) merged.set(key, { compat, volumes: [...vols] });
    else for (const v of vols) m.volumes.push(v);
  }
  // Levels of each merged type.
  const mtypes: { compat: boolean[]; levels: Level[] }[] = [];
  for (const m of merged.values()) {
    m.volumes.sort(compareCandidates);
    const levels: Level[] = [];
    for (const v of m.volumes) {
      const last = levels[levels.length - 1];
      if (last !== undefined && last.volumes[0]!.capacity!.cmp(v.capacity!) === 0) last.volumes.push(v);
      else levels.push({ volumes: [v], capBytes: v.capacity!.value() });
    }
    mtypes.push({ compat: m.compat, levels });
  }
  const groupList = [...groups.values()];
  // Nodes: 0 source, 1 sink, groups, then the levels of each type.
  const levelBase: number[] = [];
  let next = 2 + groupList.length;
  for (const t of mtypes) {
    levelBase.push(next);
    next += t.levels.length;
  }
  const raw: { u: number; v: number; cap: number; cost: bigint }[] = [];
  const total = claims.length;
  const groupEdges: { e: number; g: number; type: number; level: number }[] = [];
  groupList.forEach((g, gi) => {
    raw.push({ u: 0, v: 2 + gi, cap: g.members.length, cost: 0n });
    mtypes.forEach((t, ti) => {
      if (!t.compat[g.kind]) return;
      // First level large enough (capacity only: the type passes every other check).
      let lo = 0;
      let hi = t.levels.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compatible(g.rep, t.levels[mid]!.volumes[0]!)) hi = mid;
        else lo = mid + 1;
      }
      if (lo === t.levels.length) return;
      groupEdges.push({ e: raw.length, g: gi, type: ti, level: lo });
      raw.push({ u: 2 + gi, v: levelBase[ti]! + lo, cap: g.members.length, cost: t.levels[lo]!.capBytes - g.reqBytes });
    });
  });
  const sinkEdges: number[][] = [];
  mtypes.forEach((t, ti) => {
    const ids: number[] = [];
    t.levels.forEach((l, li) => {
      const node = levelBase[ti]! + li;
      if (li + 1 < t.levels.length) raw.push({ u: node, v: node + 1, cap: total, cost: t.levels[li + 1]!.capBytes - l.capBytes });
      ids.push(raw.length);
      raw.push({ u: node, v: 1, cap: l.volumes.length, cost: 0n });
    });
    sinkEdges.push(ids);
  });
  if (groupEdges.length === 0) return;
  let g = 0n;
  for (const r of raw) if (r.cost !== 0n) g = gcd(g, r.cost);
  if (g === 0n) g = 1n;
  const net = new MinCostFlow(next);
  const ids = raw.map((r) => net.addEdge(r.u, r.v, r.cap, Number(r.cost / g)));
  net.run(0, 1);
  // Turn the flow into pairs, type by type, level by level (carrying units up the chain).
  const cursor = new Int32Array(groupList.length);
  const enter: { g: number; n: number }[][][] = mtypes.map((t) => t.levels.map(() => []));
  for (const ge of groupEdges) {
    const f = net.flow(ids[ge.e]!);
    if (f > 0) enter[ge.type]![ge.level]!.push({ g: ge.g, n: f });
  }
  mtypes.forEach((t, ti) => {
    const carry: { g: number; n: number }[] = [];
    let front = 0;
    t.levels.forEach((l, li) => {
      for (const x of enter[ti]![li]!) carry.push({ ...x });
      let absorb = net.flow(ids[sinkEdges[ti]![li]!]!);
      let vi = 0;
      while (absorb > 0) {
        const head = carry[front]!;
        const take = Math.min(head.n, absorb);
        for (let k = 0; k < take; k++) {
          const claim = groupList[head.g]!.members[cursor[head.g]!++]!;
          out.push({ claim: claim.key, volume: l.volumes[vi++]!.name });
        }
        head.n -= take;
        absorb -= take;
        if (head.n === 0) front++;
      }
    });
  });
}
