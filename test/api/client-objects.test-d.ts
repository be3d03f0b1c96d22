/**
 * Type tests: the objects users already have (@kubernetes/client-node 1.4 classes, kubernetes-types
 * interfaces, plain JSON literals) go into every public entry point without a cast; wrong shapes
 * still fail (`@ts-expect-error`). Run by `vitest` typecheck (see vitest.config.ts) and by `tsc`.
 */
import type { V1Node, V1PersistentVolume, V1PersistentVolumeClaim, V1Pod, V1StorageClass } from "@kubernetes/client-node";
import type * as core from "kubernetes-types/core/v1";
import type * as storage from "kubernetes-types/storage/v1";
import { describe, expectTypeOf, it } from "vitest";
import {
  type Cluster,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StoredVolume,
  VolumeIndex,
  checkVolumeSatisfyClaim,
  claimClass,
  compareClaimOrder,
  createClaim,
  createCluster,
  explainClaim,
  explainCluster,
  findBestMatchForClaim,
  findMatchingVolume,
  isDeleting,
  lintObjects,
  matchVolume,
  podUsesClaim,
  provisionVolume,
  reconcile,
  runCluster,
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validateStorageClass,
  volumeCapacity,
} from "../../src/index.js";

declare const cn: { pv: V1PersistentVolume; pvc: V1PersistentVolumeClaim; sc: V1StorageClass; pod: V1Pod; node: V1Node };
declare const kt: {
  pv: core.PersistentVolume;
  pvc: core.PersistentVolumeClaim;
  sc: storage.StorageClass;
  pod: core.Pod;
  node: core.Node;
};
const now = new Date("2026-01-01T00:00:00Z");

describe("@kubernetes/client-node objects", () => {
  it("go into matching, lifecycle, validation, lint and the engine as they are", () => {
    expectTypeOf(matchVolume(cn.pvc, cn.pv).preBound).toBeBoolean();
    expectTypeOf(checkVolumeSatisfyClaim(cn.pv, cn.pvc)).toEqualTypeOf<string | undefined>();
    // The search functions hand back the caller's own objects, typed as given.
    expectTypeOf(findMatchingVolume(cn.pvc, [cn.pv])).toEqualTypeOf<V1PersistentVolume | undefined>();
    expectTypeOf(findBestMatchForClaim(cn.pvc, [cn.pv])).toEqualTypeOf<V1PersistentVolume | undefined>();
    expectTypeOf(new VolumeIndex([cn.pv]).findMatchingVolume(cn.pvc)).toEqualTypeOf<V1PersistentVolume | undefined>();
    explainClaim(cn.pvc, [cn.pv]);
    const cluster = createCluster({ volumes: [cn.pv], claims: [cn.pvc], classes: [cn.sc], pods: [cn.pod], nodes: [cn.node] });
    expectTypeOf(cluster).toEqualTypeOf<Cluster>();
    expectTypeOf(reconcile(cluster, { now }).cluster.volumes.get("pv-1")).toEqualTypeOf<StoredVolume | undefined>();
    expectTypeOf(createClaim(cluster, cn.pvc, { now }).crashed).toBeBoolean();
    expectTypeOf(runCluster(cluster, { now }).converged).toBeBoolean();
    explainCluster(cluster, { now });
    expectTypeOf(provisionVolume(cn.pvc, cn.sc, { node: cn.node, name: "pvc-1" })).toEqualTypeOf<StoredVolume>();
    validatePersistentVolume(cn.pv);
    validatePersistentVolumeClaim(cn.pvc);
    validateStorageClass(cn.sc);
    lintObjects([cn.pv, cn.pvc, cn.sc]);
    // Helpers, with client-node's Date timestamps.
    expectTypeOf(compareClaimOrder(cn.pvc, cn.pvc)).toBeNumber();
    expectTypeOf(isDeleting(cn.pvc)).toBeBoolean();
    expectTypeOf(claimClass(cn.pvc)).toBeString();
    expectTypeOf(podUsesClaim(cn.pod, cn.pvc)).toBeBoolean();
    volumeCapacity(cn.pv);
  });

  it("are assignable to the kubevol object types", () => {
    expectTypeOf<V1PersistentVolume>().toExtend<PersistentVolume>();
    expectTypeOf<V1PersistentVolumeClaim>().toExtend<PersistentVolumeClaim>();
  });
});

describe("kubernetes-types objects", () => {
  it("go into matching, lifecycle, validation, lint and the engine as they are", () => {
    expectTypeOf(matchVolume(kt.pvc, kt.pv).preBound).toBeBoolean();
    expectTypeOf(findMatchingVolume(kt.pvc, [kt.pv])).toEqualTypeOf<core.PersistentVolume | undefined>();
    expectTypeOf(findBestMatchForClaim(kt.pvc, [kt.pv], { delayBinding: true })).toEqualTypeOf<core.PersistentVolume | undefined>();
    const cluster = createCluster({ volumes: [kt.pv], claims: [kt.pvc], classes: [kt.sc], pods: [kt.pod], nodes: [kt.node] });
    reconcile(cluster, { now: "2026-01-01T00:00:00Z" });
    runCluster(cluster, { now });
    explainCluster(cluster, { now });
    provisionVolume(kt.pvc, kt.sc);
    validatePersistentVolume(kt.pv);
    lintObjects([kt.pv, kt.pvc, kt.sc]);
    expectTypeOf(compareClaimOrder(kt.pvc, kt.pvc)).toBeNumber();
  });
});

describe("plain JSON literals", () => {
  it("need no apiVersion, kind or status, and take any string in enum fields", () => {
    const cluster = createCluster({
      volumes: [
        {
          metadata: { name: "pv-1", creationTimestamp: new Date() },
          spec: {
            capacity: { storage: "10Gi" },
            accessModes: ["ReadWriteOnce"],
            persistentVolumeReclaimPolicy: "Retain",
            nfs: { server: "s", path: "/" },
          },
        },
      ],
      claims: [
        {
          apiVersion: "v1",
          kind: "PersistentVolumeClaim",
          metadata: { name: "data", namespace: "default", creationTimestamp: "2026-01-01T00:00:00Z" },
          spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } }, storageClassName: "" },
        },
      ],
      classes: [{ metadata: { name: "fast" }, provisioner: "ebs.csi.aws.com", volumeBindingMode: "WaitForFirstConsumer" }],
      nodes: [{ metadata: { name: "node-1", labels: { "kubernetes.io/hostname": "node-1" } } }],
    });
    reconcile(cluster, { now });
    const parsed = JSON.parse("{}") as { accessModes: string[] };
    matchVolume({ spec: { accessModes: parsed.accessModes } }, { spec: { accessModes: parsed.accessModes } });
  });
});

describe("wrong shapes are still errors", () => {
  it("rejects fields of the wrong type", () => {
    // @ts-expect-error a quantity is text ("10Gi"), not a number
    createCluster({ volumes: [{ metadata: { name: "pv-1" }, spec: { capacity: { storage: 10 } } }] });
    // @ts-expect-error labels map to strings
    matchVolume({ metadata: { labels: { tier: 1 } } }, { spec: {} });
    // @ts-expect-error apiVersion is a string
    createCluster({ claims: [{ apiVersion: 1, metadata: { name: "c" }, spec: {} }] });
    // @ts-expect-error a timestamp is a string or a Date
    isDeleting({ metadata: { deletionTimestamp: 1767225600000 } });
    // @ts-expect-error accessModes is a list
    checkVolumeSatisfyClaim({ spec: { accessModes: "ReadWriteOnce" } }, { spec: {} });
    // @ts-expect-error a StorageClass needs its provisioner
    provisionVolume(cn.pvc, { metadata: { name: "fast" } });
    // @ts-expect-error the context needs `now`
    reconcile(createCluster(), {});
  });
});
