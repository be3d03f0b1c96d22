import { describe, expect, it } from "vitest";
import { labelSelectorAsSelector } from "../../src/labels/index.js";
import { parseQuantity } from "../../src/quantity/index.js";
import {
  LOCAL_CLASS,
  Prng,
  STORAGE_CLASSES,
  claimAt,
  claimName,
  claims,
  mixSeed,
  nodeAt,
  nodes,
  pool,
  volumeAt,
} from "../../src/testing/index.js";
import { validatePersistentVolume, validatePersistentVolumeClaim } from "../../src/validation/index.js";

const share = <T>(xs: readonly T[], f: (x: T) => boolean): number => xs.filter(f).length / xs.length;

describe("Prng", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const c = new Prng(8);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it("float, int, chance and weighted stay in range and follow their weights", () => {
    const r = new Prng(1);
    let heads = 0;
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 20_000; i++) {
      const f = r.float();
      expect(f >= 0 && f < 1).toBe(true);
      const n = r.int(6);
      expect(Number.isInteger(n) && n >= 0 && n < 6).toBe(true);
      if (r.chance(0.3)) heads++;
      counts[
        r.weighted([
          ["a", 3],
          ["b", 1],
        ] as const)
      ]++;
    }
    expect(heads / 20_000).toBeCloseTo(0.3, 1);
    expect(counts.a / 20_000).toBeCloseTo(0.75, 1);
  });

  it("mixSeed spreads consecutive indexes", () => {
    const seen = new Set(Array.from({ length: 1000 }, (_, i) => mixSeed(1, i)));
    expect(seen.size).toBe(1000);
  });
});

describe("pool", () => {
  const vols = pool(20_000, 42);

  it("is deterministic and prefix-stable, with random access by index", () => {
    expect(pool(50, 42)).toEqual(vols.slice(0, 50));
    expect(volumeAt(12_345, 42)).toEqual(vols[12_345]);
    expect(pool(50, 43)).not.toEqual(vols.slice(0, 50));
    expect(vols[7]!.metadata!.name).toBe("pv-0000007");
  });

  it("follows the benchmark workload (docs/benchmarks.md)", () => {
    const phase = (p: string) => share(vols, (v) => v.status?.phase === p);
    expect(phase("Bound")).toBeCloseTo(0.3, 1);
    expect(phase("Released")).toBeGreaterThan(0.01);
    expect(phase("Released")).toBeLessThan(0.03);
    const preBound = share(vols, (v) => v.spec!.claimRef != null && v.spec!.claimRef.uid === undefined);
    expect(preBound).toBeGreaterThan(0.0003);
    expect(preBound).toBeLessThan(0.002);
    expect(share(vols, (v) => v.metadata!.deletionTimestamp != null)).toBeCloseTo(0.01, 2);
    expect(share(vols, (v) => v.spec!.local !== undefined)).toBeCloseTo(0.2, 1);
    expect(share(vols, (v) => v.spec!.volumeMode === "Block")).toBeCloseTo(0.1, 1);
    expect(share(vols, (v) => v.metadata!.labels !== undefined)).toBeCloseTo(0.5, 1);
    expect(share(vols, (v) => /[0-9][GT]$/.test(v.spec!.capacity!.storage!))).toBeCloseTo(0.1, 1);
    const modes = (k: string) => share(vols, (v) => v.spec!.accessModes!.join(",") === k);
    expect(modes("ReadWriteOnce")).toBeCloseTo(0.6, 1);
    expect(modes("ReadWriteOnce,ReadOnlyMany")).toBeCloseTo(0.2, 1);
    expect(modes("ReadOnlyMany")).toBeCloseTo(0.05, 1);
    expect(share(vols, (v) => v.spec!.accessModes!.includes("ReadWriteMany"))).toBeCloseTo(0.15, 1);
    expect(modes("ReadWriteOncePod")).toBeGreaterThan(0);
    expect(new Set(vols.map((v) => v.spec!.storageClassName))).toEqual(new Set(STORAGE_CLASSES));
    expect(new Set(vols.filter((v) => v.spec!.local).map((v) => v.spec!.storageClassName))).toEqual(new Set([LOCAL_CLASS]));
    const hosts = new Set(vols.flatMap((v) => v.spec!.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions?.[0]?.values ?? []));
    expect(hosts.size).toBeGreaterThan(950);
  });

  it("has log-uniform capacities between 1Gi and 16Ti", () => {
    const min = parseQuantity("1Gi");
    const max = parseQuantity("16Ti");
    const caps = vols.map((v) => parseQuantity(v.spec!.capacity!.storage!));
    // Decimal units round, so allow the nearest G below 1Gi.
    for (const q of caps) expect(q.cmp(parseQuantity("1G")) >= 0 && q.cmp(max.add(parseQuantity("1T"))) <= 0).toBe(true);
    const belowMiddle = share(caps, (q) => q.cmp(parseQuantity("128Gi")) < 0); // 2^7 of 2^14: half, log-wise
    expect(belowMiddle).toBeCloseTo(0.5, 1);
    expect(share(caps, (q) => q.cmp(min) < 0)).toBeLessThan(0.02);
  });

  it("generates volumes the API server accepts", () => {
    for (const v of vols.slice(0, 500)) expect(validatePersistentVolume(v).map(String)).toEqual([]);
  });

  it("shares frozen sub-objects instead of copying them", () => {
    const [a, b] = vols.filter((v) => v.spec!.capacity!.storage === vols[0]!.spec!.capacity!.storage);
    expect(a!.spec!.capacity).toBe(b!.spec!.capacity);
    expect(Object.isFrozen(a!.spec!.capacity)).toBe(true);
  });

  it("pre-bound volumes point at generated claims", () => {
    const pre = pool(200_000, 5, { prebindClaimSpace: 10 }).filter((v) => v.spec!.claimRef && v.spec!.claimRef.uid === undefined);
    expect(pre.length).toBeGreaterThan(100);
    const names = new Set(claims(10, 1).map((c) => `${c.metadata!.namespace}/${c.metadata!.name}`));
    for (const v of pre) expect(names.has(`${v.spec!.claimRef!.namespace}/${v.spec!.claimRef!.name}`)).toBe(true);
  });
});

describe("claims", () => {
  const cs = claims(10_000, 3);

  it("is deterministic and prefix-stable", () => {
    expect(claims(20, 3)).toEqual(cs.slice(0, 20));
    expect(claimAt(999, 3)).toEqual(cs[999]);
    expect(cs[5]!.metadata).toMatchObject(claimName(5));
  });

  it("follows the benchmark workload (docs/benchmarks.md)", () => {
    expect(share(cs, (c) => c.spec!.selector != null)).toBeCloseTo(0.3, 1);
    expect(share(cs, (c) => c.spec!.storageClassName === LOCAL_CLASS)).toBeCloseTo(0.2, 1);
    const reqs = cs.map((c) => parseQuantity(c.spec!.resources!.requests!.storage!));
    for (const q of reqs) expect(q.cmp(parseQuantity("1G")) >= 0 && q.cmp(parseQuantity("5T")) <= 0).toBe(true);
    expect(share(reqs, (q) => q.cmp(parseQuantity("64Gi")) < 0)).toBeCloseTo(0.5, 1);
    const kinds = new Set(
      cs.flatMap((c) => [...Object.keys(c.spec!.selector ?? {}), ...(c.spec!.selector?.matchExpressions ?? []).map((e) => e.operator)]),
    );
    expect(kinds).toEqual(new Set(["matchLabels", "matchExpressions", "In", "NotIn"]));
  });

  it("generates valid claims with valid selectors", () => {
    for (const c of cs.slice(0, 500)) {
      expect(validatePersistentVolumeClaim(c).map(String)).toEqual([]);
      expect(() => labelSelectorAsSelector(c.spec!.selector ?? {})).not.toThrow();
    }
  });

  it("selectorRate controls the share of selectors", () => {
    expect(share(claims(200, 1, { selectorRate: 1 }), (c) => c.spec!.selector != null)).toBe(1);
    expect(share(claims(200, 1, { selectorRate: 0 }), (c) => c.spec!.selector != null)).toBe(0);
  });
});

describe("nodes", () => {
  it("names and labels nodes as the pool's local volumes expect", () => {
    const ns = nodes(1000, 1);
    expect(ns[42]!.metadata.name).toBe("node-0042");
    expect(ns[42]!.metadata.labels["kubernetes.io/hostname"]).toBe("node-0042");
    expect(ns[4]!.metadata.labels.zone).toBe("zone-b");
    expect(nodeAt(42, 1)).toEqual(ns[42]);
    expect(nodes(3, 1)).toEqual(ns.slice(0, 3));
  });
});
