/** churnWorkload: deterministic, sorted, mixes honoured. */
import { describe, expect, it } from "vitest";
import { churnWorkload } from "../../src/testing/index.js";

describe("churnWorkload", () => {
  it("is deterministic for a seed and sorted by time", () => {
    const a = churnWorkload({ claims: 300, volumes: 100, volumeArrivals: 20 }, 3);
    expect(churnWorkload({ claims: 300, volumes: 100, volumeArrivals: 20 }, 3)).toEqual(a);
    expect(churnWorkload({ claims: 300, volumes: 100, volumeArrivals: 20 }, 4)).not.toEqual(a);
    for (let i = 1; i < a.events.length; i++) expect(a.events[i]!.at).toBeGreaterThanOrEqual(a.events[i - 1]!.at);
    const kinds: Record<string, number> = {};
    for (const e of a.events) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    expect(kinds).toEqual({ "claim-created": 300, "claim-deleted": 300, "volume-created": 20 });
    expect(a.volumes).toHaveLength(100);
  });

  it("every claim is deleted after it is created; forever keeps them", () => {
    const w = churnWorkload({ claims: 200, arrival: "bursty", lifetime: "lognormal" }, 9);
    const created = new Map<string, number>();
    for (const e of w.events) {
      if (e.kind === "claim-created") created.set(`churn/${e.claim.metadata!.name}`, e.at);
      if (e.kind === "claim-deleted") expect(e.at).toBeGreaterThan(created.get(e.claim)!);
    }
    expect(churnWorkload({ claims: 50, lifetime: "forever" }, 1).events.every((e) => e.kind === "claim-created")).toBe(true);
  });

  it("honours the reclaim-policy mix (NFS volumes for Recycle)", () => {
    const w = churnWorkload({ claims: 0, volumes: 400, reclaim: [["Recycle", 1]] }, 2);
    expect(w.volumes.every((v) => v.spec!.persistentVolumeReclaimPolicy === "Recycle" && v.spec!.nfs !== undefined)).toBe(true);
    expect(w.events).toEqual([]);
  });
});
