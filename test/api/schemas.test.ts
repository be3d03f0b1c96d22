import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import {
  claimClass,
  CSIStorageCapacitySchema,
  fieldPathOf,
  isKind,
  KubernetesObjectSchema,
  kubernetesListSchema,
  NodeSchema,
  ObjectMetaSchema,
  ObjectParseError,
  parseKind,
  parseObject,
  PersistentVolumeClaimSchema,
  PersistentVolumeSchema,
  PodSchema,
  schemaFor,
  StatusSchema,
  StorageClassSchema,
  StringMapSchema,
  TimeSchema,
  UnknownKindError,
  volumeCapacity,
  type KubernetesList,
  type PersistentVolume,
  type PersistentVolumeClaim,
} from "../../src/api/index.js";
import { QUANTITY_FORMAT_MESSAGE } from "../../src/quantity/index.js";

function fixture(name: string): unknown[] {
  const path = fileURLToPath(new URL(`../fixtures/api/${name}`, import.meta.url));
  const text = readFileSync(path, "utf8");
  if (name.endsWith(".json")) return [JSON.parse(text)];
  return parseAllDocuments(text).map((d) => d.toJS() as unknown);
}

function issuesOfError(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ObjectParseError) return [...e.issues];
    throw e;
  }
  throw new Error("expected an ObjectParseError");
}

const FIXTURES = [
  "persistent-volumes.yaml",
  "persistent-volume-claims.yaml",
  "storage-classes.yaml",
  "workloads.yaml",
  "snapshots-and-csi.yaml",
  "status-invalid.json",
];

describe("real-world manifests", () => {
  for (const file of FIXTURES) {
    it(`parses every object of ${file} without losing a field`, () => {
      const docs = fixture(file);
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) {
        const before = structuredClone(doc);
        const parsed = parseObject(doc);
        expect(parsed).toEqual(doc);
        expect(parsed).not.toBe(doc);
        expect(doc).toEqual(before); // input untouched
      }
    });
  }

  it("gives typed access to the fixture objects", () => {
    const [bound, local, nfs] = fixture("persistent-volumes.yaml").map((d) => parseKind("PersistentVolume", d));
    expect(bound?.spec?.csi?.driver).toBe("ebs.csi.aws.com");
    expect(bound?.spec?.claimRef?.uid).toBe("6b1f1d7e-3c55-4a3e-9d4f-2a0d1b1c9e11");
    expect(bound?.metadata?.managedFields?.[0]?.subresource).toBe("status");
    expect(local?.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions?.[0]?.values).toEqual(["node-7"]);
    expect(local?.spec?.volumeMode).toBe("Block");
    expect(nfs && volumeCapacity(nfs).value()).toBe(500000000000n);
    expect(nfs && claimClass({ metadata: nfs.metadata, spec: {} })).toBe("");
    const [, restored, media] = fixture("persistent-volume-claims.yaml").map((d) => parseKind("PersistentVolumeClaim", d));
    expect(restored?.spec?.dataSourceRef?.kind).toBe("VolumeSnapshot");
    expect(restored?.status?.allocatedResourceStatuses?.["storage"]).toBe("NodeResizePending");
    expect(restored?.status?.modifyVolumeStatus?.status).toBe("InProgress");
    expect(restored?.status?.conditions?.[0]?.lastProbeTime).toBeNull();
    expect(media?.metadata?.creationTimestamp).toBeNull();
    expect(media?.spec?.storageClassName).toBe("");
    const pod = parseKind("Pod", fixture("workloads.yaml")[0]);
    expect(pod.spec?.volumes?.[1]?.ephemeral?.volumeClaimTemplate?.spec?.resources?.requests?.["storage"]).toBe("1Gi");
    expect(pod.spec?.schedulerName).toBe("default-scheduler");
    const content = parseKind("VolumeSnapshotContent", fixture("snapshots-and-csi.yaml")[1]);
    expect(content.status?.restoreSize).toBe(21474836480);
  });

  it("parses a kubectl List, dispatching every item", () => {
    const items = [...fixture("persistent-volumes.yaml"), ...fixture("storage-classes.yaml")];
    const list = { apiVersion: "v1", kind: "List", metadata: { resourceVersion: "" }, items };
    const parsed = parseObject(list) as KubernetesList<unknown>;
    expect(parsed).toEqual(list);
    expect(parsed.items.filter((i) => isKind(i, "StorageClass"))).toHaveLength(2);
  });

  it("parses typed lists whose items lack apiVersion/kind (API responses)", () => {
    const items = fixture("persistent-volume-claims.yaml").map((d) => {
      const { apiVersion: _a, kind: _k, ...rest } = d as Record<string, unknown>;
      return rest;
    });
    const list = { apiVersion: "v1", kind: "PersistentVolumeClaimList", metadata: { resourceVersion: "99" }, items };
    expect(parseObject(list)).toEqual(list);
  });
});

describe("unknown fields are kept at every level", () => {
  it("on a PV, including inside sources, selectors and status", () => {
    const pv = {
      apiVersion: "v1",
      kind: "PersistentVolume",
      extraTop: { nested: [1, 2] },
      metadata: { name: "pv", futureMeta: "x", ownerReferences: [{ apiVersion: "v1", kind: "X", name: "o", uid: "u", extra: 1 }] },
      spec: {
        capacity: { storage: "1Gi" },
        accessModes: ["ReadWriteOnce"],
        csi: { driver: "d", volumeHandle: "h", futureCsiField: true, nodeStageSecretRef: { name: "s", namespace: "n", more: 1 } },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: "k", operator: "In", values: ["v"], extra: 1 }], extra: 2 }],
            extra: 3,
          },
          extra: 4,
        },
        claimRef: { name: "c", namespace: "n", extra: 5 },
        futureSpecField: { a: 1 },
      },
      status: { phase: "Available", futureStatus: 1 },
    };
    expect(PersistentVolumeSchema.parse(pv)).toEqual(pv);
  });

  it("on a PVC, a StorageClass and a Pod", () => {
    const pvc = {
      metadata: { name: "c", namespace: "n" },
      spec: {
        resources: { requests: { storage: "1Gi" }, extra: 1 },
        selector: { matchLabels: { a: "b" }, extra: 2 },
        dataSourceRef: { kind: "K", name: "n", extra: 3 },
      },
      status: { conditions: [{ type: "Resizing", status: "True", extra: 4 }], modifyVolumeStatus: { status: "Pending", extra: 5 } },
    };
    expect(PersistentVolumeClaimSchema.parse(pvc)).toEqual(pvc);
    const sc = {
      metadata: { name: "s" },
      provisioner: "p",
      allowedTopologies: [{ matchLabelExpressions: [{ key: "k", values: ["v"], extra: 1 }], extra: 2 }],
      extra: 3,
    };
    expect(StorageClassSchema.parse(sc)).toEqual(sc);
    const pod = {
      metadata: { name: "p" },
      spec: { volumes: [{ name: "v", persistentVolumeClaim: { claimName: "c", extra: 1 }, extra: 2 }], hostNetwork: true },
    };
    expect(PodSchema.parse(pod)).toEqual(pod);
  });
});

describe("timestamps", () => {
  it("accept Date objects as @kubernetes/client-node produces them", () => {
    const created = new Date("2024-05-01T10:00:00Z");
    const deleted = new Date("2024-05-02T10:00:00Z");
    const pvc: PersistentVolumeClaim = {
      metadata: { name: "c", namespace: "n", creationTimestamp: created, deletionTimestamp: deleted },
      spec: {},
      status: { conditions: [{ type: "Resizing", status: "True", lastTransitionTime: created }] },
    };
    const parsed = PersistentVolumeClaimSchema.parse(pvc);
    expect(parsed.metadata!.creationTimestamp).toBeInstanceOf(Date);
    expect((parsed.metadata!.deletionTimestamp as Date).getTime()).toBe(deleted.getTime());
    expect(parsed).toEqual(pvc);
  });

  it.each([
    "2024-05-01T10:00:00Z",
    "2024-05-01T10:00:00.123456Z",
    "2024-05-01T12:00:00+02:00",
    "2024-02-29T00:00:00Z",
    "2000-02-29T00:00:00Z",
    "0000-02-29T00:00:00Z",
    "2023-12-31T23:59:59Z",
  ])("accept RFC 3339 %j", (t) => {
    expect(TimeSchema.parse(t)).toBe(t);
  });

  it.each([
    "",
    "yesterday",
    "2024-05-01",
    "2024-05-01 10:00:00Z",
    "2024-13-01T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z",
    "2024-04-31T00:00:00Z",
    "2024-05-01T24:00:00Z",
    "2024-05-01T10:60:00Z",
    "2024-05-01T10:00:60Z",
    "2024-05-00T00:00:00Z",
  ])("reject %j", (t) => {
    expect(TimeSchema.safeParse(t).success).toBe(false);
  });

  it("say what a timestamp must look like, at the field's path", () => {
    expect(issuesOfError(() => parseKind("PersistentVolume", { metadata: { creationTimestamp: "yesterday" }, spec: {} }))).toEqual([
      {
        path: "metadata.creationTimestamp",
        message: "Invalid input: expected an RFC 3339 date-time such as 2024-05-01T10:00:00Z, or a valid Date",
      },
    ]);
  });

  it("reject an invalid Date and non-time types", () => {
    expect(TimeSchema.safeParse(new Date("nope")).success).toBe(false);
    expect(TimeSchema.safeParse(1714557600).success).toBe(false);
  });

  it("keep creationTimestamp: null (Go's zero time)", () => {
    expect(ObjectMetaSchema.parse({ name: "x", creationTimestamp: null })).toEqual({ name: "x", creationTimestamp: null });
  });
});

describe("wrong types are rejected with a useful path", () => {
  const pv = (spec: Record<string, unknown>) => ({ apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv-1" }, spec });

  it("reports each problem with its Kubernetes field path", () => {
    const issues = issuesOfError(() =>
      parseObject(pv({ capacity: { storage: "1GB" }, accessModes: ["ReadWriteOnce", 7], hostPath: { path: 3 } })),
    );
    expect(issues).toContainEqual({ path: "spec.capacity[storage]", message: QUANTITY_FORMAT_MESSAGE });
    expect(issues).toContainEqual({ path: "spec.accessModes[1]", message: "Invalid input: expected string, received number" });
    expect(issues).toContainEqual({ path: "spec.hostPath.path", message: "Invalid input: expected string, received number" });
  });

  it("names the object in the message", () => {
    expect(() => parseObject(pv({ capacity: { storage: "1GB" } }))).toThrow(
      `PersistentVolume "pv-1": spec.capacity[storage]: ${QUANTITY_FORMAT_MESSAGE}`,
    );
  });

  it("reports nested paths in pods, labels and node selectors", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", labels: { app: 1 } },
      spec: { volumes: [{ name: "v", persistentVolumeClaim: { claimName: false } }] },
    };
    const issues = issuesOfError(() => parseObject(pod));
    expect(issues.map((i) => i.path)).toEqual(["metadata.labels[app]", "spec.volumes[0].persistentVolumeClaim.claimName"]);
    const sc = {
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { name: "s" },
      provisioner: "p",
      allowVolumeExpansion: "yes",
    };
    expect(issuesOfError(() => parseObject(sc))).toEqual([
      { path: "allowVolumeExpansion", message: "Invalid input: expected boolean, received string" },
    ]);
  });

  it("requires metadata and spec, and integer ports of int32 fields", () => {
    expect(issuesOfError(() => parseObject({ apiVersion: "v1", kind: "PersistentVolume" })).map((i) => i.path)).toEqual([
      "metadata",
      "spec",
    ]);
    const iscsi = { targetPortal: "p", iqn: "iqn", lun: 1.5 };
    expect(issuesOfError(() => parseObject(pv({ iscsi }))).map((i) => i.path)).toEqual(["spec.iscsi.lun"]);
    expect(issuesOfError(() => parseObject(pv({ gcePersistentDisk: { pdName: "d", partition: 2 ** 40 } }))).map((i) => i.path)).toEqual([
      "spec.gcePersistentDisk.partition",
    ]);
  });

  it("reports a list item's path", () => {
    const list = { apiVersion: "v1", kind: "List", items: [pv({}), pv({ capacity: { storage: [] } })] };
    expect(issuesOfError(() => parseObject(list))).toEqual([
      { path: "items[1].spec.capacity[storage]", message: "Invalid input: expected quantity (string or number), received array" },
    ]);
  });

  it("rejects a mismatching apiVersion or kind for a typed schema", () => {
    expect(PersistentVolumeSchema.safeParse({ apiVersion: "v2", metadata: {}, spec: {} }).success).toBe(false);
    expect(() => parseKind("PersistentVolume", { kind: "PersistentVolumeClaim", metadata: {}, spec: {} })).toThrow(ObjectParseError);
  });

  it("handles garbage without crashing", () => {
    for (const garbage of [null, undefined, 42, "pv", [], [1], true]) {
      expect(() => parseObject(garbage)).toThrow(ObjectParseError);
      expect(PersistentVolumeSchema.safeParse(garbage).success).toBe(false);
    }
  });
});

describe("null on optional fields", () => {
  it("is read as absent for non-pointer fields, kept for pointer fields", () => {
    const pvc = {
      metadata: { name: "c", namespace: "n", annotations: null, labels: null, finalizers: null },
      spec: { accessModes: null, resources: null, storageClassName: null, selector: null, dataSource: null },
      status: null,
    };
    expect(PersistentVolumeClaimSchema.parse(pvc)).toEqual({
      metadata: { name: "c", namespace: "n" },
      spec: { storageClassName: null, selector: null, dataSource: null },
    });
    expect(pvc.metadata.annotations).toBeNull(); // input untouched
  });

  it("reads a null quantity in a resource map as 0", () => {
    const node = NodeSchema.parse({ metadata: { name: "n" }, status: { allocatable: { "hugepages-1Gi": null, cpu: 4 } } });
    expect(node.status?.allocatable).toEqual({ "hugepages-1Gi": "0", cpu: "4" });
  });
});

describe("quantity-valued fields", () => {
  it("accept numbers and output text everywhere", () => {
    const pv = PersistentVolumeSchema.parse({ metadata: { name: "p" }, spec: { capacity: { storage: 1073741824 } } });
    expect(pv.spec!.capacity).toEqual({ storage: "1073741824" });
    const pvc = PersistentVolumeClaimSchema.parse({
      metadata: {},
      spec: { resources: { requests: { storage: 5e9 }, limits: { storage: "10G" } } },
    });
    expect(pvc.spec!.resources).toEqual({ requests: { storage: "5000000000" }, limits: { storage: "10G" } });
    const cap = CSIStorageCapacitySchema.parse({ metadata: {}, storageClassName: "s", capacity: 1.5, maximumVolumeSize: " 1Ti " });
    expect(cap.capacity).toBe("1.5");
    expect(cap.maximumVolumeSize).toBe("1Ti");
  });
});

describe("parseObject dispatch", () => {
  it("throws UnknownKindError for kinds it does not know, in the API server's words", () => {
    expect(() => parseObject({ apiVersion: "v1", kind: "ConfigMap", metadata: {} })).toThrow(new UnknownKindError("v1", "ConfigMap"));
    expect(() => parseObject({ apiVersion: "v1", kind: "ConfigMap" })).toThrow('no kind "ConfigMap" is registered for version "v1"');
    expect(() => parseObject({ apiVersion: "storage.k8s.io/v1beta1", kind: "StorageClass", metadata: {}, provisioner: "p" })).toThrow(
      UnknownKindError,
    );
    expect(() => parseObject({ apiVersion: "v1", metadata: {} })).toThrow("Object 'Kind' is missing");
    expect(() => parseObject({ kind: "PersistentVolume", metadata: {} })).toThrow("Object 'apiVersion' is missing");
    const e = (() => {
      try {
        parseObject({ apiVersion: "apps/v1", kind: "Deployment" });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(UnknownKindError);
    expect((e as UnknownKindError).kind).toBe("Deployment");
    expect((e as UnknownKindError).apiVersion).toBe("apps/v1");
  });

  it("accepts every VolumeAttributesClass version", () => {
    for (const apiVersion of ["storage.k8s.io/v1", "storage.k8s.io/v1beta1", "storage.k8s.io/v1alpha1"]) {
      const vac = { apiVersion, kind: "VolumeAttributesClass", metadata: { name: "gold" }, driverName: "d" };
      expect(parseObject(vac)).toEqual(vac);
    }
  });

  it("parses a Status with details and causes", () => {
    const [status] = fixture("status-invalid.json");
    const parsed = parseKind("Status", status);
    expect(parsed.details?.causes?.[0]?.field).toBe("spec.resources[storage]");
    expect(StatusSchema.parse(status)).toEqual(status);
  });

  it("exposes the schemas by apiVersion/kind", () => {
    expect(schemaFor("v1", "PersistentVolume")).toBe(PersistentVolumeSchema);
    expect(schemaFor("v1", "PersistentVolumeList")).toBeDefined();
    expect(schemaFor("v1", "ConfigMap")).toBeUndefined();
  });

  it("KubernetesObjectSchema dispatches the same way and reports failures as zod issues", () => {
    const [pv] = fixture("persistent-volumes.yaml");
    expect(KubernetesObjectSchema.parse(pv)).toEqual(pv);
    const unknown = KubernetesObjectSchema.safeParse({ apiVersion: "v1", kind: "Secret" });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toBe('no kind "Secret" is registered for version "v1"');
    expect(unknown.error?.issues[0]?.path).toEqual(["kind"]);
    const bad = KubernetesObjectSchema.safeParse({
      apiVersion: "v1",
      kind: "PersistentVolume",
      metadata: {},
      spec: { capacity: { storage: "x" } },
    });
    expect(bad.error?.issues[0]?.message).toBe(`spec.capacity[storage]: ${QUANTITY_FORMAT_MESSAGE}`);
  });

  it("kubernetesListSchema builds a list schema for any item schema", () => {
    const schema = kubernetesListSchema(PersistentVolumeSchema);
    const list: KubernetesList<PersistentVolume> = { items: [{ metadata: { name: "a" }, spec: {} }] };
    expect(schema.parse(list)).toEqual(list);
    expect(schema.safeParse({ items: [{ metadata: {} }] }).success).toBe(false);
  });
});

describe("fieldPathOf", () => {
  it.each([
    [[], ""],
    [["spec", "capacity", "storage"], "spec.capacity[storage]"],
    [["spec", "accessModes", 0], "spec.accessModes[0]"],
    [["metadata", "annotations", "a/b"], "metadata.annotations[a/b]"],
    [["items", 2, "spec", "resources", "requests", "storage"], "items[2].spec.resources.requests[storage]"],
  ] as [PropertyKey[], string][])("%j → %j", (path, expected) => {
    expect(fieldPathOf(path)).toBe(expected);
  });
});

describe("map keys", () => {
  it("keeps a __proto__ key in StorageClass parameters and never changes a prototype", () => {
    const sc = JSON.parse('{"metadata":{"name":"s"},"provisioner":"p","parameters":{"__proto__":"x","type":"gp3"}}') as unknown;
    const parsed = StorageClassSchema.parse(sc);
    expect(Object.keys(parsed.parameters ?? {})).toEqual(["__proto__", "type"]);
    expect(Object.getPrototypeOf(parsed.parameters)).toBe(Object.prototype);
    expect(parsed.parameters?.["type"]).toBe("gp3");
  });

  it("copies a map of strings: same keys and values, a new object, symbol keys left out as before", () => {
    const labels: Record<string, unknown> = { a: "1", b: "" };
    Object.defineProperty(labels, Symbol("s"), { value: "x", enumerable: true });
    const parsed = StringMapSchema.parse(labels);
    expect(parsed).not.toBe(labels);
    expect(Object.keys(parsed)).toEqual(["a", "b"]);
    expect(Object.getOwnPropertySymbols(parsed)).toEqual([]);
    expect(parsed).toEqual({ a: "1", b: "" });
  });

  it("tests the values it outputs: a getter that changes its answer cannot slip a non-string through", () => {
    let reads = 0;
    const tricky = {
      get a(): unknown {
        return reads++ === 0 ? "ok" : 42;
      },
    };
    const r = StringMapSchema.safeParse(tricky);
    if (r.success) expect(typeof r.data["a"]).toBe("string");
    else expect(r.error.issues.map((i) => i.path)).toEqual([["a"]]);
  });

  it("rejects a non-object map with the field path", () => {
    expect(issuesOfError(() => parseKind("StorageClass", { metadata: { name: "s" }, provisioner: "p", parameters: ["a"] }))).toEqual([
      { path: "parameters", message: "Invalid input: expected record, received array" },
    ]);
    expect(
      issuesOfError(() => parseKind("PersistentVolumeClaim", { metadata: { annotations: { a: 1, b: "x", c: null } }, spec: {} })).map(
        (i) => i.path,
      ),
    ).toEqual(["metadata.annotations[a]", "metadata.annotations[c]"]);
  });
});

describe("every kind", () => {
  const minimal: Record<string, Record<string, unknown>> = {
    PersistentVolume: { apiVersion: "v1", metadata: { name: "pv" }, spec: {} },
    PersistentVolumeClaim: { apiVersion: "v1", metadata: { name: "c", namespace: "n" }, spec: {} },
    StorageClass: { apiVersion: "storage.k8s.io/v1", metadata: { name: "s" }, provisioner: "p" },
    Pod: { apiVersion: "v1", metadata: { name: "p" } },
    Node: { apiVersion: "v1", metadata: { name: "n" } },
    VolumeSnapshot: { apiVersion: "snapshot.storage.k8s.io/v1", metadata: { name: "s" }, spec: { source: {} } },
    VolumeSnapshotContent: {
      apiVersion: "snapshot.storage.k8s.io/v1",
      metadata: { name: "c" },
      spec: { volumeSnapshotRef: {}, deletionPolicy: "Delete", driver: "d", source: {} },
    },
    VolumeSnapshotClass: { apiVersion: "snapshot.storage.k8s.io/v1", metadata: { name: "c" }, driver: "d", deletionPolicy: "Retain" },
    CSIDriver: { apiVersion: "storage.k8s.io/v1", metadata: { name: "d" }, spec: {} },
    CSINode: { apiVersion: "storage.k8s.io/v1", metadata: { name: "n" }, spec: { drivers: [] } },
    CSIStorageCapacity: { apiVersion: "storage.k8s.io/v1", metadata: { name: "c" }, storageClassName: "s" },
    VolumeAttributesClass: { apiVersion: "storage.k8s.io/v1", metadata: { name: "v" }, driverName: "d" },
    Status: { apiVersion: "v1" },
  };

  it.each(Object.entries(minimal))("%s: a minimal object parses, and as a typed list", (kind, body) => {
    const obj = { ...body, kind };
    expect(parseObject(obj)).toEqual(obj);
    if (kind !== "Status") {
      const list = { apiVersion: body["apiVersion"], kind: `${kind}List`, items: [body] };
      expect(parseObject(list)).toEqual(list);
    }
  });

  it.each([
    ["VolumeSnapshot", { metadata: {}, spec: {} }, "spec.source"],
    [
      "VolumeSnapshotContent",
      { metadata: {}, spec: { volumeSnapshotRef: {}, deletionPolicy: "Delete", driver: "d", source: {} }, status: { restoreSize: "10Gi" } },
      "status.restoreSize",
    ],
    ["VolumeSnapshot", { metadata: {}, spec: { source: {} }, status: { restoreSize: "lots" } }, "status.restoreSize"],
    ["CSINode", { metadata: {}, spec: { drivers: [{ name: "d" }] } }, "spec.drivers[0].nodeID"],
    ["CSIStorageCapacity", { metadata: {}, storageClassName: "s", capacity: "1 Gi" }, "capacity"],
    ["CSIDriver", { metadata: {}, spec: { tokenRequests: [{ audience: 1 }] } }, "spec.tokenRequests[0].audience"],
    ["Node", { metadata: {}, status: { allocatable: { cpu: "x" } } }, "status.allocatable[cpu]"],
    [
      "Pod",
      {
        metadata: {},
        spec: { volumes: [{ name: "v", ephemeral: { volumeClaimTemplate: { spec: { resources: { requests: { storage: "1X" } } } } } }] },
      },
      "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests[storage]",
    ],
    ["Status", { details: { causes: [{ field: 3 }] } }, "details.causes[0].field"],
  ] as const)("%s: a wrong field is reported at its path", (kind, body, path) => {
    expect(issuesOfError(() => parseKind(kind, body)).map((i) => i.path)).toEqual([path]);
  });

  it("ObjectParseError for a non-object has no subject prefix", () => {
    expect(() => parseObject(42)).toThrow(/^Invalid input: expected a JSON object$/);
  });
});
