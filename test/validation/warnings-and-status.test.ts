import { describe, expect, it } from "vitest";
import {
  forbiddenStatus,
  invalid,
  persistentVolumeClaimWarnings,
  persistentVolumeWarnings,
  required,
  storageClassWarnings,
  toStatus,
  uniqueErrors,
  validatePersistentVolume,
} from "../../src/validation/index.js";

describe("persistentVolumeWarnings (GetWarningsForPersistentVolume)", () => {
  it("nothing for a plain volume or garbage", () => {
    expect(persistentVolumeWarnings({ metadata: { name: "a" }, spec: { nfs: { server: "s", path: "/" } } })).toEqual([]);
    expect(persistentVolumeWarnings(null)).toEqual([]);
    expect(persistentVolumeWarnings({ spec: { nodeAffinity: { required: { nodeSelectorTerms: "x" } } } })).toEqual([]);
  });
  it("annotations, node labels, Recycle", () => {
    const pv = {
      metadata: {
        name: "foo",
        annotations: { "volume.beta.kubernetes.io/storage-class": "", "volume.beta.kubernetes.io/mount-options": "" },
      },
      spec: {
        persistentVolumeReclaimPolicy: "Recycle",
        nodeAffinity: {
          required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "beta.kubernetes.io/os", operator: "In", values: ["windows"] }] }] },
        },
      },
    };
    expect(persistentVolumeWarnings(pv)).toEqual([
      'metadata.annotations[volume.beta.kubernetes.io/storage-class]: deprecated since v1.8; use "storageClassName" attribute instead',
      'metadata.annotations[volume.beta.kubernetes.io/mount-options]: deprecated since v1.31; use "mountOptions" attribute instead',
      "spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.",
      'spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key: beta.kubernetes.io/os is deprecated since v1.14; use "kubernetes.io/os" instead',
    ]);
  });
  it.each([
    ["cephfs", "spec.cephfs: deprecated in v1.28, non-functional in v1.31+"],
    ["photonPersistentDisk", "spec.photonPersistentDisk: deprecated in v1.11, non-functional in v1.16+"],
    ["scaleIO", "spec.scaleIO: deprecated in v1.16, non-functional in v1.22+"],
    ["storageos", "spec.storageOS: deprecated in v1.22, non-functional in v1.25+"],
    ["glusterfs", "spec.glusterfs: deprecated in v1.25, non-functional in v1.26+"],
    ["rbd", "spec.rbd: deprecated in v1.28, non-functional in v1.31+"],
  ])("deprecated source %s", (field, text) => {
    expect(persistentVolumeWarnings({ spec: { [field]: {} } })).toEqual([text]);
  });
});

describe("persistentVolumeClaimWarnings (GetWarningsForPersistentVolumeClaim)", () => {
  it("beta class annotation", () => {
    expect(
      persistentVolumeClaimWarnings({ metadata: { annotations: { "volume.beta.kubernetes.io/storage-class": "fast" } }, spec: {} }),
    ).toEqual([
      'metadata.annotations[volume.beta.kubernetes.io/storage-class]: deprecated since v1.8; use "storageClassName" attribute instead',
    ]);
  });
  it("fractional bytes in requests and limits", () => {
    const w = persistentVolumeClaimWarnings({ spec: { resources: { requests: { storage: "1500m" }, limits: { storage: "2.5" } } } });
    expect(w).toHaveLength(2);
    expect(w[0]).toBe('spec.resources.requests[storage]: fractional byte value "1500m" is invalid, must be an integer');
    expect(w[1]).toMatch(/^spec\.resources\.limits\[storage\]: fractional byte value "(2\.5|2500m)" is invalid, must be an integer$/);
  });
  it("whole numbers give none", () => {
    expect(persistentVolumeClaimWarnings({ spec: { resources: { requests: { storage: "1Gi" }, limits: { storage: 5 } } } })).toEqual([]);
  });
});

describe("storageClassWarnings", () => {
  it("deprecated topology keys", () => {
    expect(
      storageClassWarnings({
        allowedTopologies: [
          {
            matchLabelExpressions: [
              { key: "topology.kubernetes.io/zone", values: ["a"] },
              { key: "failure-domain.beta.kubernetes.io/zone", values: ["a"] },
            ],
          },
        ],
      }),
    ).toEqual(['allowedTopologies[0].matchLabelExpressions[1].key: deprecated since v1.17; use "topology.kubernetes.io/zone" instead']);
  });
});

describe("toStatus (apimachinery errors.NewInvalid)", () => {
  it("builds the 422 Status with one cause per error", () => {
    const errs = [
      required("spec.accessModes"),
      required("spec.accessModes"),
      invalid("spec.capacity[storage]", "0", "must be greater than zero"),
    ];
    const status = toStatus(errs, "PersistentVolume", "data");
    expect(status).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message:
        'PersistentVolume "data" is invalid: [spec.accessModes: Required value, spec.capacity[storage]: Invalid value: "0": must be greater than zero]',
      reason: "Invalid",
      details: {
        name: "data",
        kind: "PersistentVolume",
        causes: [
          { reason: "FieldValueRequired", message: "Required value", field: "spec.accessModes" },
          { reason: "FieldValueRequired", message: "Required value", field: "spec.accessModes" },
          { reason: "FieldValueInvalid", message: 'Invalid value: "0": must be greater than zero', field: "spec.capacity[storage]" },
        ],
      },
      code: 422,
    });
  });
  it("qualifies non-core kinds with their group", () => {
    const s = toStatus([required("provisioner")], "StorageClass", "fast");
    expect(s.message).toBe('StorageClass.storage.k8s.io "fast" is invalid: provisioner: Required value');
    expect(s.details.group).toBe("storage.k8s.io");
    expect(toStatus([], { group: "example.com", kind: "Thing" }, "t").message).toBe('Thing.example.com "t" is invalid');
  });
  it("worked example: a PV without source", () => {
    const errs = validatePersistentVolume({
      metadata: { name: "data" },
      spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "80Gi" } },
    });
    expect(toStatus(errs, "PersistentVolume", "data").message).toBe(
      'PersistentVolume "data" is invalid: spec: Required value: must specify a volume type',
    );
  });
  it("is JSON-serialisable", () => {
    const errs = validatePersistentVolume({ metadata: { name: "d" }, spec: { capacity: { storage: -9007199254740992 } } });
    expect(errs.map(String)).toContain("spec.capacity[storage]: Invalid value: -9007199254740992: must be a valid resource quantity");
    expect(() => JSON.stringify(toStatus(errs, "PersistentVolume", "d"))).not.toThrow();
    expect(() => JSON.stringify(errs)).not.toThrow();
  });
});

describe("forbiddenStatus (apimachinery errors.NewForbidden)", () => {
  it("builds the 403 admission rejection", () => {
    const text = "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize";
    expect(forbiddenStatus("persistentvolumeclaims", "data", text)).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: `persistentvolumeclaims "data" is forbidden: ${text}`,
      reason: "Forbidden",
      details: { name: "data", kind: "persistentvolumeclaims" },
      code: 403,
    });
    expect(forbiddenStatus("storageclasses", "", "no", "storage.k8s.io").message).toBe("storageclasses.storage.k8s.io is forbidden: no");
  });
});

describe("uniqueErrors", () => {
  it("keeps the first of each rendered error", () => {
    expect(uniqueErrors([required("a"), required("b"), required("a")]).map(String)).toEqual(["a: Required value", "b: Required value"]);
  });
});
