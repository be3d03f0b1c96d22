import { describe, expect, it } from "vitest";
import {
  canTransition,
  createCluster,
  pvcPhaseTransitions,
  pvPhaseTransitions,
  reconcile,
  syncClaim,
  syncVolume,
  type Cluster,
} from "../../src/lifecycle/index.js";
import { ctx, freezeCluster, pv, pvc, summary } from "./fixtures.js";

function strip(c: Cluster): unknown {
  const clean = (o: { metadata: object }) => {
    const { resourceVersion: _rv, ...metadata } = o.metadata as { resourceVersion?: string };
    return { ...o, metadata };
  };
  return {
    volumes: [...c.volumes.values()].map(clean),
    claims: [...c.claims.values()].map(clean),
  };
}

describe("pv_controller.go bind: bind() as four writes: every partial state is recovered by the next sync", () => {
  const base = () => freezeCluster(createCluster({ volumes: [pv("pv1"), pv("pv2", { size: "20Gi" })], claims: [pvc("data")] }));
  const full = syncClaim(base(), "default/data", ctx);

  it.each([0, 1, 2, 3])("crash after %i writes", (k) => {
    const crashed = syncClaim(base(), "default/data", { ...ctx, crashAfterWrites: k });
    expect(crashed.crashed).toBe(true);
    expect(summary(crashed)).toEqual(summary(full).slice(0, k));
    // the volume worker may run first; it must not undo the partial binding
    const v = syncVolume(crashed.cluster, "pv1", ctx);
    const again = syncClaim(v.cluster, "default/data", ctx);
    expect(again.crashed).toBe(false);
    expect(again.cluster.claims.get("default/data")!.spec.volumeName).toBe("pv1");
    expect(strip(reconcile(again.cluster, { ...ctx, protection: false }).cluster)).toEqual(strip(full.cluster));
  });

  it("crash after all four writes is no crash", () => {
    const r = syncClaim(base(), "default/data", { ...ctx, crashAfterWrites: 4 });
    expect(r.crashed).toBe(false);
    expect(r.writes).toHaveLength(4);
  });

  it("a half-bound volume is not taken by another claim", () => {
    const c = freezeCluster(createCluster({ volumes: [pv("pv1")], claims: [pvc("a"), pvc("b")] }));
    const half = syncClaim(c, "default/a", { ...ctx, crashAfterWrites: 1 });
    const other = syncClaim(half.cluster, "default/b", ctx);
    expect(other.writes).toEqual([]);
    const done = reconcile(other.cluster, ctx);
    expect(done.cluster.claims.get("default/a")!.status?.phase).toBe("Bound");
    expect(done.cluster.claims.get("default/b")!.status?.phase).toBe("Pending");
  });
});

describe("phase machines as data (pv_controller.go)", () => {
  it.each([
    ["PersistentVolume", null, "Pending", true],
    ["PersistentVolume", "Pending", "Available", true],
    ["PersistentVolume", "Available", "Bound", true],
    ["PersistentVolume", "Bound", "Released", true],
    ["PersistentVolume", "Released", "Available", true],
    ["PersistentVolume", "Released", "Failed", true],
    ["PersistentVolume", "Bound", "Available", true],
    ["PersistentVolume", "Failed", "Released", false],
    ["PersistentVolume", "Released", "Bound", true],
    ["PersistentVolume", "Released", "Pending", false],
    ["PersistentVolume", null, "Bound", false],
    ["PersistentVolumeClaim", null, "Pending", true],
    ["PersistentVolumeClaim", "Pending", "Bound", true],
    ["PersistentVolumeClaim", "Bound", "Lost", true],
    ["PersistentVolumeClaim", "Lost", "Bound", true],
    ["PersistentVolumeClaim", "Bound", "Pending", true],
    ["PersistentVolumeClaim", "Lost", "Pending", false],
    ["PersistentVolumeClaim", "Bound", "Bound", true],
  ] as const)("%s %s → %s: %s", (kind, from, to, ok) => {
    expect(canTransition(kind, from, to)).toBe(ok);
  });

  it("tables are frozen data with a trigger on every row", () => {
    expect(Object.isFrozen(pvPhaseTransitions)).toBe(true);
    for (const t of [...pvPhaseTransitions, ...pvcPhaseTransitions]) expect(t.trigger.length).toBeGreaterThan(0);
  });
});
