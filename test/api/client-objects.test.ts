/**
 * The objects of @kubernetes/client-node (no apiVersion/kind needed, optional metadata and spec,
 * `Date` timestamps) at run time: every place kubevol reads a timestamp takes a `Date`.
 */
import { runInNewContext } from "node:vm";
import type { V1PersistentVolume, V1PersistentVolumeClaim } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { compareClaimOrder, isDeleting, timestampMillis } from "../../src/api/helpers/index.js";
import { createCluster, formatTime, LifecycleError, reconcile } from "../../src/lifecycle/index.js";
import { findMatchingVolume, MatchingError, VolumeIndex } from "../../src/matching/index.js";

const now = new Date("2026-06-01T00:00:00Z");

function volume(name: string, extra: Partial<NonNullable<V1PersistentVolume["metadata"]>> = {}): V1PersistentVolume {
  return {
    metadata: { name, ...extra },
    spec: { capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"], storageClassName: "", nfs: { server: "nfs", path: `/${name}` } },
    status: { phase: "Available" },
  };
}

function claim(name: string, created: Date | undefined): V1PersistentVolumeClaim {
  return {
    metadata: { name, namespace: "default", ...(created ? { creationTimestamp: created } : {}) },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } }, storageClassName: "" },
  };
}

describe("timestampMillis", () => {
  it("reads strings and Dates, of this realm or another", () => {
    expect(timestampMillis("2026-01-01T00:00:00Z")).toBe(Date.UTC(2026, 0, 1));
    expect(timestampMillis(new Date("2026-01-01T00:00:00Z"))).toBe(Date.UTC(2026, 0, 1));
    const foreign: unknown = runInNewContext('new Date("2026-01-01T00:00:00Z")');
    expect(foreign instanceof Date).toBe(false);
    expect(timestampMillis(foreign)).toBe(Date.UTC(2026, 0, 1));
  });

  it("treats invalid dates and other objects as no time", () => {
    expect(timestampMillis(new Date("yesterday"))).toBeUndefined();
    expect(timestampMillis({ [Symbol.toStringTag]: "Date" })).toBeUndefined();
    expect(timestampMillis({})).toBeUndefined();
    expect(timestampMillis(1767225600000)).toBeUndefined();
    expect(timestampMillis("")).toBeUndefined();
  });

  it("gives formatTime (ctx.now) Dates of another realm too", () => {
    expect(formatTime(runInNewContext('new Date("2026-01-01T00:00:00.750Z")') as Date)).toBe("2026-01-01T00:00:00Z");
    expect(() => formatTime(new Date(Number.NaN))).toThrow(LifecycleError);
  });
});

describe("Date timestamps in the rules", () => {
  it("order claims by a Date creationTimestamp (oldest first), mixed with strings", () => {
    const older = claim("b", new Date("2025-01-01T00:00:00Z"));
    const newer = claim("a", new Date("2026-01-01T00:00:00Z"));
    const text = { metadata: { name: "c", namespace: "default", creationTimestamp: "2025-06-01T00:00:00Z" } };
    expect([newer, text, older].sort(compareClaimOrder).map((c) => c.metadata?.name)).toEqual(["b", "c", "a"]);
  });

  it("let the older claim win the one volume in reconcile", () => {
    const cluster = createCluster({
      volumes: [volume("pv-1")],
      claims: [claim("a", new Date("2026-01-01T00:00:00Z")), claim("b", new Date("2025-01-01T00:00:00Z"))],
    });
    const r = reconcile(cluster, { now });
    expect(r.cluster.claims.get("default/b")?.spec.volumeName).toBe("pv-1");
    expect(r.cluster.claims.get("default/a")?.status?.phase).toBe("Pending");
    // The stored objects keep the caller's Date.
    expect(r.cluster.claims.get("default/b")?.metadata.creationTimestamp).toEqual(new Date("2025-01-01T00:00:00Z"));
  });

  it("see a Date deletionTimestamp as deletion started", () => {
    const deleting = volume("pv-1", { deletionTimestamp: new Date("2026-01-01T00:00:00Z"), finalizers: ["kubernetes.io/pv-protection"] });
    expect(isDeleting(deleting)).toBe(true);
    expect(isDeleting(volume("pv-2"))).toBe(false);
    expect(findMatchingVolume(claim("data", undefined), [deleting])).toBeUndefined();
    expect(new VolumeIndex([deleting]).stats().deleting).toBe(1);
    expect(findMatchingVolume(claim("data", undefined), [volume("pv-2")])?.metadata?.name).toBe("pv-2");
  });
});

describe("absent fields", () => {
  it("need no apiVersion, kind or status", () => {
    const r = reconcile(createCluster({ volumes: [volume("pv-1")], claims: [claim("data", undefined)] }), { now });
    expect(r.cluster.claims.get("default/data")?.status?.phase).toBe("Bound");
  });

  it("without metadata or spec: createCluster names the field, matching reports a malformed object", () => {
    expect(() => createCluster({ volumes: [{ spec: {} }] })).toThrow("volumes[0].metadata: Required value");
    expect(() => createCluster({ claims: [{ metadata: { name: "c" } }] })).toThrow("claims[0].spec: Required value");
    // A volume without metadata or spec is skipped (counted as malformed), never a crash.
    const { metadata: _, ...anonymous } = volume("pv-1");
    expect(findMatchingVolume(claim("data", undefined), [{ status: { phase: "Available" } }, anonymous])).toBeUndefined();
    expect(new VolumeIndex([anonymous, { metadata: { name: "no-spec" } }]).stats().malformed).toBe(2);
    // A claim without them is unusable: a typed MatchingError, as for any malformed claim.
    expect(() => findMatchingVolume({}, [volume("pv-1")])).toThrow(MatchingError);
    expect(() => findMatchingVolume({}, [volume("pv-1")])).toThrow("metadata is not an object");
  });
});
