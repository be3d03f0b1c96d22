/**
 * `explainCluster` on the cases where a separate explain model used to contradict the lifecycle
 * (each case is a manifest as users write it or as a cluster dump stores it).
 */
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { explainCluster } from "../../src/engine/index.js";
import { createCluster } from "../../src/lifecycle/index.js";
import type { ClusterInit } from "../../src/lifecycle/index.js";

const now = "2026-01-01T00:00:00Z";

/** A cluster from YAML documents, sorted by kind. */
function clusterOf(yaml: string) {
  const init: Record<string, unknown[]> = { volumes: [], claims: [], classes: [], pods: [], nodes: [] };
  const field: Record<string, string> = {
    PersistentVolume: "volumes",
    PersistentVolumeClaim: "claims",
    StorageClass: "classes",
    Pod: "pods",
    Node: "nodes",
  };
  for (const doc of parseAllDocuments(yaml)) {
    const o = doc.toJS() as { kind: string };
    init[field[o.kind]!]!.push(o);
  }
  return createCluster(init as ClusterInit);
}

const claim = (e: ReturnType<typeof explainCluster>, key: string) => e.claims.find((c) => `${c.namespace}/${c.name}` === key)!;

describe("explainCluster says what the cluster will actually do", () => {
  it("manifests without status (the hostPath tutorial): the volume becomes Available and binds; no StorageClass object is needed", () => {
    const e = explainCluster(
      clusterOf(`
apiVersion: v1
kind: PersistentVolume
metadata: { name: task-pv-volume, labels: { type: local } }
spec:
  storageClassName: manual
  capacity: { storage: 10Gi }
  accessModes: [ReadWriteOnce]
  hostPath: { path: /mnt/data }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: task-pv-claim }
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 3Gi } }
`),
      { now },
    );
    expect(claim(e, "default/task-pv-claim")).toMatchObject({ status: "WillBind", volume: "task-pv-volume" });
    expect(e.volumes[0]).toMatchObject({
      name: "task-pv-volume",
      phase: "Pending",
      endPhase: "Bound",
      note: "would be taken by claim default/task-pv-claim",
    });
  });

  it("a Bound claim whose volume is gone, or bound to another claim, is Lost (ClaimLost, ClaimMisbound)", () => {
    const e = explainCluster(
      clusterOf(`
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: gone, namespace: ns, uid: u1, annotations: { pv.kubernetes.io/bind-completed: "yes" } }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } }, storageClassName: "", volumeName: missing-pv }
status: { phase: Bound }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: misbound, namespace: ns, uid: u2, annotations: { pv.kubernetes.io/bind-completed: "yes" } }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } }, storageClassName: "", volumeName: pv-other }
status: { phase: Bound }
---
apiVersion: v1
kind: PersistentVolume
metadata: { name: pv-other }
spec:
  capacity: { storage: 1Gi }
  accessModes: [ReadWriteOnce]
  claimRef: { namespace: ns, name: someone-else, uid: u9 }
  hostPath: { path: /x }
status: { phase: Bound }
`),
      { now },
    );
    expect(claim(e, "ns/gone")).toMatchObject({
      status: "Lost",
      reason: "Bound claim has lost its PersistentVolume. Data on the volume is lost!",
    });
    expect(claim(e, "ns/misbound")).toMatchObject({
      status: "Lost",
      reason: "Two claims are bound to the same volume, this one is bound incorrectly",
    });
  });

  it("a WaitForFirstConsumer claim that carries selected-node is provisioned", () => {
    const e = explainCluster(
      clusterOf(`
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: gp3 }
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: v1
kind: Node
metadata: { name: node-1, labels: { kubernetes.io/hostname: node-1 } }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data, namespace: app, uid: u1, annotations: { volume.kubernetes.io/selected-node: node-1 } }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 5Gi } }, storageClassName: gp3 }
`),
      { now },
    );
    expect(claim(e, "app/data")).toMatchObject({ status: "WillProvision", provisioner: "ebs.csi.aws.com", volume: "pvc-u1" });
  });

  it("…but not on a node that does not exist: the provisioner gives up and the claim waits for a new choice", () => {
    const e = explainCluster(
      clusterOf(`
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: gp3 }
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data, namespace: app, uid: u1, annotations: { volume.kubernetes.io/selected-node: node-9 } }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 5Gi } }, storageClassName: gp3 }
`),
      { now },
    );
    expect(claim(e, "app/data").status).toBe("Pending");
    expect(claim(e, "app/data").path.events.map((x) => x.reason)).toContain("ProvisioningFailed");
  });

  it("a claim without a class in a cluster with a default class is provisioned in that class", () => {
    const e = explainCluster(
      clusterOf(`
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: standard, annotations: { storageclass.kubernetes.io/is-default-class: "true" } }
provisioner: pd.csi.storage.gke.io
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data, namespace: app, uid: u1 }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 5Gi } } }
`),
      { now },
    );
    expect(claim(e, "app/data")).toMatchObject({ status: "WillProvision", class: "standard", provisioner: "pd.csi.storage.gke.io" });
  });

  it("a selector claim in a provisioning class: the external provisioner refuses", () => {
    const e = explainCluster(
      clusterOf(`
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: fast }
provisioner: ebs.csi.aws.com
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data, namespace: app, uid: u1 }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 5Gi } }, storageClassName: fast, selector: { matchLabels: { tier: gold } } }
`),
      { now },
    );
    const c = claim(e, "app/data");
    expect(c.status).toBe("Pending");
    expect(c.reason).toContain("claim Selector is not supported");
  });

  it("competing claims: the older claim takes the volume, the newer one's explanation says so", () => {
    const e = explainCluster(
      clusterOf(`
apiVersion: v1
kind: PersistentVolume
metadata: { name: pv-rwo-2g }
spec: { capacity: { storage: 2Gi }, accessModes: [ReadWriteOnce], hostPath: { path: /x } }
status: { phase: Available }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: a-newer, namespace: ns, creationTimestamp: "2026-01-02T00:00:00Z" }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } }, storageClassName: "" }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: z-older, namespace: ns, creationTimestamp: "2026-01-01T00:00:00Z" }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } }, storageClassName: "" }
`),
      { now },
      { claim: "ns/a-newer" },
    );
    expect(e.claims.map((c) => c.name)).toEqual(["z-older", "a-newer"]);
    expect(claim(e, "ns/z-older")).toMatchObject({ status: "WillBind", volume: "pv-rwo-2g" });
    const newer = claim(e, "ns/a-newer");
    expect(newer.status).toBe("Pending");
    const verdict = newer.explanation!.volumes.find((v) => v.name === "pv-rwo-2g")!;
    expect(verdict.phase).toBe("Available");
    expect(verdict.message).toBe(
      "pv-rwo-2g would be taken by claim ns/z-older, which the PV controller binds first (in the input it is Available)",
    );
    expect(newer.explanation!.summary.join("\n")).not.toContain("pv-rwo-2g is Bound");
  });

  it("a claim with an invalid selector is explained as such; the others are explained", () => {
    const e = explainCluster(
      clusterOf(`
apiVersion: v1
kind: PersistentVolume
metadata: { name: pv-1 }
spec: { capacity: { storage: 2Gi }, accessModes: [ReadWriteOnce], hostPath: { path: /x } }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: bad, namespace: ns }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } }, storageClassName: "", selector: { matchExpressions: [{ key: zone, operator: Foo }] } }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: good, namespace: ns }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } }, storageClassName: "" }
`),
      { now },
    );
    expect(claim(e, "ns/bad").status).toBe("Pending");
    expect(claim(e, "ns/bad").reason).toMatch(/selector is invalid/);
    expect(claim(e, "ns/good")).toMatchObject({ status: "WillBind", volume: "pv-1" });
  });
});

describe("explain --node follows the class's allowedTopologies", () => {
  const cluster = () =>
    clusterOf(`
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: zonal }
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
allowedTopologies: [{ matchLabelExpressions: [{ key: topology.kubernetes.io/zone, values: [eu-west-1a] }] }]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data, namespace: app }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 5Gi } }, storageClassName: zonal }
`);
  it("promises provisioning on a node the class allows", () => {
    const e = explainCluster(cluster(), { now }, { node: { name: "a", labels: { "topology.kubernetes.io/zone": "eu-west-1a" } } });
    expect(claim(e, "app/data").explanation!.headline).toContain("ebs.csi.aws.com provisions one there");
  });
  it("does not on a node it does not allow", () => {
    const e = explainCluster(cluster(), { now }, { node: { name: "b", labels: { "topology.kubernetes.io/zone": "eu-west-1b" } } });
    const x = claim(e, "app/data").explanation!;
    expect(x.headline).toContain("does not allow it (allowedTopologies)");
    expect(x.summary.join("\n")).toContain("its allowedTopologies exclude this node");
  });
});

describe("explanations against a claim's own class still speak of the whole pool", () => {
  const yaml = `
apiVersion: v1
kind: PersistentVolume
metadata: { name: small }
spec: { storageClassName: manual, capacity: { storage: 1Gi }, accessModes: [ReadWriteOnce], hostPath: { path: /a } }
status: { phase: Available }
---
apiVersion: v1
kind: PersistentVolume
metadata: { name: other-1 }
spec: { storageClassName: fast, capacity: { storage: 100Gi }, accessModes: [ReadWriteOnce], hostPath: { path: /b } }
status: { phase: Available }
---
apiVersion: v1
kind: PersistentVolume
metadata: { name: other-2 }
spec: { storageClassName: fast, capacity: { storage: 100Gi }, accessModes: [ReadWriteOnce], hostPath: { path: /c } }
status: { phase: Available }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: big, namespace: default }
spec: { storageClassName: manual, accessModes: [ReadWriteOnce], resources: { requests: { storage: 10Gi } } }
`;

  it("counts the other classes' volumes once each under `class`, and the total is the pool's", () => {
    const e = claim(explainCluster(clusterOf(yaml), { now }), "default/big").explanation!;
    expect(e.volumes.length + e.volumesOmitted).toBe(3);
    expect(e.reasonCounts).toMatchObject({ "too-small": 1, class: 2 });
    expect(e.summary).toContain("Of 3 volumes: 0 candidates; failed checks: 2 class, 1 too-small.");
  });

  it("--claim lists every volume the counts speak of", () => {
    const e = claim(explainCluster(clusterOf(yaml), { now }, { claim: "default/big" }), "default/big").explanation!;
    expect(e.volumes.map((v) => v.name).sort()).toEqual(["other-1", "other-2", "small"]);
    expect(e.volumesOmitted).toBe(0);
  });
});

describe("a claim naming a volume is explained against that volume, whatever its class", () => {
  const yaml = `
apiVersion: v1
kind: PersistentVolume
metadata: { name: old-data }
spec:
  storageClassName: slow
  capacity: { storage: 10Gi }
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  hostPath: { path: /a }
  claimRef: { namespace: default, name: gone, uid: u-1 }
status: { phase: Released }
---
apiVersion: v1
kind: PersistentVolume
metadata: { name: spare }
spec: { storageClassName: fast, capacity: { storage: 10Gi }, accessModes: [ReadWriteOnce], hostPath: { path: /b } }
status: { phase: Available }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: restore, namespace: default }
spec: { storageClassName: fast, volumeName: old-data, accessModes: [ReadWriteOnce], resources: { requests: { storage: 5Gi } } }
`;

  it("the named volume of another class is found (Released, claimed by another claim), not 'does not exist'", () => {
    const r = claim(explainCluster(clusterOf(yaml), { now }), "default/restore");
    expect(r.status).toBe("Pending");
    expect(r.explanation?.volumeNameCheck).toMatchObject({ volume: "old-data", result: "bound-elsewhere" });
    expect(r.explanation?.summary.join("\n")).toMatch(/old-data is Released/);
    // The controller never searches the pool for it: only the named volume is evaluated, the
    // other one is counted as left out.
    expect(r.explanation?.candidates).toBe(0);
    expect(r.explanation!.volumes.length + r.explanation!.volumesOmitted).toBe(2);
  });
});
