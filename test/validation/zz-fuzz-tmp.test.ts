import fc from "fast-check";
import { it } from "vitest";
import * as v from "../../src/validation/index.js";
it("heavy fuzz (temporary)", () => {
  const corrupt = (obj: any, pick: number, value: unknown) => {
    const copy = structuredClone(obj);
    const slots: [any, any][] = [];
    const walk = (x: any) => { if (Array.isArray(x)) x.forEach((y, i) => (slots.push([x, i]), walk(y))); else if (x && typeof x === "object") for (const k of Object.keys(x)) slots.push([x, k]), walk(x[k]); };
    walk(copy);
    if (slots.length) { const [p, k] = slots[pick % slots.length]!; p[k] = value; }
    return copy;
  };
  const base = [
    { metadata: { name: "p", resourceVersion: "1", labels: { a: "b" }, annotations: { x: "y" }, finalizers: ["kubernetes.io/pv-protection"], ownerReferences: [{ apiVersion: "v1", kind: "Pod", name: "x", uid: "u", controller: true }] }, spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, csi: { driver: "d", volumeHandle: "h", nodePublishSecretRef: { name: "a", namespace: "b" } }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "k", operator: "In", values: ["v"] }], matchFields: [{ key: "metadata.name", operator: "In", values: ["n"] }] }] } }, volumeAttributesClassName: "g", claimRef: { name: "c" } }, status: { phase: "Bound" } },
    { metadata: { name: "c", namespace: "n", resourceVersion: "1", annotations: { "volume.beta.kubernetes.io/storage-class": "f" } }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" }, limits: { storage: "2Gi" } }, selector: { matchLabels: { a: "b" }, matchExpressions: [{ key: "k", operator: "In", values: ["v"] }] }, dataSource: { kind: "PersistentVolumeClaim", name: "s" }, dataSourceRef: { kind: "PersistentVolumeClaim", name: "s" }, volumeAttributesClassName: "g", storageClassName: "f", volumeMode: "Block" }, status: { phase: "Bound", capacity: { storage: "1Gi" }, allocatedResources: { storage: "1Gi" }, allocatedResourceStatuses: { storage: "NodeResizePending" } } },
    { metadata: { name: "s", resourceVersion: "1" }, provisioner: "p", parameters: { a: "b" }, reclaimPolicy: "Delete", volumeBindingMode: "Immediate", allowedTopologies: [{ matchLabelExpressions: [{ key: "z", values: ["a"] }] }], mountOptions: ["x"] },
    { metadata: { name: "i" }, spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, iscsi: { targetPortal: "p", iqn: "iqn.2001-04.com.example:storage", lun: 1, secretRef: { name: "s" }, initiatorName: "iqn.2001-04.com.example:i" }, azureDisk: { diskName: "d", diskURI: "https://x", kind: "Shared", cachingMode: "None" }, fc: { targetWWNs: ["a"], lun: 1 }, quobyte: { registry: "a:1", volume: "v" }, flexVolume: { driver: "d", options: { a: "b" } }, storageos: { volumeName: "v", secretRef: { name: "a", namespace: "b" } }, hostPath: { path: "/a", type: "File" } } },
  ];
  fc.assert(fc.property(fc.constantFrom(...base), fc.constantFrom(...base), fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.anything({ maxDepth: 2 })), fc.boolean(), (a, b, pick, val, gate) => {
    const x = corrupt(a, pick, val);
    const o = { volumeAttributesClass: gate, recoverVolumeExpansionFailure: !gate, crossNamespaceVolumeDataSource: gate, prepare: pick % 2 === 0 };
    for (const [n, p] of [[x, b], [b, x], [x, a], [a, x]]) {
      const rs = [v.validatePersistentVolume(n, o), v.validatePersistentVolumeUpdate(n, p, o), v.validatePersistentVolumeStatusUpdate(n, p), v.validatePersistentVolumeClaim(n, o), v.validatePersistentVolumeClaimUpdate(n, p, o), v.validatePersistentVolumeClaimStatusUpdate(n, p, o), v.validateStorageClass(n, o), v.validateStorageClassUpdate(n, p, o)];
      for (const r of rs) { JSON.stringify(v.toStatus(r, "PersistentVolume", "x")); v.aggregateMessage(r); r.forEach((e) => { if (typeof e.badValue !== "bigint") JSON.stringify(e); }); }
      v.persistentVolumeWarnings(n); v.persistentVolumeClaimWarnings(n); v.storageClassWarnings(n);
    }
  }), { numRuns: 20000 });
});
