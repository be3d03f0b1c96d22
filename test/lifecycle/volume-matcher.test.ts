import { describe, expect, it } from "vitest";
import { createCluster, syncClaim, syncVolume } from "../../src/lifecycle/index.js";
import { putObject } from "../../src/lifecycle/cluster.js";
import { syncClaimWithMatcher } from "../../src/lifecycle/sync-claim.js";
import { ClusterVolumeMatcher } from "../../src/lifecycle/volume-matcher.js";
import { closeWorkingCopy, mapVersion, openWorkingCopy } from "../../src/lifecycle/working-copy.js";
import { ctx, pv, pvc } from "./fixtures.js";

describe("ClusterVolumeMatcher", () => {
  const a = createCluster({ volumes: [pv("small", { size: "1Gi" }), pv("big", { size: "10Gi" })], claims: [pvc("data", { size: "1Gi" })] });
  const b = createCluster({ volumes: [pv("big", { size: "10Gi" })], claims: [pvc("data", { size: "1Gi" })] });

  it("answers through the index only for the volumes map it mirrors; otherwise the linear scan", () => {
    const matcher = new ClusterVolumeMatcher(a);
    expect(matcher.tracks(a.volumes)).toBe(true);
    expect(matcher.tracks(b.volumes)).toBe(false);
    // a stale matcher (built on a, which has "small") never changes b's answer
    expect(syncClaimWithMatcher(b, "default/data", ctx, matcher)).toEqual(syncClaim(b, "default/data", ctx));
    expect(syncClaimWithMatcher(a, "default/data", ctx, matcher).cluster.claims.get("default/data")?.spec.volumeName).toBe("small");
  });

  it("follows a step's volume writes, and rebuilds when it was not on the step's input", () => {
    const matcher = new ClusterVolumeMatcher(a);
    const r = syncClaimWithMatcher(a, "default/data", ctx, matcher);
    matcher.follow(a, r.cluster, r.writes);
    expect(matcher.tracks(r.cluster.volumes)).toBe(true);
    // "small" is now bound: the index no longer offers it
    expect(matcher.findBestMatchForClaim(pvc("other", { size: "1Gi" }), false)?.metadata.name).toBe("big");
    const v = syncVolume(b, "big", ctx);
    matcher.follow(b, v.cluster, v.writes); // not on b: rebuilt from v.cluster
    expect(matcher.tracks(v.cluster.volumes)).toBe(true);
    expect(matcher.findBestMatchForClaim(pvc("other", { size: "1Gi" }), false)?.metadata.name).toBe("big");
  });
});

describe("working copies", () => {
  it("are written in place while open (versions count the changes), copied again once closed; the input never changes", () => {
    const input = createCluster({ volumes: [pv("v1")] });
    const work = openWorkingCopy(input);
    expect(work.volumes).not.toBe(input.volumes);
    const next = putObject(work, "PersistentVolume", "v2", pv("v2"), work.revision + 1);
    expect(next.volumes).toBe(work.volumes);
    expect(mapVersion(work.volumes)).toBe(1);
    expect([...input.volumes.keys()]).toEqual(["v1"]);
    closeWorkingCopy(work);
    const after = putObject(next, "PersistentVolume", "v3", pv("v3"), next.revision + 1);
    expect(after.volumes).not.toBe(next.volumes);
    expect([...next.volumes.keys()]).toEqual(["v1", "v2"]);
    expect(mapVersion(next.volumes)).toBe(0);
  });
});
