/** replayWorkload on hand-written timelines: the three reclaim policies, the series, bad events. */
import { describe, expect, it } from "vitest";
import type { PersistentVolume, PersistentVolumeClaim } from "../../src/api/index.js";
import { replayWorkload, type WorkloadEvent } from "../../src/binding/index.js";
import { churnWorkload } from "../../src/testing/index.js";

const pv = (name: string, storage: string, policy: "Delete" | "Retain" | "Recycle"): PersistentVolume => ({
  metadata: { name },
  spec: {
    capacity: { storage },
    accessModes: ["ReadWriteOnce"],
    storageClassName: "",
    persistentVolumeReclaimPolicy: policy,
    ...(policy === "Recycle" ? { nfs: { server: "s", path: "/x" } } : { csi: { driver: "d", volumeHandle: name } }),
  },
  status: { phase: "Available" },
});
const pvc = (name: string, storage: string): PersistentVolumeClaim => ({
  metadata: { name, namespace: "default", uid: `u-${name}` },
  spec: { accessModes: ["ReadWriteOnce"], storageClassName: "", resources: { requests: { storage } } },
});
const T = Date.parse("2026-01-01T00:00:00Z");

describe("replayWorkload", () => {
  for (const [policy, after] of [
    ["Recycle", ["default/b=v"]],
    ["Retain", []],
    ["Delete", []],
  ] as const) {
    it(`reclaims by policy ${policy}`, () => {
      const events: WorkloadEvent[] = [
        { at: T, kind: "claim-created", claim: pvc("a", "1Gi") },
        { at: T + 1000, kind: "claim-created", claim: pvc("b", "1Gi") },
        { at: T + 2000, kind: "claim-deleted", claim: "default/a" },
      ];
      for (const strategy of ["kubernetes", "optimal"] as const) {
        const r = replayWorkload(events, { volumes: [pv("v", "2Gi", policy)], strategy, sampleEvery: 1 });
        expect(r.assignments.map((x) => `${x.claim}=${x.volume}`)).toEqual(after);
        expect(r.series.map((p) => [p.bound, p.pending])).toEqual([[1, 0], [1, 1], policy === "Recycle" ? [1, 0] : [0, 1]]);
        expect(r.series[0]!.wastedBytes).toBe(1n << 30n);
        expect(r.series[0]!.largestFree).toEqual({});
        expect(r.totals).toMatchObject({
          bindings: policy === "Recycle" ? 2 : 1,
          recycled: policy === "Recycle" ? 1 : 0,
          released: policy === "Retain" ? 1 : 0,
          volumesDeleted: policy === "Delete" ? 1 : 0,
        });
      }
    });
  }

  it("a created volume serves the oldest pending claim that fits, and shows in largestFree", () => {
    const events: WorkloadEvent[] = [
      { at: T, kind: "claim-created", claim: pvc("big", "5Gi") },
      { at: T + 1000, kind: "claim-created", claim: pvc("small", "1Gi") },
      { at: T + 2000, kind: "volume-created", volume: pv("v2", "2Gi", "Retain") },
      { at: T + 3000, kind: "volume-created", volume: pv("v9", "9Gi", "Retain") },
      { at: T + 4000, kind: "volume-created", volume: pv("v3", "3Gi", "Retain") },
    ];
    const r = replayWorkload(events, { sampleEvery: 1 });
    expect(r.assignments.map((x) => `${x.claim}=${x.volume}`)).toEqual(["default/big=v9", "default/small=v2"]);
    expect(r.series.at(-1)!.largestFree).toEqual({ "": 3n << 30n });
    expect(r.totals.maxPending).toBe(2);
  });

  it("ignores unknown deletions and duplicate creations; rejects bad events with a field path", () => {
    const r = replayWorkload([
      { at: T, kind: "claim-deleted", claim: "default/none" },
      { at: T, kind: "claim-created", claim: pvc("a", "1Gi") },
      { at: T, kind: "claim-created", claim: pvc("a", "1Gi") },
    ]);
    expect(r.totals.ignored).toBe(2);
    expect(() => replayWorkload([{ at: T, kind: "explode" } as never])).toThrow(
      expect.objectContaining({ code: "InvalidInput", field: "events[0].kind" }),
    );
    expect(() =>
      replayWorkload([
        { at: T, kind: "claim-deleted", claim: "x" },
        { at: T - 1, kind: "claim-deleted", claim: "x" },
      ]),
    ).toThrow(/go back in time/);
    expect(() => replayWorkload(null as never)).toThrow(expect.objectContaining({ field: "events" }));
    expect(replayWorkload([]).series).toEqual([]);
  });

  it("replays a seeded churn workload with every strategy", () => {
    const w = churnWorkload({ claims: 120, volumes: 60, volumeArrivals: 10 }, 5);
    const runs = (["kubernetes", "best-fit-decreasing", "optimal"] as const).map((strategy) =>
      replayWorkload(w.events, { volumes: w.volumes, classes: w.classes, strategy, sampleEvery: 1 }),
    );
    for (const r of runs) {
      expect(r.series).toHaveLength(w.events.length);
      expect(r.totals.bound + r.totals.pending).toBe(r.series.at(-1)!.bound + r.series.at(-1)!.pending);
    }
  });
});
