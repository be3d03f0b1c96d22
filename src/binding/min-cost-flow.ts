/**
 * Minimum-cost maximum flow (primal-dual: Dijkstra with potentials, then a blocking flow on the
 * zero-reduced-cost edges), on integer costs held exactly in doubles.
 *
 * @module
 */

/**
 * A flow network with integer capacities and non-negative integer costs. Add edges, then call
 * {@link MinCostFlow.run}; read each edge's flow with {@link MinCostFlow.flow}.
 *
 * Exactness: every cost, potential and distance is an integer below 2^53 when the caller keeps
 * `maxCost × 2 × (nodes + 1) < 2^53` (checked: `run` throws a RangeError otherwise).
 *
 * Complexity: O(P · (E log V + V · E)) for P phases (one per distinct shortest-path cost, at most
 * the flow value), V nodes and E edges.
 *
 * @internal
 * @example
 * ```ts
 * const g = new MinCostFlow(4);
 * const e = g.addEdge(0, 1, 2, 5);
 * g.addEdge(1, 3, 2, 0);
 * g.run(0, 3); // { flow: 2, cost: 10 }
 * g.flow(e);   // 2
 * ```
 */
export class MinCostFlow {
  private readonly n: number;
  private head: Int32Array;
  private to: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];
  private nxt: number[] = [];
  private original: number[] = [];
  private maxCost = 0;

  constructor(nodes: number) {
    this.n = nodes;
    this.head = new Int32Array(nodes).fill(-1);
  }

  /** Adds an edge `u → v`; returns its id (for {@link flow}). */
  addEdge(u: number, v: number, capacity: number, cost: number): number {
    const id = this.to.length;
    this.push(u, v, capacity, cost);
    this.push(v, u, 0, -cost);
    this.original.push(capacity);
    if (cost > this.maxCost) this.maxCost = cost;
    return id;
  }

  private push(u: number, v: number, c: number, w: number): void {
    this.to.push(v);
    this.cap.push(c);
    this.cost.push(w);
    this.nxt.push(this.head[u]!);
    this.head[u] = this.to.length - 1;
  }

  /** The flow on edge `id` after {@link run}. */
  flow(id: number): number {
    return this.cap[id + 1]!;
  }

  /** Sends the maximum flow from `s` to `t` at minimum cost; returns both. */
  run(s: number, t: number): { flow: number; cost: number; phases: number } {
    const n = this.n;
    if (this.maxCost * 2 * (n + 1) >= 2 ** 53) throw new RangeError("costs too large for exact double arithmetic");
    const to = Int32Array.from(this.to);
    const cap = Float64Array.from(this.cap);
    const cost = Float64Array.from(this.cost);
    const nxt = Int32Array.from(this.nxt);
    const head = this.head;
    const h = new Float64Array(n);
    const dist = new Float64Array(n);
    const done = new Uint8Array(n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const heap = new MinHeap(n);
    let flow = 0;
    let total = 0;
    let phases = 0;
    for (;;) {
      // Dijkstra on reduced costs, stopped when t is final.
      dist.fill(Number.POSITIVE_INFINITY);
      done.fill(0);
      dist[s] = 0;
      heap.clear();
      heap.push(s, 0);
      while (heap.size > 0) {
        const u = heap.pop();
        if (done[u]) continue;
        done[u] = 1;
        if (u === t) break;
        const du = dist[u]! + h[u]!;
        for (let e = head[u]!; e >= 0; e = nxt[e]!) {
          if (cap[e]! <= 0) continue;
          const v = to[e]!;
          if (done[v]) continue;
          const nd = du + cost[e]! - h[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            heap.push(v, nd);
          }
        }
      }
      if (!done[t]) break;
      phases++;
      const dt = dist[t]!;
      for (let v = 0; v < n; v++) h[v]! += done[v] ? dist[v]! : dt;
      // Blocking flow (Dinic) on the admissible edges: residual, reduced cost 0.
      for (;;) {
        level.fill(-1);
        const queue = [s];
        level[s] = 0;
        for (let qi = 0; qi < queue.length; qi++) {
          const u = queue[qi]!;
          for (let e = head[u]!; e >= 0; e = nxt[e]!) {
            const v = to[e]!;
            if (cap[e]! > 0 && level[v] === -1 && cost[e]! + h[u]! - h[v]! === 0) {
              level[v] = level[u]! + 1;
              queue.push(v);
            }
          }
        }
        if (level[t] === -1) break;
        for (let v = 0; v < n; v++) iter[v] = head[v]!;
        for (;;) {
          const f = this.augment(s, t, Number.POSITIVE_INFINITY, to, cap, cost, nxt, h, level, iter);
          if (f <= 0) break;
          flow += f;
          total += f * (h[t]! - h[s]!);
        }
      }
    }
    for (let e = 0; e < cap.length; e++) this.cap[e] = cap[e]!;
    return { flow, cost: total, phases };
  }

  /** One augmenting path along the level graph (iterative DFS with current-arc pointers). */
  private augment(
    s: number,
    t: number,
    limit: number,
    to: Int32Array,
    cap: Float64Array,
    cost: Float64Array,
    nxt: Int32Array,
    h: Float64Array,
    level: Int32Array,
    iter: Int32Array,
  ): number {
    const path: number[] = [];
    let u = s;
    for (;;) {
      if (u === t) {
        let f = limit;
        for (const e of path) if (cap[e]! < f) f = cap[e]!;
        for (const e of path) {
          cap[e]! -= f;
          cap[e ^ 1]! += f;
        }
        return f;
      }
      let e = iter[u]!;
      for (; e >= 0; e = nxt[e]!) {
        const v = to[e]!;
        if (cap[e]! > 0 && level[v] === level[u]! + 1 && cost[e]! + h[u]! - h[v]! === 0) break;
      }
      iter[u] = e;
      if (e >= 0) {
        path.push(e);
        u = to[e]!;
        continue;
      }
      // Dead end: retreat.
      if (path.length === 0) return 0;
      level[u] = -2;
      const back = path.pop()!;
      u = to[back ^ 1]!;
      iter[u] = nxt[iter[u]!]!;
    }
  }
}

/** A binary min-heap of (node, key) with lazy deletion. */
class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(node: number, key: number): void {
    if (this.size === this.nodes.length) {
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.nodes = n;
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
    }
    let i = this.size++;
    const nodes = this.nodes;
    const keys = this.keys;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      nodes[i] = nodes[p]!;
      keys[i] = keys[p]!;
      i = p;
    }
    nodes[i] = node;
    keys[i] = key;
  }

  pop(): number {
    const nodes = this.nodes;
    const keys = this.keys;
    const top = nodes[0]!;
    const last = --this.size;
    const node = nodes[last]!;
    const key = keys[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && keys[c + 1]! < keys[c]!) c++;
      if (keys[c]! >= key) break;
      nodes[i] = nodes[c]!;
      keys[i] = keys[c]!;
      i = c;
    }
    nodes[i] = node;
    keys[i] = key;
    return top;
  }
}

/**
 * Minimum-cost maximum flow with `bigint` costs (successive shortest paths found by a queue-based
 * Bellman-Ford): the exact fallback of {@link MinCostFlow} when costs do not fit exact double
 * arithmetic (exabyte-scale waste). O(F · V · E) for flow value F; returns each edge's flow.
 *
 * @internal
 * @example
 * ```ts
 * minCostFlowBigint(3, [{ u: 0, v: 1, cap: 1, cost: 5n }, { u: 1, v: 2, cap: 1, cost: 0n }], 0, 2); // [1, 1]
 * ```
 */
export function minCostFlowBigint(
  nodes: number,
  edges: readonly { u: number; v: number; cap: number; cost: bigint }[],
  s: number,
  t: number,
): number[] {
  const head = new Int32Array(nodes).fill(-1);
  const to: number[] = [];
  const cap: number[] = [];
  const cost: bigint[] = [];
  const nxt: number[] = [];
  const add = (u: number, v: number, c: number, w: bigint) => {
    to.push(v);
    cap.push(c);
    cost.push(w);
    nxt.push(head[u]!);
    head[u] = to.length - 1;
  };
  for (const e of edges) {
    add(e.u, e.v, e.cap, e.cost);
    add(e.v, e.u, 0, -e.cost);
  }
  for (;;) {
    const dist: (bigint | undefined)[] = new Array(nodes).fill(undefined);
    const via = new Int32Array(nodes).fill(-1);
    const inQueue = new Uint8Array(nodes);
    dist[s] = 0n;
    const queue = [s];
    inQueue[s] = 1;
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!;
      inQueue[u] = 0;
      for (let e = head[u]!; e >= 0; e = nxt[e]!) {
        if (cap[e]! <= 0) continue;
        const nd = dist[u]! + cost[e]!;
        const v = to[e]!;
        if (dist[v] === undefined || nd < dist[v]!) {
          dist[v] = nd;
          via[v] = e;
          if (!inQueue[v]) {
            inQueue[v] = 1;
            queue.push(v);
          }
        }
      }
    }
    if (dist[t] === undefined) break;
    let f = Number.POSITIVE_INFINITY;
    for (let v = t; v !== s; v = to[via[v]! ^ 1]!) f = Math.min(f, cap[via[v]!]!);
    for (let v = t; v !== s; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]! -= f;
      cap[via[v]! ^ 1]! += f;
    }
  }
  return edges.map((_, i) => cap[2 * i + 1]!);
}
