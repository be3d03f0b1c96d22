/**
 * replayWorkload with `kubernetes` equals driving the lifecycle: the same objects created and
 * deleted with the lifecycle's actions, `reconcile` (operations succeeding) after each event.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AccessMode, PersistentVolume, PersistentVolumeClaim } from "../../src/api/index.js";
import { replayWorkload, type WorkloadEvent } from "../../src/binding/index.js";
import { createClaim, createCluster, createVolume, deleteClaim, reconcile, type Cluster } from "../../src/lifecycle/index.js";
import { classes } from "./arbitraries.js";

const T0 = Date.parse("2026-03-01T00:00:00Z");
const modes = fc.subarray(["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"] as AccessMode[], { minLength: 1 });
const size = fc.constantFrom("1Gi", "2Gi", "3Gi", "5Gi");
const policy = fc.constantFrom("Delete", "Retain", "Recycle") as fc.Arbitrary<"Delete" | "Retain" | "Recycle">;
const cls = fc.constantFrom("", "fast", "slow", "wait");

function volume(name: string, storage: string, m: AccessMode[], c: string, p: "Delete" | "Retain" | "Recycle"): PersistentVolume {
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name },
    spec: {
      capacity: { storage },
      accessModes: m,
      storageClassName: c,
      persistentVolumeReclaimPolicy: p,
      ...(p === "Recycle" ? { nfs: { server: "nfs", path: `/${name}` } } : { csi: { driver: "csi.example.com", volumeHandle: name } }),
    },
    status: { phase: "Available" },
  };
}

const draft = fc.record({ storage: size, modes, cls, policy });
const step = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant("claim" as const),
      storage: size,
      modes,
      cls: fc.option(cls, { nil: undefined }),
      named: fc.option(fc.nat(9), { nil: undefined, freq: 8 }),
      dt: fc.nat(2),
    }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("delete" as const), which: fc.nat(20), dt: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("volume" as const), v: draft, dt: fc.nat(2) }) },
);

function build(
  initial: (typeof draft extends fc.Arbitrary<infer T> ? T : never)[],
  steps: (typeof step extends fc.Arbitrary<infer T> ? T : never)[],
) {
  const volumes = initial.map((d, i) => volume(`pv-${i}`, d.storage, d.modes, d.cls, d.policy));
  const events: WorkloadEvent[] = [];
  const created: string[] = [];
  let at = T0;
  let nv = volumes.length;
  steps.forEach((s, j) => {
    at += s.dt * 1000;
    if (s.t === "claim") {
      const spec: NonNullable<PersistentVolumeClaim["spec"]> = { accessModes: s.modes, resources: { requests: { storage: s.storage } } };
      if (s.cls !== undefined) spec.storageClassName = s.cls;
      if (s.named !== undefined) spec.volumeName = `pv-${s.named}`;
      const name = `c-${j}`;
      created.push(`default/${name}`);
      events.push({
        at,
        kind: "claim-created",
        claim: { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name, namespace: "default", uid: `u-${j}` }, spec },
      });
    } else if (s.t === "delete") {
      if (created.length > 0) events.push({ at, kind: "claim-deleted", claim: created[s.which % created.length]! });
    } else {
      events.push({ at, kind: "volume-created", volume: volume(`pv-${nv++}`, s.v.storage, s.v.modes, s.v.cls, s.v.policy) });
    }
  });
  return { volumes, events };
}

function lifecyclePairs(c: Cluster): string[] {
  const out: string[] = [];
  for (const [key, claim] of c.claims) {
    if (claim.metadata.deletionTimestamp) continue;
    const vn = claim.spec.volumeName ?? "";
    const pv = c.volumes.get(vn);
    if (claim.status?.phase === "Bound" && pv?.spec.claimRef?.uid === claim.metadata.uid) out.push(`${key}=${vn}`);
  }
  return out.sort();
}

describe("replayWorkload", () => {
  it("with kubernetes equals the lifecycle driven event by event", () => {
    fc.assert(
      fc.property(
        fc.array(draft, { maxLength: 5 }),
        fc.array(step, { minLength: 1, maxLength: 14 }),
        fc.boolean(),
        (initial, steps, withDefault) => {
          const { volumes, events } = build(initial, steps);
          // Static pools only: replay does not model dynamic provisioning ("slow" is then an unknown class).
          const scs = classes(withDefault).filter((c) => c.metadata!.name !== "slow");
          let cluster = createCluster({ volumes, classes: scs });
          for (let k = 0; k < events.length; k++) {
            const e = events[k]!;
            const ctx = { now: new Date(e.at) };
            if (e.kind === "claim-created") cluster = createClaim(cluster, e.claim, ctx).cluster;
            else if (e.kind === "claim-deleted") {
              if (cluster.claims.has(e.claim)) cluster = deleteClaim(cluster, e.claim, ctx).cluster;
            } else cluster = createVolume(cluster, e.volume, ctx).cluster;
            cluster = reconcile(cluster, ctx, { completeOperations: "succeed" }).cluster;
            const r = replayWorkload(events.slice(0, k + 1), { volumes, classes: scs });
            expect(r.assignments.map((a) => `${a.claim}=${a.volume}`).sort()).toEqual(lifecyclePairs(cluster));
            const live = [...cluster.claims.values()].filter((c) => !c.metadata.deletionTimestamp).length;
            expect(r.totals.bound + r.totals.pending).toBe(live);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("replayWorkload with any strategy", () => {
  it("never gives a volume to two live claims, and accounts for every live claim", () => {
    fc.assert(
      fc.property(
        fc.array(draft, { maxLength: 5 }),
        fc.array(step, { minLength: 1, maxLength: 14 }),
        fc.boolean(),
        (initial, steps, withDefault) => {
          const { volumes, events } = build(initial, steps);
          const scs = classes(withDefault).filter((c) => c.metadata?.name !== "slow");
          const live = new Set<string>();
          for (const e of events) {
            if (e.kind === "claim-created") live.add(`default/${e.claim.metadata?.name}`);
            else if (e.kind === "claim-deleted") live.delete(e.claim);
          }
          for (const strategy of ["best-fit-decreasing", "optimal"] as const) {
            const r = replayWorkload(events, { volumes, classes: scs, strategy, sampleEvery: 1 });
            const vols = r.assignments.map((a) => a.volume);
            expect(new Set(vols).size).toBe(vols.length);
            expect([...r.assignments.map((a) => a.claim), ...r.pending].sort()).toEqual([...live].sort());
            expect(r.series).toHaveLength(events.length);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
