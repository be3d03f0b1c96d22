/**
 * The worked example of docs/lifecycle.md, kept compiling and true. Keep the two in sync.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "vitest";
import {
  completeOperation,
  createClaim,
  createClass,
  createCluster,
  createVolume,
  deleteClaim,
  reconcile,
  syncClaim,
  type Cluster,
} from "../../src/lifecycle/index.js";

it("docs/lifecycle.md worked example", () => {
  // --- docs:begin
  const ctx = { now: "2026-03-01T10:00:00Z" };
  let cluster: Cluster = createCluster({});

  // An admin creates three static volumes, one per reclaim policy.
  for (const [name, size, policy, source] of [
    ["pv-retain", "1Gi", "Retain", { nfs: { server: "nfs.example.com", path: "/a" } }],
    ["pv-recycle", "2Gi", "Recycle", { nfs: { server: "nfs.example.com", path: "/b" } }],
    ["pv-delete", "3Gi", "Delete", { csi: { driver: "csi.example.com", volumeHandle: "vol-3" } }],
  ] as const) {
    cluster = createVolume(
      cluster,
      {
        metadata: { name },
        spec: { capacity: { storage: size }, accessModes: ["ReadWriteOnce"], persistentVolumeReclaimPolicy: policy, ...source },
      },
      ctx,
    ).cluster;
  }
  // The API server reset the status: every volume starts Pending.
  assert.deepEqual(cluster.volumes.get("pv-retain")!.status, { phase: "Pending", lastPhaseTransitionTime: ctx.now });

  // A user creates a claim with no class ("" = static volumes only).
  cluster = createClaim(
    cluster,
    {
      metadata: { name: "a", namespace: "shop" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, storageClassName: "" },
    },
    ctx,
  ).cluster;

  // One claim sync before any volume sync: nothing is Available yet.
  const early = syncClaim(cluster, "shop/a", ctx);
  assert.deepEqual(
    early.events.map((e) => e.message),
    ["no persistent volumes available for this claim and no storage class is set"],
  );

  // The controllers run to a fixpoint: volumes become Available, then bind() makes four writes.
  const bound = reconcile(cluster, ctx);
  assert.equal(bound.converged, true);
  assert.deepEqual(
    bound.writes.filter((w) => w.actor === "pv-controller").map((w) => `${w.verb} ${w.kind} ${w.name}`),
    [
      "updateStatus PersistentVolume pv-delete",
      "updateStatus PersistentVolume pv-recycle",
      "updateStatus PersistentVolume pv-retain",
      "update PersistentVolume pv-retain", // claimRef + bound-by-controller
      "updateStatus PersistentVolume pv-retain", // Bound
      "update PersistentVolumeClaim a", // volumeName + bound-by-controller + bind-completed
      "updateStatus PersistentVolumeClaim a", // Bound, capacity 1Gi
    ],
  );
  cluster = bound.cluster;
  assert.deepEqual(cluster.claims.get("shop/a")!.status, { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" } });

  // Two more claims take the other two volumes (smallest volume that fits).
  for (const [name, size] of [
    ["b", "2Gi"],
    ["c", "3Gi"],
  ] as const) {
    cluster = createClaim(
      cluster,
      {
        metadata: { name, namespace: "shop" },
        spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: size } }, storageClassName: "" },
      },
      ctx,
    ).cluster;
  }
  cluster = reconcile(cluster, ctx).cluster;
  assert.equal(cluster.claims.get("shop/b")!.spec.volumeName, "pv-recycle");
  assert.equal(cluster.claims.get("shop/c")!.spec.volumeName, "pv-delete");

  // Release: the user deletes all three claims. No pod uses them, so pvc-protection lets them go.
  for (const key of ["shop/a", "shop/b", "shop/c"]) cluster = deleteClaim(cluster, key, ctx).cluster;
  const released = reconcile(cluster, ctx);
  cluster = released.cluster;
  assert.equal(cluster.claims.size, 0);

  // Retain: the volume stays Released, still pointing at the deleted claim's UID.
  assert.equal(cluster.volumes.get("pv-retain")!.status?.phase, "Released");
  assert.equal(cluster.volumes.get("pv-retain")!.spec.claimRef?.name, "a");

  // Recycle and Delete: the controller started asynchronous operations; we decide how they end.
  assert.deepEqual(released.pending.map((op) => op.id).sort(), [
    `delete-pv-delete[${cluster.volumes.get("pv-delete")!.metadata.uid}]`,
    `recycle-pv-recycle[${cluster.volumes.get("pv-recycle")!.metadata.uid}]`,
  ]);
  for (const op of released.pending) cluster = completeOperation(cluster, op, "success", ctx).cluster;

  // Recycle scrubbed the volume and made it Available again (the controller had bound it, so the
  // claimRef is gone); Delete removed the external finalizer and deleted the object, and
  // pv-protection lets it go since it is not Bound.
  cluster = reconcile(cluster, ctx).cluster;
  assert.equal(cluster.volumes.get("pv-recycle")!.status?.phase, "Available");
  assert.equal(cluster.volumes.get("pv-recycle")!.spec.claimRef, undefined);
  assert.equal(cluster.volumes.has("pv-delete"), false);

  // Dynamic provisioning: a default class with an external (CSI) provisioner.
  cluster = createClass(
    cluster,
    {
      metadata: { name: "standard", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
      provisioner: "csi.example.com",
    },
    ctx,
  ).cluster;
  cluster = createClaim(
    cluster,
    {
      // no storageClassName: admission assigns "standard"
      metadata: { name: "db", namespace: "shop" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } } },
    },
    ctx,
  ).cluster;
  const provisioning = syncClaim(cluster, "shop/db", ctx);
  assert.deepEqual(
    provisioning.events.map((e) => e.reason),
    ["ExternalProvisioning"],
  );
  const [op] = provisioning.operations;
  const failed = completeOperation(provisioning.cluster, op!, { ok: false, message: "quota exceeded" }, ctx);
  assert.ok(failed.events.map((e) => e.message).includes('failed to provision volume with StorageClass "standard": quota exceeded'));
  // The next sync starts provisioning again; this time it works and the claim binds.
  const retried = syncClaim(failed.cluster, "shop/db", ctx);
  const created = completeOperation(retried.cluster, retried.operations[0]!, "success", ctx);
  const db = reconcile(created.cluster, ctx).cluster.claims.get("shop/db")!;
  assert.equal(db.status?.phase, "Bound");
  assert.equal(db.spec.volumeName, `pvc-${db.metadata.uid}`);

  // A crash between the four writes of bind() is repaired by the next sync.
  cluster = createClaim(
    cluster,
    {
      metadata: { name: "e", namespace: "shop" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "2Gi" } }, storageClassName: "" },
    },
    ctx,
  ).cluster;
  const crashed = syncClaim(cluster, "shop/e", { ...ctx, crashAfterWrites: 2 });
  assert.equal(crashed.crashed, true);
  assert.equal(crashed.cluster.volumes.get("pv-recycle")!.status?.phase, "Bound"); // volume side written
  assert.equal(crashed.cluster.claims.get("shop/e")!.status?.phase, "Pending"); // claim side not yet
  const repaired = syncClaim(crashed.cluster, "shop/e", ctx);
  assert.deepEqual(
    repaired.writes.map((w) => w.kind),
    ["PersistentVolumeClaim", "PersistentVolumeClaim"],
  );
  assert.equal(repaired.cluster.claims.get("shop/e")!.status?.phase, "Bound");
  // --- docs:end
});

it("docs/lifecycle.md shows exactly this example", () => {
  const source = readFileSync(new URL("./docs-example.test.ts", import.meta.url), "utf8");
  const doc = readFileSync(new URL("../../docs/lifecycle.md", import.meta.url), "utf8");
  const body = source.slice(source.indexOf("// --- docs:begin\n") + "// --- docs:begin\n".length, source.indexOf("  // --- docs:end"));
  const unindented = body
    .split("\n")
    .map((l) => (l.startsWith("  ") ? l.slice(2) : l))
    .join("\n")
    .trimEnd();
  assert.ok(doc.includes(unindented), "docs/lifecycle.md is out of date with test/lifecycle/docs-example.test.ts");
});
