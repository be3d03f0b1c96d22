import { describe, expect, it } from "vitest";
import { formatFinding, LINT_RULES, lintObjects, VOLUME_PLUGINS, volumePluginOf, type LintCluster } from "../../src/lint/index.js";
import { hostAffinity, node, pv, pvc, sc } from "./fixtures.js";

function codes(objects: unknown[], cluster?: LintCluster): string[] {
  return lintObjects(objects, cluster ? { cluster } : {}).map((f) => f.code);
}

describe("rule table", () => {
  it("has unique, sequential codes and unique names", () => {
    expect(new Set(LINT_RULES.map((r) => r.code)).size).toBe(LINT_RULES.length);
    expect(new Set(LINT_RULES.map((r) => r.rule)).size).toBe(LINT_RULES.length);
    LINT_RULES.forEach((r, i) => expect(r.code).toBe(`KV${String(i + 1).padStart(3, "0")}`));
  });

  it("maps sources to plugins in API-server order", () => {
    expect(volumePluginOf(pv("a", { nfs: { server: "s", path: "/x" } }))?.plugin).toBe("NFS");
    expect(volumePluginOf(pv("a", { hostPath: { path: "/x" }, nfs: { server: "s", path: "/x" } }))?.plugin).toBe("HostPath");
    expect(volumePluginOf(pv("a", {}))).toBeUndefined();
    expect(
      VOLUME_PLUGINS.filter((p) => p.recyclable)
        .map((p) => p.source)
        .sort(),
    ).toEqual(["hostPath", "nfs"]);
  });
});

describe("KV001 claim-ref-without-namespace", () => {
  it("fires on a claimRef without namespace, and without name", () => {
    const f = lintObjects([pv("a", { hostPath: { path: "/x" }, claimRef: { name: "data" } })]);
    expect(f.map((x) => [x.code, x.field])).toEqual([["KV001", "spec.claimRef.namespace"]]);
    expect(f[0]!.severity).toBe("error");
    expect(f[0]!.object).toEqual({ kind: "PersistentVolume", name: "a", index: 0 });
    expect(codes([pv("a", { hostPath: { path: "/x" }, claimRef: { namespace: "ns" } })])).toEqual(["KV001"]);
  });
  it("does not fire on a complete claimRef or none", () => {
    expect(codes([pv("a", { hostPath: { path: "/x" }, claimRef: { name: "data", namespace: "ns" } })])).toEqual([]);
    expect(codes([pv("a", { hostPath: { path: "/x" } })])).toEqual([]);
  });
});

describe("KV002 access-mode-unsupported-by-plugin", () => {
  it.each([
    ["rbd", { rbd: { monitors: ["m"], image: "i" } }, "ReadWriteMany"],
    ["cinder", { cinder: { volumeID: "v" } }, "ReadWriteMany"],
    ["awsElasticBlockStore", { awsElasticBlockStore: { volumeID: "v" } }, "ReadWriteMany"],
    ["awsElasticBlockStore ROX", { awsElasticBlockStore: { volumeID: "v" } }, "ReadOnlyMany"],
    ["gcePersistentDisk", { gcePersistentDisk: { pdName: "p" } }, "ReadWriteMany"],
    ["azureDisk", { azureDisk: { diskName: "d", diskURI: "u" } }, "ReadWriteMany"],
    ["hostPath", { hostPath: { path: "/x" } }, "ReadWriteMany"],
    ["iscsi", { iscsi: { targetPortal: "t", iqn: "iqn.2001-04.com.example:storage", lun: 0 } }, "ReadWriteMany"],
  ])("fires for %s with %s", (_n, source, mode) => {
    const f = lintObjects([pv("a", { ...source, accessModes: ["ReadWriteOnce", mode] })]);
    expect(f.map((x) => [x.code, x.field])).toEqual([["KV002", "spec.accessModes[1]"]]);
    expect(f[0]!.message).toContain(mode);
  });
  it.each([
    ["nfs", { nfs: { server: "s", path: "/x" } }],
    ["cephfs", { cephfs: { monitors: ["m"] } }],
    ["glusterfs", { glusterfs: { endpoints: "e", path: "p" } }],
    ["azureFile", { azureFile: { secretName: "s", shareName: "x" } }],
    ["csi", { csi: { driver: "d.example.com", volumeHandle: "h" } }],
    ["local", { local: { path: "/x" }, nodeAffinity: hostAffinity("n1") }],
  ])("does not fire for %s with ReadWriteMany", (_n, source) => {
    expect(codes([pv("a", { ...source, accessModes: ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"] })])).toEqual([]);
  });
});

describe("KV003 read-write-once-pod-requires-csi", () => {
  it("fires on non-CSI volumes, not on CSI", () => {
    expect(codes([pv("a", { nfs: { server: "s", path: "/x" }, accessModes: ["ReadWriteOncePod"] })])).toEqual(["KV003"]);
    expect(codes([pv("a", { csi: { driver: "d.example.com", volumeHandle: "h" }, accessModes: ["ReadWriteOncePod"] })])).toEqual([]);
  });
});

describe("KV004 recycle-without-recycler", () => {
  it("fires for Recycle on EBS, not on NFS/hostPath or Retain", () => {
    const f = lintObjects([pv("a", { awsElasticBlockStore: { volumeID: "v" }, persistentVolumeReclaimPolicy: "Recycle" })]);
    expect(f.map((x) => [x.code, x.field])).toEqual([["KV004", "spec.persistentVolumeReclaimPolicy"]]);
    expect(codes([pv("a", { nfs: { server: "s", path: "/x" }, persistentVolumeReclaimPolicy: "Recycle" })])).toEqual([]);
    expect(codes([pv("a", { hostPath: { path: "/x" }, persistentVolumeReclaimPolicy: "Recycle" })])).toEqual([]);
    expect(codes([pv("a", { awsElasticBlockStore: { volumeID: "v" } })])).toEqual([]);
  });
});

describe("KV005/KV006 local volume node affinity", () => {
  it("errors without node affinity", () => {
    const f = lintObjects([pv("a", { local: { path: "/mnt" } })]);
    expect(f.map((x) => [x.code, x.severity, x.field])).toEqual([["KV005", "error", "spec.nodeAffinity.required"]]);
  });
  it("warns for a term that pins no node", () => {
    const affinity = {
      required: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["n1"] }] },
          { matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["a"] }] },
        ],
      },
    };
    const f = lintObjects([pv("a", { local: { path: "/mnt" }, nodeAffinity: affinity })]);
    expect(f.map((x) => [x.code, x.severity, x.field])).toEqual([["KV005", "warning", "spec.nodeAffinity.required.nodeSelectorTerms[1]"]]);
  });
  it("accepts hostname expressions and metadata.name fields", () => {
    expect(codes([pv("a", { local: { path: "/mnt" }, nodeAffinity: hostAffinity("n1") })])).toEqual([]);
    const byField = { required: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }] }] } };
    expect(codes([pv("a", { local: { path: "/mnt" }, nodeAffinity: byField })])).toEqual([]);
  });
  it("KV006 with nodes: fires when no named node exists, by name or hostname label", () => {
    const vol = pv("a", { local: { path: "/mnt" }, nodeAffinity: hostAffinity("gone") });
    expect(codes([vol], { nodes: [node("n1")] })).toEqual(["KV006"]);
    expect(codes([vol], { nodes: [node("n1", "gone")] })).toEqual([]);
    expect(codes([vol])).toEqual([]);
  });
});

describe("KV007 selector-with-dynamic-provisioning", () => {
  const claim = pvc("c", { storageClassName: "gp3", selector: { matchLabels: { tier: "gold" } } });
  it("fires when the class provisions", () => {
    const f = lintObjects([claim, sc("gp3")]);
    expect(f.map((x) => [x.code, x.field])).toEqual([["KV007", "spec.selector"]]);
    expect(f[0]!.object).toEqual({ kind: "PersistentVolumeClaim", name: "c", namespace: "default", index: 0 });
  });
  it("fires for a class-less claim when the default class provisions", () => {
    expect(codes([pvc("c", { selector: { matchLabels: { a: "b" } } }), sc("gp3", {}, { default: true })])).toEqual(["KV007"]);
    expect(codes([pvc("c", { storageClassName: "", selector: { matchLabels: { a: "b" } } }), sc("gp3", {}, { default: true })])).toEqual(
      [],
    );
  });
  it("does not fire for no-provisioner classes, empty selectors, or bound claims", () => {
    expect(codes([claim, sc("gp3", { provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" })])).toEqual(
      [],
    );
    expect(codes([pvc("c", { storageClassName: "gp3", selector: {} }), sc("gp3")])).toEqual([]);
    expect(
      codes([pvc("c", { storageClassName: "gp3", selector: { matchLabels: { a: "b" } } }, { status: { phase: "Bound" } }), sc("gp3")]),
    ).toEqual([]);
  });
});

describe("KV008 wait-for-first-consumer-with-volume-name", () => {
  it("fires only in WaitForFirstConsumer classes", () => {
    const wffc = sc("local", { provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" });
    const vol = pv("pv1", { local: { path: "/x" }, nodeAffinity: hostAffinity("n1"), storageClassName: "local" });
    const claim = pvc("c", { storageClassName: "local", volumeName: "pv1" });
    expect(codes([claim, wffc, vol])).toEqual(["KV008"]);
    expect(codes([claim, sc("local", { provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "Immediate" }), vol])).toEqual([
      "KV012",
    ]);
    expect(codes([pvc("c", { storageClassName: "local" }), wffc])).toEqual([]);
  });
  it("does not fire for a volumeName the PV controller wrote (every bound claim of a WaitForFirstConsumer class)", () => {
    const wffc = sc("gp3", { provisioner: "ebs.csi.aws.com", volumeBindingMode: "WaitForFirstConsumer" });
    const vol = pv("pvc-1", { csi: { driver: "ebs.csi.aws.com", volumeHandle: "v" }, storageClassName: "gp3" });
    for (const annotations of [{ "pv.kubernetes.io/bind-completed": "yes" }, { "pv.kubernetes.io/bound-by-controller": "yes" }] as Record<
      string,
      string
    >[]) {
      const claim = pvc("c", { storageClassName: "gp3", volumeName: "pvc-1" });
      claim.metadata = { ...claim.metadata, annotations };
      expect(codes([claim, wffc, vol])).not.toContain("KV008");
    }
  });
});

describe("KV009 storage-class-not-found", () => {
  it("errors when the class is unknown and no volume carries it", () => {
    const f = lintObjects([pvc("c", { storageClassName: "default" })], { cluster: { storageClasses: [sc("gp3")] } });
    expect(f.map((x) => [x.code, x.severity, x.field])).toEqual([["KV009", "error", "spec.storageClassName"]]);
    expect(f[0]!.hint).toContain("gp3");
  });
  it("warns when static volumes of that class exist", () => {
    const f = lintObjects([pvc("c", { storageClassName: "manual" }), pv("p", { hostPath: { path: "/x" }, storageClassName: "manual" })], {
      cluster: { storageClasses: [] },
    });
    expect(f.map((x) => [x.code, x.severity])).toEqual([["KV009", "warning"]]);
  });
  it("reports the beta annotation's path when the class comes from it", () => {
    const f = lintObjects([pvc("c", {}, { annotations: { "volume.beta.kubernetes.io/storage-class": "old" } })], {
      cluster: { storageClasses: [] },
    });
    expect(f[0]!.field).toBe("metadata.annotations[volume.beta.kubernetes.io/storage-class]");
  });
  it("stays silent when the classes are not known, or the class exists", () => {
    expect(codes([pvc("c", { storageClassName: "default" })])).toEqual([]);
    expect(codes([pvc("c", { storageClassName: "gp3" }), sc("gp3")])).toEqual([]);
  });
});

describe("KV010 claim-never-binds", () => {
  const small = pv("small", { hostPath: { path: "/x" }, storageClassName: "", capacity: { storage: "1Gi" } });
  it("fires with a cluster when nothing fits and nothing provisions, naming the reasons", () => {
    const f = lintObjects([pvc("c", { storageClassName: "" })], { cluster: { volumes: [small], storageClasses: [] } });
    expect(f.map((x) => x.code)).toEqual(["KV010"]);
    expect(f[0]!.message).toContain("too-small");
  });
  it("fires for a no-provisioner class without fitting volumes", () => {
    const cls = sc("local", { provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" });
    expect(codes([pvc("c", { storageClassName: "local" })], { volumes: [small], storageClasses: [cls] })).toEqual(["KV010"]);
  });
  it("searches a class-less claim in the default class it will get", () => {
    const local = sc(
      "local",
      { provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" },
      { default: true },
    );
    const fits = pv("fits", { hostPath: { path: "/x" }, storageClassName: "local" });
    expect(codes([pvc("c", {})], { volumes: [small], storageClasses: [local] })).toEqual(["KV010"]);
    expect(codes([pvc("c", {})], { volumes: [small, fits], storageClasses: [local] })).toEqual([]);
  });
  it("does not fire when a volume fits, the class provisions, a default class applies, or without a cluster", () => {
    const big = pv("big", { hostPath: { path: "/x" }, storageClassName: "" });
    expect(codes([pvc("c", { storageClassName: "" })], { volumes: [small, big], storageClasses: [] })).toEqual([]);
    expect(codes([pvc("c", { storageClassName: "gp3" })], { volumes: [small], storageClasses: [sc("gp3")] })).toEqual([]);
    expect(codes([pvc("c", {})], { volumes: [small], storageClasses: [sc("gp3", {}, { default: true })] })).toEqual([]);
    expect(codes([pvc("c", { storageClassName: "" }), small])).toEqual([]);
  });
});

describe("KV011 multiple-default-classes", () => {
  it("reports every default but the newest", () => {
    const a = sc("a", {}, { default: true, created: "2024-01-01T00:00:00Z" });
    const b = sc("b", {}, { default: true, created: "2025-01-01T00:00:00Z" });
    const c = sc("c", {}, { default: true, created: "2023-01-01T00:00:00Z" });
    const f = lintObjects([a, b, c]);
    expect(f.map((x) => [x.code, x.object.name])).toEqual([
      ["KV011", "a"],
      ["KV011", "c"],
    ]);
    expect(f[0]!.message).toContain('"b"');
    expect(f[0]!.field).toBe("metadata.annotations[storageclass.kubernetes.io/is-default-class]");
  });
  it("breaks equal timestamps by name, and stays silent with one default", () => {
    const f = lintObjects([sc("y", {}, { default: true }), sc("x", {}, { default: true })]);
    expect(f.map((x) => x.object.name)).toEqual(["y"]);
    expect(codes([sc("x", {}, { default: true }), sc("y")])).toEqual([]);
  });
});

describe("KV012 no-provisioner-immediate-binding", () => {
  it("fires for Immediate and for an unset mode, not for WaitForFirstConsumer", () => {
    expect(codes([sc("l", { provisioner: "kubernetes.io/no-provisioner" })])).toEqual(["KV012"]);
    expect(codes([sc("l", { provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: undefined })])).toEqual(["KV012"]);
    expect(codes([sc("l", { provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" })])).toEqual([]);
  });
});

describe("KV013 claim-without-class-no-default", () => {
  it("informs when no default exists; silent with a default, with an explicit empty class, or unknown classes", () => {
    const f = lintObjects([pvc("c", {}), sc("gp3")]);
    expect(f.map((x) => [x.code, x.severity])).toEqual([["KV013", "info"]]);
    expect(codes([pvc("c", {}), sc("gp3", {}, { default: true })])).toEqual([]);
    expect(codes([pvc("c", { storageClassName: "" }), sc("gp3")])).toEqual([]);
    expect(codes([pvc("c", {})])).toEqual([]);
  });
});

describe("KV014/KV015 volumeName checks", () => {
  it("KV014 when the named volume is too small", () => {
    const vol = pv("pv1", { hostPath: { path: "/x" }, capacity: { storage: "1Gi" } });
    const f = lintObjects([pvc("c", { volumeName: "pv1", storageClassName: "" }), vol]);
    expect(f.map((x) => [x.code, x.field])).toEqual([["KV014", "spec.volumeName"]]);
  });
  it("KV014 when the named volume is bound to another claim", () => {
    const vol = pv(
      "pv1",
      { hostPath: { path: "/x" }, claimRef: { namespace: "default", name: "other", uid: "u" } },
      { status: { phase: "Bound" } },
    );
    const f = lintObjects([pvc("c", { volumeName: "pv1", storageClassName: "" }), vol]);
    expect(f.map((x) => x.code)).toEqual(["KV014"]);
    expect(f[0]!.message).toContain("default/other");
  });
  it("silent when the volume satisfies the claim", () => {
    const vol = pv("pv1", { hostPath: { path: "/x" } });
    expect(codes([pvc("c", { volumeName: "pv1", storageClassName: "" }), vol])).toEqual([]);
  });
  it("KV015 with a cluster when the volume does not exist; silent without one", () => {
    expect(codes([pvc("c", { volumeName: "nope", storageClassName: "" })], { volumes: [] })).toEqual(["KV015"]);
    expect(codes([pvc("c", { volumeName: "nope", storageClassName: "" })])).toEqual([]);
  });
});

describe("KV016 released-volume-keeps-claim-ref", () => {
  it("fires for Released volumes with a claimRef uid only", () => {
    const ref = { namespace: "db", name: "data", uid: "6f1c" };
    expect(codes([pv("a", { hostPath: { path: "/x" }, claimRef: ref }, { status: { phase: "Released" } })])).toEqual(["KV016"]);
    expect(
      codes([pv("a", { hostPath: { path: "/x" }, claimRef: { namespace: "db", name: "data" } }, { status: { phase: "Released" } })]),
    ).toEqual([]);
    expect(codes([pv("a", { hostPath: { path: "/x" }, claimRef: ref }, { status: { phase: "Bound" } })])).toEqual([]);
    expect(
      codes([
        pv(
          "a",
          { nfs: { server: "s", path: "/x" }, claimRef: ref, persistentVolumeReclaimPolicy: "Recycle" },
          { status: { phase: "Released" } },
        ),
      ]),
    ).toEqual([]);
  });
});

describe("KV017 delete-policy-without-deleter", () => {
  it("fires for static local/hostPath volumes with Delete", () => {
    expect(codes([pv("a", { hostPath: { path: "/x" }, persistentVolumeReclaimPolicy: "Delete" })])).toEqual(["KV017"]);
    expect(codes([pv("a", { local: { path: "/x" }, nodeAffinity: hostAffinity("n"), persistentVolumeReclaimPolicy: "Delete" })])).toEqual([
      "KV017",
    ]);
  });
  it("silent for provisioned volumes and other sources", () => {
    const ann = { "pv.kubernetes.io/provisioned-by": "local-volume-provisioner" };
    expect(
      codes([
        pv("a", { local: { path: "/x" }, nodeAffinity: hostAffinity("n"), persistentVolumeReclaimPolicy: "Delete" }, { annotations: ann }),
      ]),
    ).toEqual([]);
    expect(codes([pv("a", { csi: { driver: "d.example.com", volumeHandle: "h" }, persistentVolumeReclaimPolicy: "Delete" })])).toEqual([]);
  });
});

describe("KV018 read-write-many-on-single-node-provisioner", () => {
  it("fires for RWX filesystem claims in block or node-local classes, including the default class", () => {
    const f = lintObjects([pvc("c", { storageClassName: "gp3", accessModes: ["ReadWriteOnce", "ReadWriteMany"] }), sc("gp3")]);
    expect(f.map((x) => [x.code, x.field])).toEqual([["KV018", "spec.accessModes[1]"]]);
    expect(
      codes([pvc("c", { accessModes: ["ReadWriteMany"] }), sc("lp", { provisioner: "rancher.io/local-path" }, { default: true })]),
    ).toEqual(["KV018"]);
  });
  it("does not fire for Block claims, shared-file-system classes, RWO, or bound claims", () => {
    expect(codes([pvc("c", { storageClassName: "gp3", accessModes: ["ReadWriteMany"], volumeMode: "Block" }), sc("gp3")])).toEqual([]);
    expect(
      codes([pvc("c", { storageClassName: "efs", accessModes: ["ReadWriteMany"] }), sc("efs", { provisioner: "efs.csi.aws.com" })]),
    ).toEqual([]);
    expect(codes([pvc("c", { storageClassName: "gp3" }), sc("gp3")])).toEqual([]);
    expect(
      codes([pvc("c", { storageClassName: "gp3", accessModes: ["ReadWriteMany"] }, { status: { phase: "Bound" } }), sc("gp3")]),
    ).toEqual([]);
  });
});

describe("lintObjects as a whole", () => {
  it("skips garbage and other kinds, flattens Lists, orders by input then code", () => {
    const bad = pv("bad", {
      rbd: { monitors: ["m"], image: "i" },
      accessModes: ["ReadWriteMany"],
      persistentVolumeReclaimPolicy: "Recycle",
      claimRef: { name: "x" },
    });
    const f = lintObjects([
      null,
      3,
      "x",
      { kind: "Pod", metadata: { name: "p" } },
      { kind: "List", items: [bad] },
      { kind: "PersistentVolume" },
    ]);
    expect(f.map((x) => [x.code, x.object.index])).toEqual([
      ["KV001", 4],
      ["KV002", 4],
      ["KV004", 4],
    ]);
    expect(lintObjects(undefined as unknown as unknown[])).toEqual([]);
  });
  it("honours disable and minSeverity", () => {
    const bad = pv("bad", { rbd: { monitors: ["m"], image: "i" }, accessModes: ["ReadWriteMany"], claimRef: { name: "x" } });
    expect(lintObjects([bad], { disable: ["KV001", "access-mode-unsupported-by-plugin"] })).toEqual([]);
    expect(lintObjects([pvc("c", {}), sc("gp3")], { minSeverity: "warning" })).toEqual([]);
  });
  it("never throws on malformed fields", () => {
    const weird = [
      {
        kind: "PersistentVolume",
        metadata: { name: "w" },
        spec: { accessModes: "RWX", claimRef: 5, local: {}, nodeAffinity: { required: { nodeSelectorTerms: [null, 3] } } },
      },
      {
        kind: "PersistentVolumeClaim",
        metadata: { name: "w" },
        spec: { selector: { matchLabels: null }, resources: { requests: { storage: "lots" } } },
      },
      { kind: "StorageClass", metadata: { name: "w", annotations: null } },
    ];
    expect(() => lintObjects(weird, { cluster: { volumes: [weird[0] as never], storageClasses: [] } })).not.toThrow();
  });
  it("formats one line per finding", () => {
    const [f] = lintObjects([pv("a", { hostPath: { path: "/x" }, claimRef: { name: "data" } })]);
    expect(formatFinding(f!)).toMatch(/^KV001 error PersistentVolume\/a spec\.claimRef\.namespace: .+ \(fix: .+\)$/);
  });
});

describe("lintObjects on a large List", () => {
  it("flattens a List of 600,000 items (a spread into push throws past ~120,000 in the main thread, ~500,000 in a worker)", () => {
    const items: unknown[] = Array.from({ length: 600_000 }, (_, i) => ({ kind: "ConfigMap", metadata: { name: `c-${i}` } }));
    items.push(pv("last", { hostPath: { path: "/x" }, claimRef: { name: "data" } }));
    const findings = lintObjects([{ kind: "List", items }]);
    expect(findings.map((f) => `${f.code} ${f.object.name}`)).toContain("KV001 last");
  });
});
