/**
 * The `optimal` strategy: the most claims bound, then the least wasted bytes, exactly.
 *
 * @module
 */
import type { DecodedClaim } from "../matching/decoded-claim.js";
import type { DecodedVolume } from "../matching/decoded-volume.js";
import { compatible, type FreePool, partitionKey, type VolumeType } from "./free-pool.js";
import { MinCostFlow, minCostFlowBigint } from "./min-cost-flow.js";
import type { FreeClaim } from "./prepare.js";
import type { ProposedAssignment } from "./problem.js";

/** Claims that every check treats alike: same kind (partition, modes, selector) and request. */
interface ClaimGroup {
  readonly rep: DecodedClaim;
  /** The claim's variants that have a kind (see `FreeClaim.variants`). */
  readonly variants: readonly DecodedClaim[];
  /** The volume types the group may bind, each with the variant it binds them in. */
  readonly refs: readonly { readonly type: VolumeType; readonly variant: number }[];
  readonly members: FreeClaim[];
  readonly reqBytes: bigint;
  node: number;
  source: number;
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

/**
 * The `optimal` plan over the free claims and volumes: a maximum matching of compatible pairs
 * (the matcher's `checkVolume`, over every access-mode group, not only the one the PV controller
 * would search first) of minimum total waste (Σ capacity − Σ request in bytes, rounded up as
 * `Value()`), exactly.
 *
 * Method: the claims split by partition (class, volume mode, VolumeAttributesClass: no pair
 * crosses one; the partitions of a class-less claim's two variants — as written and with the
 * default class, see `FreeClaim.variants` — are solved together). In a partition, claims with the same access modes, selector and request form a
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
 * When a partition's costs (in units of their gcd) are too large for exact double arithmetic
 * (beyond 2^53 / (2·(V + 1)): exabyte-scale capacities), the same network is solved with `bigint`
 * costs by successive shortest paths (O(F · V · E)), still exactly.
 *
 * @internal
 * @example
 * ```ts
 * const pairs = planOptimal(freeClaims, new FreePool(freeVolumes));
 * ```
 */
export function planOptimal(claims: readonly FreeClaim[], pool: FreePool): ProposedAssignment[] {
  // Partitions a claim can bind in (two for a class-less claim with a default class) are solved
  // together: union-find over partition keys.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const byClaim: { c: FreeClaim; parts: string[] }[] = [];
  for (const c of claims) {
    const parts = c.variants
      .filter((d) => !d.unknownModes)
      .map(partitionKey)
      .filter((p) => pool.partitions.has(p));
    if (parts.length === 0) continue;
    for (const p of parts) if (!parent.has(p)) parent.set(p, p);
    for (let i = 1; i < parts.length; i++) parent.set(find(parts[i]!), find(parts[0]!));
    byClaim.push({ c, parts });
  }
  const components = new Map<string, { claims: FreeClaim[]; parts: Set<string> }>();
  for (const { c, parts } of byClaim) {
    const root = find(parts[0]!);
    let comp = components.get(root);
    if (comp === undefined) components.set(root, (comp = { claims: [], parts: new Set() }));
    comp.claims.push(c);
  }
  for (const p of parent.keys()) components.get(find(p))?.parts.add(p);
  const out: ProposedAssignment[] = [];
  for (const comp of components.values()) {
    const types = [...comp.parts].sort().flatMap((p) => pool.partitions.get(p)!);
    solvePartition(comp.claims, types, pool, out);
  }
  return out;
}

function solvePartition(claims: readonly FreeClaim[], types: readonly VolumeType[], pool: FreePool, out: ProposedAssignment[]): void {
  // Claim groups (same kinds and request), and the groups of each kind set by ascending request.
  const groups = new Map<string, ClaimGroup>();
  const kindGroups = new Map<string, ClaimGroup[]>();
  for (const c of claims) {
    const variants: DecodedClaim[] = [];
    const kinds: number[] = [];
    const refs: { type: VolumeType; variant: number }[] = [];
    for (const d of c.variants) {
      const kind = pool.kindOf(d);
      if (kind === undefined || kind.types.length === 0) continue;
      for (const t of kind.types) refs.push({ type: t, variant: variants.length });
      variants.push(d);
      kinds.push(kind.id);
    }
    if (variants.length === 0) continue;
    const ks = kinds.join("+");
    const gk = `${ks}\u0000${c.decoded.request!.canonical()}`;
    const g = groups.get(gk);
    if (g !== undefined) {
      g.members.push(c);
      continue;
    }
    const ng: ClaimGroup = { rep: c.decoded, variants, refs, members: [c], reqBytes: c.decoded.request!.value(), node: 0, source: 0 };
    groups.set(gk, ng);
    const list = kindGroups.get(ks);
    if (list === undefined) kindGroups.set(ks, [ng]);
    else list.push(ng);
  }
  if (groups.size === 0) return;
  // Levels of each type: its volumes (in candidate order) with the same exact capacity.
  const typeIndex = new Map<VolumeType, number>();
  const mtypes: Level[][] = [];
  for (const t of types) {
    const levels: Level[] = [];
    for (const v of t.volumes) {
      const last = levels[levels.length - 1];
      if (last !== undefined && last.volumes[0]!.capacity!.cmp(v.capacity!) === 0) last.volumes.push(v);
      else levels.push({ volumes: [v], capBytes: v.capacity!.value() });
    }
    typeIndex.set(t, mtypes.length);
    mtypes.push(levels);
  }
  // Nodes: 0 source, 1 sink, the groups, then the levels of each type.
  let next = 2;
  const chains = [...kindGroups.values()];
  for (const chain of chains) {
    chain.sort((x, y) => x.rep.request!.cmp(y.rep.request!));
    for (const g of chain) g.node = next++;
  }
  const levelBase: number[] = [];
  for (const levels of mtypes) {
    levelBase.push(next);
    next += levels.length;
  }
  const raw: { u: number; v: number; cap: number; cost: bigint }[] = [];
  const total = claims.length;
  // Edges from a group into a type (group index in `entries`), and along a kind's chain.
  const entries: { e: number; g: ClaimGroup; type: number; level: number }[] = [];
  const entryOf = (claim: DecodedClaim, levels: Level[]): number => {
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compatible(claim, levels[mid]!.volumes[0]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  for (const chain of chains) {
    // A group reaches what the next larger request of its kind reaches, and the levels in between:
    // group i → group i+1 costs the request difference; group i → a type's first level large
    // enough costs capacity − request, needed only where that level is below group i+1's.
    const refs = chain[0]!.refs;
    const typeIds = refs.map((r) => typeIndex.get(r.type)!);
    let nextEntry = typeIds.map((ti) => mtypes[ti]!.length);
    for (let i = chain.length - 1; i >= 0; i--) {
      const g = chain[i]!;
      g.source = raw.length;
      raw.push({ u: 0, v: g.node, cap: g.members.length, cost: 0n });
      if (i + 1 < chain.length) {
        raw.push({ u: g.node, v: chain[i + 1]!.node, cap: total, cost: chain[i + 1]!.reqBytes - g.reqBytes });
      }
      const here = typeIds.map((ti, k) => entryOf(g.variants[refs[k]!.variant]!, mtypes[ti]!));
      typeIds.forEach((ti, k) => {
        const lo = here[k]!;
        if (lo >= nextEntry[k]!) return;
        entries.push({ e: raw.length, g, type: ti, level: lo });
        raw.push({ u: g.node, v: levelBase[ti]! + lo, cap: total, cost: mtypes[ti]![lo]!.capBytes - g.reqBytes });
      });
      nextEntry = here;
    }
  }
  if (entries.length === 0) return;
  const sinkEdges: number[][] = [];
  mtypes.forEach((levels, ti) => {
    const ids: number[] = [];
    levels.forEach((l, li) => {
      const node = levelBase[ti]! + li;
      if (li + 1 < levels.length) raw.push({ u: node, v: node + 1, cap: total, cost: levels[li + 1]!.capBytes - l.capBytes });
      ids.push(raw.length);
      raw.push({ u: node, v: 1, cap: l.volumes.length, cost: 0n });
    });
    sinkEdges.push(ids);
  });
  let d = 0n;
  for (const r of raw) if (r.cost !== 0n) d = gcd(d, r.cost);
  if (d === 0n) d = 1n;
  let maxCost = 0n;
  for (const r of raw) if (r.cost / d > maxCost) maxCost = r.cost / d;
  let flows: number[];
  if (maxCost * 2n * BigInt(next + 1) < 2n ** 53n) {
    const net = new MinCostFlow(next);
    const edgeIds = raw.map((r) => net.addEdge(r.u, r.v, r.cap, Number(r.cost / d)));
    net.run(0, 1);
    flows = edgeIds.map((e) => net.flow(e));
  } else {
    flows = minCostFlowBigint(next, raw, 0, 1);
  }
  const net = { flow: (i: number) => flows[i]! };
  const ids = raw.map((_, i) => i);
  // Turn the flow into pairs: first along each kind's chain (which groups' claims leave at which
  // type entry), then up each type's levels.
  const enter: { g: ClaimGroup; n: number }[][][] = mtypes.map((levels) => levels.map(() => []));
  const leaving = new Map<ClaimGroup, typeof entries>();
  for (const x of entries) {
    const list = leaving.get(x.g);
    if (list === undefined) leaving.set(x.g, [x]);
    else list.push(x);
  }
  for (const chain of chains) {
    const carry: { g: ClaimGroup; n: number }[] = [];
    let front = 0;
    for (const g of chain) {
      const own = net.flow(ids[g.source]!);
      if (own > 0) carry.push({ g, n: own });
      for (const x of leaving.get(g) ?? []) {
        let f = net.flow(ids[x.e]!);
        while (f > 0) {
          const head = carry[front]!;
          const n = Math.min(head.n, f);
          enter[x.type]![x.level]!.push({ g: head.g, n });
          head.n -= n;
          f -= n;
          if (head.n === 0) front++;
        }
      }
    }
  }
  const cursor = new Map<ClaimGroup, number>();
  mtypes.forEach((levels, ti) => {
    const carry: { g: ClaimGroup; n: number }[] = [];
    let front = 0;
    levels.forEach((l, li) => {
      for (const x of enter[ti]![li]!) carry.push({ ...x });
      let absorb = net.flow(ids[sinkEdges[ti]![li]!]!);
      let vi = 0;
      while (absorb > 0) {
        const head = carry[front]!;
        const take = Math.min(head.n, absorb);
        let at = cursor.get(head.g) ?? 0;
        for (let k = 0; k < take; k++) out.push({ claim: head.g.members[at++]!.key, volume: l.volumes[vi++]!.name });
        cursor.set(head.g, at);
        head.n -= take;
        absorb -= take;
        if (head.n === 0) front++;
      }
    });
  });
}
