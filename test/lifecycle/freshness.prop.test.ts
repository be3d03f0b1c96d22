/** The lifecycle answers from its inputs as they are now: earlier runs leave no state behind. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCluster, reconcile, syncClaim } from "../../src/lifecycle/index.js";
import { claims, pool } from "../../src/testing/index.js";

const ctx = { now: "2026-01-01T00:00:00Z" };
const plain = (r: { writes: readonly unknown[]; events: readonly unknown[] }) =>
  JSON.parse(JSON.stringify({ writes: r.writes, events: r.events }));

describe("lifecycle is fresh", () => {
  it("reconcile twice on one snapshot, and on a deep copy, gives one result", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (seed, nv, nc) => {
        const cluster = createCluster({ volumes: pool(nv, seed), claims: claims(nc, seed + 1) });
        const first = plain(reconcile(cluster, ctx, { completeOperations: "succeed" }));
        const again = plain(reconcile(cluster, ctx, { completeOperations: "succeed" }));
        const copy = plain(reconcile(structuredClone(cluster), ctx, { completeOperations: "succeed" }));
        expect(again).toEqual(first);
        expect(copy).toEqual(first);
      }),
      { numRuns: 30 },
    );
  });

  it("syncClaim after a reconcile of another snapshot answers for its own snapshot", () => {
    fc.assert(
      fc.property(fc.nat(1000), (seed) => {
        const a = createCluster({ volumes: pool(20, seed), claims: claims(10, seed) });
        const b = createCluster({ volumes: pool(20, seed + 7), claims: claims(10, seed) });
        reconcile(a, ctx);
        const key = [...b.claims.keys()][0]!;
        expect(plain(syncClaim(b, key, ctx))).toEqual(plain(syncClaim(structuredClone(b), key, ctx)));
      }),
      { numRuns: 30 },
    );
  });
});
