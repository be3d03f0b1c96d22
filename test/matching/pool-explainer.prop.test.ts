/**
 * `PoolExplainer`: claims that differ only in their request (and name) and are explained again and
 * again over one pool are answered from per-shape tables of masks in capacity order. Their
 * explanations must equal `explainClaim`'s (a fresh decode and a full scan, no tables), and the
 * explainer must see its volumes as of their last upsert.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PersistentVolume, PersistentVolumeClaim } from "../../src/api/index.js";
import { explainClaim, PoolExplainer } from "../../src/matching/index.js";
import { ROX, RWO, RWOP, RWX, node, pv, pvc, refTo, sc } from "./builders.js";
import type { PvOpts, PvcOpts } from "./builders.js";

const NAMES = Array.from({ length: 24 }, (_, i) => `pv-${String.fromCharCode(97 + (i % 12))}${i}`);
const CAPS = ["1Gi", "1G", "2Gi", "500M", "10Gi", "1073741824", "800E", "950E", "1500m", "0", "3Gi", "-1", "4Gi", "2G"];
const REQUESTS = ["1G", "1Gi", "2Gi", "500M", "0", "1500m", "3Gi", "10Gi", "900E", "2G", "4Gi", "1073741824"];
const CLAIM_NAMES = ["data", "other", "logs", "db"];

const mostly = <T>(common: T, ...rare: T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 10 * rare.length, arbitrary: fc.constant(common) }, { weight: rare.length, arbitrary: fc.constantFrom(...rare) });

const pvOpts: fc.Arbitrary<PvOpts> = fc
  .record({
    cap: fc.oneof({ weight: 14, arbitrary: fc.constantFrom(...CAPS) }, { weight: 1, arbitrary: fc.constantFrom(null, "bogus") }),
    modes: fc.oneof({ weight: 3, arbitrary: fc.constant([RWO]) }, { weight: 2, arbitrary: fc.subarray([RWO, ROX, RWX, RWOP]) }),
    cls: mostly<string | undefined>("fast", undefined, "", "slow"),
    phase: mostly<string | null>("Available", "Bound", "Released", null),
    claimRef: mostly<PvOpts["claimRef"]>(
      undefined,
      refTo("data"),
      refTo("logs", true),
      { namespace: "default", name: "db", uid: "old" },
      refTo("gone"),
    ),
    volumeMode: mostly<string | undefined>(undefined, "Block"),
    vac: mostly<string | undefined>(undefined, "gold"),
    labels: fc.constantFrom<Record<string, string> | undefined>(undefined, { zone: "a" }, { zone: "b" }, { zone: "a", disk: "ssd" }),
    deleting: mostly(false, true),
    host: fc.constantFrom<string | undefined>(undefined, "n1", "n2"),
  })
  .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as PvOpts);

const poolArb = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...NAMES), pvOpts), { selector: ([n]) => n, minLength: 1, maxLength: 24 })
  .map((rows) => rows.map(([n, o]) => pv(n, o)));

/** A claim shape: everything but the name and the request. */
const shapeArb = fc
  .record({
    modes: fc.oneof(
      { weight: 2, arbitrary: fc.constant([RWO]) },
      { weight: 1, arbitrary: fc.subarray([RWO, ROX, RWX, RWOP], { maxLength: 2 }) },
    ),
    cls: mostly<string | null | undefined>("fast", undefined, "", "slow", "none"),
    volumeMode: mostly<string | undefined>(undefined, "Block"),
    vac: mostly<string | undefined>(undefined, "gold"),
    selector: fc.constantFrom<PvcOpts["selector"]>(
      undefined,
      {},
      { matchLabels: { zone: "a" } },
      { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] },
    ),
  })
  .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as PvcOpts);

/** A sequence of claims drawn from a few shapes, with varying requests and names (some named by claimRefs). */
const claimsArb = fc
  .tuple(
    fc.array(shapeArb, { minLength: 1, maxLength: 3 }),
    fc.array(fc.tuple(fc.nat(2), fc.constantFrom(...REQUESTS), fc.constantFrom(...CLAIM_NAMES), fc.boolean()), {
      minLength: 3,
      maxLength: 12,
    }),
  )
  .map(([shapes, picks]) =>
    picks.map(([s, req, name, uid]) => pvc(name, { ...shapes[s % shapes.length]!, req, ...(uid ? {} : { uid: "" }) })),
  );

const classes = [sc("fast", "kubernetes.io/no-provisioner"), sc("slow", "csi.example.com", { wffc: true })];

const optsArb = fc.record({
  mode: fc.constantFrom("controller" as const, "scheduler" as const),
  node: fc.option(fc.constantFrom(node("n1"), node("n2")), { nil: undefined }),
  excluded: fc.oneof(
    { weight: 4, arbitrary: fc.constant(new Set<string>()) },
    { weight: 1, arbitrary: fc.subarray(NAMES, { maxLength: 3 }).map((x) => new Set(x)) },
  ),
  delayBinding: fc.option(fc.boolean(), { nil: undefined }),
  maxVolumes: fc.option(fc.nat(4), { nil: undefined }),
  classes: fc.option(fc.constant(classes), { nil: undefined }),
});

/** The reference: `explainClaim` (fresh decode, full scan) over a deep copy. */
const cold = (claims: readonly PersistentVolumeClaim[], pool: readonly PersistentVolume[], opts: object) =>
  claims.map((c) => explainClaim(structuredClone(c), structuredClone(pool), opts));

const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

describe("PoolExplainer over one pool, claims of few shapes (per-shape tables)", () => {
  it("every explanation equals explainClaim's on a deep copy", () => {
    fc.assert(
      fc.property(poolArb, claimsArb, optsArb, (pool, claims, o) => {
        const opts = clean(o);
        const want = cold(claims, pool, opts);
        const explainer = new PoolExplainer(pool);
        claims.forEach((c, k) => expect(explainer.explain(c, opts)).toEqual(want[k]));
        // Again, now from the tables built on the first round.
        claims.forEach((c, k) => expect(explainer.explain(c, opts)).toEqual(want[k]));
      }),
      { numRuns: 200 },
    );
  });

  it("claims of one shape but for their selectors share a table and stay exact", () => {
    const selectors: PvcOpts["selector"][] = [
      undefined,
      {},
      { matchLabels: { zone: "a" } },
      { matchLabels: { zone: "b", disk: "ssd" } },
      { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] },
      { matchExpressions: [{ key: "disk", operator: "Exists" }] },
      { matchExpressions: [{ key: "zone", operator: "In", values: ["a", "b"] }] },
    ];
    const picks = fc.array(fc.tuple(fc.nat(selectors.length - 1), fc.constantFrom(...REQUESTS), fc.constantFrom(...CLAIM_NAMES)), {
      minLength: 3,
      maxLength: 16,
    });
    fc.assert(
      fc.property(poolArb, shapeArb, picks, optsArb, (pool, shape, ps, o) => {
        const opts = clean(o);
        const claims = ps.map(([s, req, name]) => {
          const { selector: _ignored, ...rest } = shape;
          const sel = selectors[s];
          return pvc(name, { ...rest, req, ...(sel !== undefined ? { selector: sel } : {}) });
        });
        const want = cold(claims, pool, opts);
        const explainer = new PoolExplainer(pool);
        claims.forEach((c, k) => expect(explainer.explain(c, opts)).toEqual(want[k]));
        claims.forEach((c, k) => expect(explainer.explain(c, opts)).toEqual(want[k]));
      }),
      { numRuns: 200 },
    );
  });

  it("selector claims stay exact over cells holding many accepted and rejected volumes on each side of the boundary", () => {
    // Few distinct volumes, many copies: cells of dozens of volumes, names out of capacity order.
    const bigPvOpts: fc.Arbitrary<PvOpts> = fc
      .record({
        cap: fc.constantFrom("1Gi", "2Gi", "3Gi", "4Gi", "10Gi"),
        modes: mostly([RWO], [RWO, RWX]),
        phase: mostly<string | null>("Available", "Bound"),
        labels: fc.constantFrom<Record<string, string> | undefined>(undefined, { zone: "a" }, { zone: "b" }, { zone: "a", disk: "ssd" }),
        host: mostly<string | undefined>(undefined, "n1"),
      })
      .map((o) => Object.fromEntries(Object.entries({ ...o, cls: "fast" }).filter(([, v]) => v !== undefined)) as PvOpts);
    const bigPool = fc
      .array(fc.tuple(fc.nat(9999), bigPvOpts), { minLength: 40, maxLength: 160 })
      .map((rows) => rows.map(([k, o], i) => pv(`v${(k * 7919 + i) % 10007}-${i}`, o)));
    const selectors: PvcOpts["selector"][] = [
      { matchLabels: { zone: "a" } },
      { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["b"] }] },
      { matchExpressions: [{ key: "disk", operator: "DoesNotExist" }] },
    ];
    const picks = fc.array(
      fc.tuple(fc.nat(selectors.length - 1), fc.constantFrom("1Gi", "2Gi", "3Gi", "5Gi", "10Gi"), fc.constantFrom(...CLAIM_NAMES)),
      {
        minLength: 3,
        maxLength: 10,
      },
    );
    const bigOpts = fc.record({
      mode: fc.constantFrom("controller" as const, "scheduler" as const),
      node: fc.option(fc.constantFrom(node("n1"), node("n2")), { nil: undefined }),
      delayBinding: fc.option(fc.boolean(), { nil: undefined }),
      maxVolumes: fc.option(fc.nat(4), { nil: undefined }),
    });
    fc.assert(
      fc.property(bigPool, picks, bigOpts, (pool, ps, o) => {
        const opts = clean({ ...o, excluded: new Set<string>() } as Parameters<typeof clean>[0]);
        const claims = ps.map(([s, req, name]) => pvc(name, { cls: "fast", req, selector: selectors[s] }));
        const want = cold(claims, pool, opts);
        const explainer = new PoolExplainer(pool);
        claims.forEach((c, k) => expect(explainer.explain(c, opts)).toEqual(want[k]));
        claims.forEach((c, k) => expect(explainer.explain(c, opts)).toEqual(want[k]));
      }),
      { numRuns: 150 },
    );
  });

  it("stays exact when a volume is replaced by an upsert between calls", () => {
    fc.assert(
      fc.property(poolArb, claimsArb, optsArb, fc.nat(), pvOpts, (pool, claims, o, at, replacement) => {
        const opts = clean(o);
        const changed = pool.map((v, i) => (i === at % pool.length ? pv(v.metadata!.name!, replacement) : v));
        const explainer = new PoolExplainer(pool);
        claims.forEach((c, k) => expect(explainer.explain(c, opts)).toEqual(cold(claims, pool, opts)[k]));
        explainer.upsert(changed[at % pool.length]!);
        const after = cold(claims, changed, opts);
        claims.forEach((c, k) => expect(explainer.explain(c, opts)).toEqual(after[k]));
        claims.forEach((c, k) => expect(explainer.explain(c, opts)).toEqual(after[k]));
      }),
      { numRuns: 100 },
    );
  });

  it("sees a volume as of its last upsert, whatever is edited in place", () => {
    fc.assert(
      fc.property(poolArb, claimsArb, optsArb, (pool, claims, o) => {
        const opts = clean(o);
        const want = cold(claims, pool, opts);
        const mine = structuredClone(pool);
        const explainer = new PoolExplainer(mine);
        for (const v of mine) {
          // Edit everything the checks read, in place.
          v.metadata!.labels = { zone: "edited" };
          v.spec!.capacity = { storage: "1Ei" };
          v.spec!.claimRef = { namespace: "x", name: "y" };
          v.spec!.accessModes = ["ReadWriteMany"];
          if (v.spec!.nodeAffinity?.required) v.spec!.nodeAffinity.required.nodeSelectorTerms = [];
        }
        const got = claims.map((c) => explainer.explain(c, opts));
        // Volume names are the same; what the explanations say of them is as of construction.
        expect(JSON.parse(JSON.stringify(got))).toEqual(JSON.parse(JSON.stringify(want)));
      }),
      { numRuns: 100 },
    );
  });
});

describe("PoolExplainer.subset", () => {
  const keepArb = fc.array(fc.boolean(), { minLength: 24, maxLength: 24 });

  it("explains as a new explainer over the kept volumes would, by predicate and by names", () => {
    fc.assert(
      fc.property(poolArb, keepArb, claimsArb, optsArb, fc.boolean(), (pool, keep, claims, o, oneShot) => {
        const opts = clean(o);
        const kept = pool.filter((_, i) => keep[i]);
        const want = cold(claims, kept, opts);
        const all = new PoolExplainer(pool);
        const byPredicate = all.subset((v) => kept.includes(v), { oneShot });
        // Names in the pool's order, with a name it does not hold and one twice.
        const byNames = all.subset(["missing", ...kept.map((v) => v.metadata!.name!), kept[0]?.metadata?.name ?? "x"], { oneShot });
        for (const sub of [byPredicate, byNames]) {
          expect(sub.size).toBe(kept.length);
          expect([...sub]).toEqual(kept);
          claims.forEach((c, k) => expect(sub.explain(c, opts)).toEqual(want[k]));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("is independent of its parent: upserts and deletes on one do not reach the other", () => {
    fc.assert(
      fc.property(poolArb, claimsArb, optsArb, pvOpts, (pool, claims, o, replacement) => {
        const opts = clean(o);
        const all = new PoolExplainer(pool);
        const sub = all.subset(() => true);
        const name = pool[0]!.metadata!.name!;
        const changed = pool.map((v, i) => (i === 0 ? pv(name, replacement) : v));
        sub.upsert(changed[0]!);
        all.delete(pool[pool.length - 1]!.metadata!.name!);
        const wantSub = cold(claims, changed, opts);
        const wantAll = cold(claims, pool.slice(0, -1), opts);
        claims.forEach((c, k) => {
          expect(sub.explain(c, opts)).toEqual(wantSub[k]);
          expect(all.explain(c, opts)).toEqual(wantAll[k]);
        });
      }),
      { numRuns: 100 },
    );
  });

  it("sees the parent's volumes as of their last upsert, not as edited since; garbage keeps nothing", () => {
    const mine = [pv("a", { cap: "1Gi", cls: "fast" }), pv("b", { cap: "5Gi", cls: "fast" })];
    const all = new PoolExplainer(mine);
    mine[0]!.spec!.capacity = { storage: "100Gi" };
    const claim = pvc("data", { req: "50Gi", cls: "fast" });
    expect(all.subset(["a"]).explain(claim).outcome).toBe("no-match");
    expect(new PoolExplainer([mine[0]!]).explain(claim).outcome).toBe("matched");
    for (const garbage of [null, undefined, 42, {}, [1, 2]] as unknown[]) expect(all.subset(garbage as string[]).size).toBe(0);
  });
});

describe("per-shape tables", () => {
  const pool: PersistentVolume[] = [
    pv("pv-1", { cap: "1Gi", cls: "fast" }),
    pv("pv-2", { cap: "5Gi", cls: "fast" }),
    pv("pv-3", { cap: "5Gi", cls: "fast", modes: [RWO, ROX] }),
    pv("pv-4", { cap: "20Gi", cls: "fast", phase: "Bound", claimRef: refTo("someone") }),
    pv("pv-5", { cap: "50Gi", cls: "slow" }),
  ];
  const claim = (name: string, req: string): PersistentVolumeClaim => pvc(name, { req, cls: "fast" });

  it("answer the claims of a shape from a table built on its second claim, with the same results as cold calls", () => {
    const sizes = ["2Gi", "500Mi", "30Gi", "5Gi", "1Gi", "100Gi"];
    const opts = { classes: [sc("fast", "kubernetes.io/no-provisioner")] };
    const want = cold(
      sizes.map((s, i) => claim(`c${i}`, s)),
      pool,
      opts,
    );
    const explainer = new PoolExplainer(pool);
    const warm = sizes.map((s, i) => explainer.explain(claim(`c${i}`, s), opts));
    expect(warm).toEqual(want);
    expect(explainer.stats()).toEqual({ explanations: sizes.length, tablesBuilt: 1, tableHits: sizes.length - 1, rebuilds: 1 });
    expect(warm[0]!.match?.volume).toBe("pv-2");
    expect(warm[2]!.headline).toContain("large enough");
    expect(warm[2]!.reasonCounts["too-small"]).toBe(4);
  });

  it("are not used for a claim that a claimRef names (it may be pre-bound)", () => {
    const c = (req: string) => pvc("someone", { req, cls: "fast" });
    const explainer = new PoolExplainer(pool);
    explainer.explain(c("1Gi"));
    const e = explainer.explain(c("10Gi"));
    expect(explainer.stats().tableHits).toBe(0);
    expect(e.match?.volume).toBe("pv-4");
    expect(e.match?.reason).toBe("pre-bound");
  });

  it("are not used when volumes are excluded", () => {
    const n = node("n1");
    const opts = { node: n, excluded: new Set(["pv-2"]) };
    const explainer = new PoolExplainer(pool);
    explainer.explain(claim("a", "1Gi"), opts);
    const e = explainer.explain(claim("b", "2Gi"), opts);
    expect(explainer.stats().tableHits).toBe(0);
    expect(e.match?.volume).toBe("pv-3");
  });
});
