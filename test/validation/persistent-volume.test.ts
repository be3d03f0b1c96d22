import { describe, expect, it } from "vitest";
import {
  aggregateMessage,
  validatePersistentVolume,
  validatePersistentVolumeSpec,
  validatePersistentVolumeStatusUpdate,
  validatePersistentVolumeUpdate,
  cleanPath,
} from "../../src/validation/index.js";
import { ACCESS_MODES, LABEL, LABEL_VALUE, NAME_PART, patch, render, SUBDOMAIN } from "./messages.js";

type Spec = Record<string, unknown>;
const baseSpec: Spec = {
  accessModes: ["ReadWriteOnce"],
  capacity: { storage: "10Gi" },
  nfs: { server: "nfs.example.com", path: "/exports/a" },
};
const pv = (spec: Spec, meta: Record<string, unknown> = {}) => ({
  apiVersion: "v1",
  kind: "PersistentVolume",
  metadata: { name: "pv1", ...meta },
  spec,
});
const withSpec = (p: Spec) => pv(patch(baseSpec, p));
const only = (source: Spec) => withSpec({ nfs: undefined, ...source });
const affinity = (terms: unknown) => ({ required: { nodeSelectorTerms: terms } });
const hostAffinity = affinity([{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node-1"] }] }]);

describe("validatePersistentVolume — in upstream's order", () => {
  it("accepts a typical volume", () => {
    expect(validatePersistentVolume(withSpec({}))).toEqual([]);
  });

  it.each<[string, Spec, string[]]>([
    // 1. accessModes
    ["no access modes", { accessModes: [] }, ["spec.accessModes: Required value"]],
    ["absent access modes", { accessModes: undefined }, ["spec.accessModes: Required value"]],
    ["unsupported mode", { accessModes: ["fakemode"] }, [`spec.accessModes: Unsupported value: "fakemode": ${ACCESS_MODES}`]],
    [
      "one error per bad entry",
      { accessModes: ["RWO", "ReadWriteOnce", "x"] },
      [`spec.accessModes: Unsupported value: "RWO": ${ACCESS_MODES}`, `spec.accessModes: Unsupported value: "x": ${ACCESS_MODES}`],
    ],
    [
      "RWOP with RWX",
      { accessModes: ["ReadWriteOncePod", "ReadWriteMany"] },
      ["spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes"],
    ],
    ["RWOP twice is fine", { accessModes: ["ReadWriteOncePod", "ReadWriteOncePod"] }, []],
    [
      "junk is not another mode",
      { accessModes: ["ReadWriteOncePod", "junk"] },
      [`spec.accessModes: Unsupported value: "junk": ${ACCESS_MODES}`],
    ],
    // 2. capacity
    [
      "absent capacity",
      { capacity: undefined },
      ["spec.capacity: Required value", 'spec.capacity: Unsupported value: null: supported values: "storage"'],
    ],
    [
      "empty capacity",
      { capacity: {} },
      ["spec.capacity: Required value", 'spec.capacity: Unsupported value: {}: supported values: "storage"'],
    ],
    [
      "capacity without storage",
      { capacity: { memory: "10G" } },
      ['spec.capacity: Unsupported value: {"memory":"10G"}: supported values: "storage"'],
    ],
    [
      "capacity with an extra key",
      { capacity: { storage: "10Gi", memory: "1Gi" } },
      ['spec.capacity: Unsupported value: {"memory":"1Gi","storage":"10Gi"}: supported values: "storage"'],
    ],
    ["zero storage", { capacity: { storage: "0" } }, ['spec.capacity[storage]: Invalid value: "0": must be greater than zero']],
    [
      "negative storage gives two errors",
      { capacity: { storage: "-1" } },
      [
        "spec.capacity[storage]: Invalid value: -1: must be a valid resource quantity",
        'spec.capacity[storage]: Invalid value: "-1": must be greater than zero',
      ],
    ],
    ["numeric storage is a quantity", { capacity: { storage: 1073741824 } }, []],
    // 3. reclaim policy
    [
      "unknown reclaim policy",
      { persistentVolumeReclaimPolicy: "Keep" },
      ['spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"'],
    ],
    ["Recycle on NFS is allowed (a warning only)", { persistentVolumeReclaimPolicy: "Recycle" }, []],
    ["empty reclaim policy means the default", { persistentVolumeReclaimPolicy: "" }, []],
    // 4. nodeAffinity (ValidateNodeSelector)
    [
      "nodeAffinity without required",
      { nodeAffinity: {} },
      ["spec.nodeAffinity.required: Required value: must specify required node constraints"],
    ],
    [
      "no terms",
      { nodeAffinity: affinity([]) },
      ["spec.nodeAffinity.required.nodeSelectorTerms: Required value: must have at least one node selector term"],
    ],
    ["an empty term is valid", { nodeAffinity: affinity([{}]) }, []],
    [
      "an expression without key",
      { nodeAffinity: affinity([{ matchExpressions: [{}] }]) },
      [
        'spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "": not a valid selector operator',
        'spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key: Invalid value: "": name part must be non-empty',
        `spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key: Invalid value: "": ${NAME_PART}`,
      ],
    ],
    [
      "In without values",
      { nodeAffinity: affinity([{ matchExpressions: [{ key: "a", operator: "In" }] }]) },
      [
        "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ],
    ],
    [
      "Exists with values",
      { nodeAffinity: affinity([{ matchExpressions: [{ key: "a", operator: "Exists", values: ["x"] }] }]) },
      [
        "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ],
    ],
    [
      "Gt with two values",
      { nodeAffinity: affinity([{ matchExpressions: [{ key: "a", operator: "Gt", values: ["1", "2"] }] }]) },
      [
        "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
      ],
    ],
    ["Gt with one value", { nodeAffinity: affinity([{ matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] }]) }, []],
    [
      "Lt with a negative number (not a label value)",
      { nodeAffinity: affinity([{ matchExpressions: [{ key: "a", operator: "Lt", values: ["-1"] }] }]) },
      [`spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: "-1": ${LABEL_VALUE}`],
    ],
    [
      "In with an invalid label value",
      { nodeAffinity: affinity([{ matchExpressions: [{ key: "a", operator: "In", values: ["ok", "-1"] }] }]) },
      [`spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[1]: Invalid value: "-1": ${LABEL_VALUE}`],
    ],
    [
      "unknown operator",
      { nodeAffinity: affinity([{ matchExpressions: [{ key: "a", operator: "Equal", values: ["x"] }] }]) },
      [
        'spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "Equal": not a valid selector operator',
      ],
    ],
    [
      "matchFields with two values",
      { nodeAffinity: affinity([{ matchFields: [{ key: "metadata.name", operator: "In", values: ["a", "b"] }] }]) },
      [
        "spec.nodeAffinity.required.nodeSelectorTerms[0].matchFields[0].values: Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
      ],
    ],
    [
      "matchFields with another key",
      { nodeAffinity: affinity([{ matchFields: [{ key: "metadata.uid", operator: "In", values: ["a"] }] }]) },
      ['spec.nodeAffinity.required.nodeSelectorTerms[0].matchFields[0].key: Invalid value: "metadata.uid": not a valid field selector key'],
    ],
    [
      "matchFields with Exists",
      { nodeAffinity: affinity([{ matchFields: [{ key: "metadata.name", operator: "Exists" }] }]) },
      ['spec.nodeAffinity.required.nodeSelectorTerms[0].matchFields[0].operator: Invalid value: "Exists": not a valid selector operator'],
    ],
    [
      "matchFields with an invalid node name",
      { nodeAffinity: affinity([{ matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["Node_1"] }] }]) },
      [`spec.nodeAffinity.required.nodeSelectorTerms[0].matchFields[0].values[0]: Invalid value: "Node_1": ${SUBDOMAIN}`],
    ],
    ["a valid hostname affinity", { nodeAffinity: hostAffinity }, []],
    // 5. exactly one source
    ["no source", { nfs: undefined }, ["spec: Required value: must specify a volume type"]],
    ["two sources", { hostPath: { path: "/data" } }, ["spec.nfs: Forbidden: may not specify more than 1 volume type"]],
    [
      "cephfs second uses the cephFS path",
      { cephfs: { monitors: ["m"] } },
      ["spec.cephFS: Forbidden: may not specify more than 1 volume type"],
    ],
    ["flexVolume never reports more than one", { flexVolume: { driver: "d" } }, []],
    [
      "flexVolume still counts",
      { flexVolume: { driver: "d" }, csi: { driver: "d", volumeHandle: "h" } },
      ["spec.csi: Forbidden: may not specify more than 1 volume type"],
    ],
    [
      "three sources",
      { hostPath: { path: "/a" }, local: { path: "/b" } },
      ["spec.nfs: Forbidden: may not specify more than 1 volume type", "spec.local: Forbidden: may not specify more than 1 volume type"],
    ],
    // 6. hostPath root + Recycle
    [
      "hostPath / with Recycle",
      { nfs: undefined, hostPath: { path: "/" }, persistentVolumeReclaimPolicy: "Recycle" },
      ["spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'"],
    ],
    [
      "hostPath /a/.. with Recycle",
      { nfs: undefined, hostPath: { path: "/a/.." }, persistentVolumeReclaimPolicy: "Recycle" },
      [
        "spec.hostPath.path: Invalid value: \"/a/..\": must not contain '..'",
        "spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'",
      ],
    ],
    ["hostPath / with Retain", { nfs: undefined, hostPath: { path: "/" }, persistentVolumeReclaimPolicy: "Retain" }, []],
    // 7. storageClassName
    ["bad class name", { storageClassName: "Fast" }, [`spec.storageClassName: Invalid value: "Fast": ${SUBDOMAIN}`]],
    ["empty class name means no class", { storageClassName: "" }, []],
    // 8. volumeMode
    ["unknown volume mode", { volumeMode: "Raw" }, ['spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"']],
    ["Block", { volumeMode: "Block" }, []],
    // 9. volumeAttributesClassName
    [
      "VAC on a non-CSI volume",
      { volumeAttributesClassName: "gold" },
      ["spec.csi: Required value: has to be specified when using volumeAttributesClassName"],
    ],
    [
      "empty VAC",
      { nfs: undefined, csi: { driver: "ebs.csi.aws.com", volumeHandle: "vol-1" }, volumeAttributesClassName: "" },
      ["spec.volumeAttributesClassName: Required value: an empty string is disallowed"],
    ],
    [
      "bad VAC name",
      { nfs: undefined, csi: { driver: "ebs.csi.aws.com", volumeHandle: "vol-1" }, volumeAttributesClassName: "Gold" },
      [`spec.volumeAttributesClassName: Invalid value: "Gold": ${SUBDOMAIN}`],
    ],
    ["mountOptions are not validated", { mountOptions: ["hard", "nfsvers=4.1", ""] }, []],
    ["claimRef is not validated", { claimRef: { namespace: "Bad NS", name: "" } }, []],
  ])("%s", (_name, p, expected) => {
    expect(render(validatePersistentVolume(withSpec(p)))).toEqual(expected);
  });
});

describe("per-source rules (the source validators of ValidatePersistentVolumeSpec)", () => {
  it.each<[string, Spec, string[]]>([
    ["hostPath without path", { hostPath: { path: "" } }, ["spec.hostPath.path: Required value"]],
    ["hostPath with ..", { hostPath: { path: "/a/../b" } }, ["spec.hostPath.path: Invalid value: \"/a/../b\": must not contain '..'"]],
    [
      "hostPath with backslash ..",
      { hostPath: { path: "a\\..\\b" } },
      ["spec.hostPath.path: Invalid value: \"a\\\\..\\\\b\": must not contain '..'"],
    ],
    ["hostPath relative path is allowed", { hostPath: { path: "data" } }, []],
    ["hostPath .. inside a name is fine", { hostPath: { path: "/a..b/c" } }, []],
    [
      "hostPath bad type",
      { hostPath: { path: "/a", type: "Bogus" } },
      [
        'spec.hostPath.type: Unsupported value: "Bogus": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      ],
    ],
    ["hostPath empty type", { hostPath: { path: "/a", type: "" } }, []],
    [
      "local without path nor affinity",
      { local: { path: "" } },
      ["spec.local.path: Required value", "spec.nodeAffinity: Required value: Local volume requires node affinity"],
    ],
    ["local with affinity", { local: { path: "/mnt/disks/ssd1" }, nodeAffinity: hostAffinity }, []],
    [
      "local with an empty affinity counts as specified",
      { local: { path: "/mnt" }, nodeAffinity: {} },
      ["spec.nodeAffinity.required: Required value: must specify required node constraints"],
    ],
    [
      "local with ..",
      { local: { path: "../x" }, nodeAffinity: hostAffinity },
      ["spec.local.path: Invalid value: \"../x\": must not contain '..'"],
    ],
    [
      "nfs empty",
      { nfs: { server: "", path: "" } },
      ["spec.nfs.server: Required value", "spec.nfs.path: Required value", 'spec.nfs.path: Invalid value: "": must be an absolute path'],
    ],
    ["nfs relative path", { nfs: { server: "s", path: "exports" } }, ['spec.nfs.path: Invalid value: "exports": must be an absolute path']],
    [
      "csi empty",
      { csi: {} },
      ["spec.csi.driver: Required value", `spec.csi.driver: Invalid value: "": ${SUBDOMAIN}`, "spec.csi.volumeHandle: Required value"],
    ],
    [
      "csi driver too long",
      { csi: { driver: "a".repeat(64), volumeHandle: "h" } },
      ["spec.csi.driver: Too long: may not be more than 63 bytes"],
    ],
    ["csi driver upper case is lower-cased for the check", { csi: { driver: "Ebs.CSI.aws.com", volumeHandle: "h" } }, []],
    [
      "csi driver with underscore",
      { csi: { driver: "my_driver", volumeHandle: "h" } },
      [`spec.csi.driver: Invalid value: "my_driver": ${SUBDOMAIN}`],
    ],
    [
      "csi empty secret ref",
      { csi: { driver: "d", volumeHandle: "h", nodePublishSecretRef: {} } },
      ["spec.csi.nodePublishSecretRef.name: Required value", "spec.csi.nodePublishSecretRef.namespace: Required value"],
    ],
    [
      "csi bad secret ref",
      { csi: { driver: "d", volumeHandle: "h", controllerExpandSecretRef: { name: "Bad_Name", namespace: "a.b" } } },
      [
        `spec.csi.controllerExpandSecretRef.name: Invalid value: "Bad_Name": ${SUBDOMAIN}`,
        'spec.csi.controllerExpandSecretRef.namespace: Invalid value: "a.b": must not contain dots',
      ],
    ],
    [
      "csi all checked refs in order",
      { csi: { driver: "d", volumeHandle: "h", nodeExpandSecretRef: { name: "n" }, controllerPublishSecretRef: { namespace: "ns" } } },
      ["spec.csi.controllerPublishSecretRef.name: Required value", "spec.csi.nodeExpandSecretRef.namespace: Required value"],
    ],
    ["csi nodeStageSecretRef is not validated", { csi: { driver: "d", volumeHandle: "h", nodeStageSecretRef: {} } }, []],
    [
      "gce disk",
      { gcePersistentDisk: { pdName: "", partition: 300 } },
      [
        "spec.persistentDisk.pdName: Required value",
        "spec.persistentDisk.partition: Invalid value: 300: must be between 1 and 255, inclusive",
      ],
    ],
    ["gce partition 0 is accepted", { gcePersistentDisk: { pdName: "d", partition: 0 } }, []],
    [
      "aws disk",
      { awsElasticBlockStore: { volumeID: "", partition: -1 } },
      [
        "spec.awsElasticBlockStore.volumeID: Required value",
        "spec.awsElasticBlockStore.partition: Invalid value: -1: must be between 1 and 255, inclusive",
      ],
    ],
    ["iscsi empty", { iscsi: {} }, ["spec.iscsi.targetPortal: Required value", "spec.iscsi.iqn: Required value"]],
    [
      "iscsi bad iqn prefix",
      { iscsi: { targetPortal: "10.0.0.1:3260", iqn: "foo" } },
      ['spec.iscsi.iqn: Invalid value: "foo": must be valid format'],
    ],
    ["iscsi iqn", { iscsi: { targetPortal: "10.0.0.1:3260", iqn: "iqn.2015-02.example.com:test" } }, []],
    [
      "iscsi iqn without colon",
      { iscsi: { targetPortal: "p", iqn: "iqn.2015-02.example.com" } },
      ['spec.iscsi.iqn: Invalid value: "iqn.2015-02.example.com": must be valid format'],
    ],
    ["iscsi eui", { iscsi: { targetPortal: "p", iqn: "eui.02004567A425678D" } }, []],
    [
      "iscsi short eui",
      { iscsi: { targetPortal: "p", iqn: "eui.0200" } },
      ['spec.iscsi.iqn: Invalid value: "eui.0200": must be valid format'],
    ],
    ["iscsi naa", { iscsi: { targetPortal: "p", iqn: "naa.62004567BA64678D0123456789ABCDEF" } }, []],
    [
      "iscsi lun",
      { iscsi: { targetPortal: "p", iqn: "eui.02004567A425678D", lun: 256 } },
      ["spec.iscsi.lun: Invalid value: 256: must be between 0 and 255, inclusive"],
    ],
    [
      "iscsi chap without secret",
      { iscsi: { targetPortal: "p", iqn: "eui.02004567A425678D", chapAuthSession: true } },
      ["spec.iscsi.secretRef: Required value"],
    ],
    [
      "iscsi secret without name",
      { iscsi: { targetPortal: "p", iqn: "eui.02004567A425678D", secretRef: {} } },
      ["spec.iscsi.secretRef.name: Required value"],
    ],
    [
      "iscsi bad initiator name",
      { iscsi: { targetPortal: "p", iqn: "eui.02004567A425678D", initiatorName: "bad" } },
      ['spec.iscsi.initiatorname: Invalid value: "bad": must be valid format'],
    ],
    ["fc empty", { fc: {} }, ["spec.fc.targetWWNs: Required value: must specify either targetWWNs or wwids, but not both"]],
    [
      "fc both",
      { fc: { targetWWNs: ["a"], wwids: ["b"], lun: 1 } },
      ['spec.fc.targetWWNs: Invalid value: ["a"]: targetWWNs and wwids can not be specified simultaneously'],
    ],
    ["fc without lun", { fc: { targetWWNs: ["a"] } }, ["spec.fc.lun: Required value: lun is required if targetWWNs is specified"]],
    ["fc bad lun", { fc: { targetWWNs: ["a"], lun: 256 } }, ["spec.fc.lun: Invalid value: 256: must be between 0 and 255, inclusive"]],
    ["fc wwids", { fc: { wwids: ["w"] } }, []],
    ["rbd empty", { rbd: {} }, ["spec.rbd.monitors: Required value", "spec.rbd.image: Required value"]],
    ["cephfs empty", { cephfs: {} }, ["spec.cephfs.monitors: Required value"]],
    [
      "cinder",
      { cinder: { volumeID: "", secretRef: {} } },
      [
        "spec.cinder.volumeID: Required value",
        "spec.cinder.secretRef.name: Required value",
        "spec.cinder.secretRef.namespace: Required value",
      ],
    ],
    [
      "glusterfs",
      { glusterfs: { endpoints: "", path: "", endpointsNamespace: "" } },
      [
        "spec.glusterfs.endpoints: Required value",
        "spec.glusterfs.path: Required value",
        'spec.glusterfs.endpointsNamespace: Invalid value: "": if the endpointnamespace is set, it must be a valid namespace name',
      ],
    ],
    [
      "glusterfs bad namespace",
      { glusterfs: { endpoints: "e", path: "p", endpointsNamespace: "NS" } },
      [`spec.glusterfs.endpointsNamespace: Invalid value: "NS": ${LABEL}`],
    ],
    ["flocker empty", { flocker: {} }, ["spec.flocker: Required value: one of datasetName and datasetUUID is required"]],
    [
      "flocker both",
      { flocker: { datasetName: "a/b", datasetUUID: "u" } },
      [
        'spec.flocker: Invalid value: "resource": datasetName and datasetUUID can not be specified simultaneously',
        "spec.flocker.datasetName: Invalid value: \"a/b\": must not contain '/'",
      ],
    ],
    [
      "quobyte empty",
      { quobyte: {} },
      [
        "spec.quobyte.registry: Required value: must be a host:port pair or multiple pairs separated by commas",
        "spec.quobyte.volume: Required value",
      ],
    ],
    [
      "quobyte bad registry",
      { quobyte: { registry: "host", volume: "v" } },
      ['spec.quobyte.registry: Invalid value: "host": must be a host:port pair or multiple pairs separated by commas'],
    ],
    ["quobyte registries", { quobyte: { registry: "a:1,[::1]:2", volume: "v" } }, []],
    [
      "quobyte long tenant",
      { quobyte: { registry: "a:1", tenant: "t".repeat(65), volume: "v" } },
      ["spec.quobyte.tenant: Required value: must be a UUID and may not exceed a length of 64 characters"],
    ],
    [
      "azureFile",
      { azureFile: { secretName: "", shareName: "", secretNamespace: "" } },
      [
        "spec.azureFile.secretName: Required value",
        "spec.azureFile.shareName: Required value",
        "spec.azureFile.secretNamespace: Required value",
      ],
    ],
    [
      "azureDisk",
      { azureDisk: { diskName: "", diskURI: "", cachingMode: "X", kind: "Y" } },
      [
        "spec.azureDisk.diskName: Required value",
        "spec.azureDisk.diskURI: Required value",
        'spec.azureDisk.cachingMode: Unsupported value: "X": supported values: "None", "ReadOnly", "ReadWrite"',
        'spec.azureDisk.kind: Unsupported value: "Y": supported values: "Dedicated", "Managed", "Shared"',
        'spec.azureDisk.diskURI: Unsupported value: "": supported values: "https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"',
      ],
    ],
    [
      "azureDisk managed needs a resource id",
      { azureDisk: { diskName: "d", diskURI: "https://x", kind: "Managed" } },
      [
        'spec.azureDisk.diskURI: Unsupported value: "https://x": supported values: "/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"',
      ],
    ],
    ["vsphere", { vsphereVolume: {} }, ["spec.vsphereVolume.volumePath: Required value"]],
    ["photon", { photonPersistentDisk: {} }, ["spec.photonPersistentDisk.pdID: Required value"]],
    ["portworx", { portworxVolume: {} }, ["spec.portworxVolume.volumeID: Required value"]],
    [
      "scaleIO",
      { scaleIO: {} },
      ["spec.scaleIO.gateway: Required value", "spec.scaleIO.system: Required value", "spec.scaleIO.volumeName: Required value"],
    ],
    [
      "storageos",
      { storageos: { volumeName: "A_b", volumeNamespace: "x.y", secretRef: {} } },
      [
        `spec.storageos.volumeName: Invalid value: "A_b": ${LABEL}`,
        'spec.storageos.volumeNamespace: Invalid value: "x.y": must not contain dots',
        "spec.storageos.secretRef.name: Required value",
        "spec.storageos.secretRef.namespace: Required value",
      ],
    ],
    ["flexVolume without driver", { flexVolume: {} }, ["spec.flexVolume.driver: Required value"]],
    [
      "flexVolume reserved option namespaces",
      {
        flexVolume: {
          driver: "d",
          options: { "kubernetes.io/foo": "x", "example.com/bar": "y", "foo.K8S.io": "z", "notkubernetes.io": "w" },
        },
      },
      [
        'spec.flexVolume.options[foo.K8S.io]: Invalid value: "foo.K8S.io": kubernetes.io and k8s.io namespaces are reserved',
        'spec.flexVolume.options[kubernetes.io/foo]: Invalid value: "kubernetes.io/foo": kubernetes.io and k8s.io namespaces are reserved',
      ],
    ],
  ])("%s", (_name, source, expected) => {
    expect(render(validatePersistentVolume(only(source)))).toEqual(expected);
  });

  it("iSCSI: name + portal longer than 64 with an initiator name", () => {
    const p = pv(
      patch(baseSpec, {
        nfs: undefined,
        iscsi: { targetPortal: "10.0.0.1:3260", iqn: "eui.02004567A425678D", initiatorName: "iqn.2015-02.example.com:init" },
      }),
      {
        name: "p".repeat(60),
      },
    );
    expect(render(validatePersistentVolume(p))).toEqual([
      'spec.iscsi.targetportal: Invalid value: "10.0.0.1:3260": Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.',
    ]);
  });
});

describe("mount-option annotation check", () => {
  const ann = { "volume.beta.kubernetes.io/mount-options": "hard" };
  it("is allowed on NFS", () => {
    expect(validatePersistentVolume(pv(baseSpec, { annotations: ann }))).toEqual([]);
  });
  it.each([
    ["hostPath", { hostPath: { path: "/a" } }],
    ["local", { local: { path: "/a" }, nodeAffinity: hostAffinity }],
    ["csi", { csi: { driver: "d", volumeHandle: "h" } }],
  ])("is forbidden on %s", (_n, source) => {
    expect(render(validatePersistentVolume(pv(patch(baseSpec, { nfs: undefined, ...source }), { annotations: ann })))).toEqual([
      "metadata.annotations.volume.beta.kubernetes.io/mount-options: Forbidden: may not specify mount options for this volume type",
    ]);
  });
});

describe("metadata of a PersistentVolume", () => {
  it("requires a name and forbids a namespace", () => {
    expect(render(validatePersistentVolume({ metadata: { namespace: "default" }, spec: baseSpec }))).toEqual([
      "metadata.name: Required value: name or generateName is required",
      "metadata.namespace: Forbidden: not allowed on this type",
    ]);
  });
  it("checks the name", () => {
    expect(render(validatePersistentVolume(pv(baseSpec, { name: "PV_1" })))).toEqual([
      `metadata.name: Invalid value: "PV_1": ${SUBDOMAIN}`,
    ]);
  });
});

describe("worked examples (aggregated messages)", () => {
  it("PV without a source", () => {
    const errs = validatePersistentVolume({
      metadata: { name: "data" },
      spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "80Gi" } },
    });
    expect(aggregateMessage(errs)).toBe("spec: Required value: must specify a volume type");
  });
  it("PV with empty capacity, no modes, hostPath / and Recycle", () => {
    const errs = validatePersistentVolume({
      metadata: { name: "data" },
      spec: { capacity: {}, accessModes: [], hostPath: { path: "/" }, persistentVolumeReclaimPolicy: "Recycle" },
    });
    expect(aggregateMessage(errs)).toBe(
      "[spec.accessModes: Required value, spec.capacity: Required value, spec.capacity: Unsupported value: {}: supported values: \"storage\", spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/']",
    );
  });
  it("an absent capacity renders null", () => {
    const errs = validatePersistentVolume({
      metadata: { name: "data" },
      spec: { accessModes: [], hostPath: { path: "/" }, persistentVolumeReclaimPolicy: "Recycle" },
    });
    expect(aggregateMessage(errs)).toContain('spec.capacity: Unsupported value: null: supported values: "storage"');
  });
  it("local volume without node affinity", () => {
    const errs = validatePersistentVolume(only({ local: { path: "/mnt/disks/ssd1" } }));
    expect(aggregateMessage(errs)).toBe("spec.nodeAffinity: Required value: Local volume requires node affinity");
  });
  it("RWOP with RWX", () => {
    expect(aggregateMessage(validatePersistentVolume(withSpec({ accessModes: ["ReadWriteOncePod", "ReadWriteMany"] })))).toBe(
      "spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes",
    );
  });
});

describe("feature gate VolumeAttributesClass", () => {
  const vacPv = only({ csi: { driver: "d", volumeHandle: "h" }, volumeAttributesClassName: "" });
  it("validates the class name when on (default)", () => {
    expect(render(validatePersistentVolume(vacPv))).toEqual([
      "spec.volumeAttributesClassName: Required value: an empty string is disallowed",
    ]);
  });
  it("drops the field when off", () => {
    expect(validatePersistentVolume(vacPv, { volumeAttributesClass: false })).toEqual([]);
  });
  it("ignores it without validation when off and not prepared", () => {
    expect(validatePersistentVolume(vacPv, { volumeAttributesClass: false, prepare: false })).toEqual([]);
  });
});

describe("inline spec mode (VolumeAttachment inline spec)", () => {
  it("accepts a CSI inline spec", () => {
    expect(
      validatePersistentVolumeSpec(
        { accessModes: ["ReadWriteOnce"], csi: { driver: "d", volumeHandle: "h" } },
        { inline: true, path: "spec.source.inlineVolumeSpec" },
      ),
    ).toEqual([]);
  });
  it("forbids the PV-only fields", () => {
    const errs = validatePersistentVolumeSpec(
      {
        claimRef: { name: "c" },
        capacity: { storage: "1Gi" },
        accessModes: ["ReadWriteOnce"],
        nfs: { server: "s", path: "/a" },
        persistentVolumeReclaimPolicy: "Delete",
        nodeAffinity: {},
        storageClassName: "x",
        volumeMode: "Block",
      },
      { inline: true, path: "s" },
    );
    expect(render(errs)).toEqual([
      "s.claimRef: Forbidden: may not be specified in the context of inline volumes",
      "s.capacity: Forbidden: may not be specified in the context of inline volumes",
      "s.csi: Required value: has to be specified in the context of inline volumes",
      "s.persistentVolumeReclaimPolicy: Forbidden: may only be Retain in the context of inline volumes",
      "s.nodeAffinity: Forbidden: may not be specified in the context of inline volumes",
      "s.storageClassName: Forbidden: may not be specified in the context of inline volumes",
      "s.volumeMode: Forbidden: may not specify volumeMode other than Filesystem in the context of inline volumes",
    ]);
  });
});

describe("validatePersistentVolumeUpdate (pkg/apis/core/validation/validation.go)", () => {
  const prev = pv(patch(baseSpec, { nodeAffinity: hostAffinity }), { resourceVersion: "7", uid: "u-1" });
  const next = (p: Spec, meta: Record<string, unknown> = {}) => pv(patch(prev.spec, p), { resourceVersion: "7", uid: "u-1", ...meta });

  it("accepts an unchanged volume", () => {
    expect(validatePersistentVolumeUpdate(next({}), prev)).toEqual([]);
  });
  it("lets capacity, access modes, reclaim policy, class, mount options and claimRef change", () => {
    const n = next({
      capacity: { storage: "20Gi" },
      accessModes: ["ReadWriteMany"],
      persistentVolumeReclaimPolicy: "Delete",
      storageClassName: "slow",
      mountOptions: ["hard"],
      claimRef: { namespace: "ns", name: "c" },
    });
    expect(validatePersistentVolumeUpdate(n, prev)).toEqual([]);
  });
  it("keeps the source immutable", () => {
    const errs = validatePersistentVolumeUpdate(next({ nfs: { server: "nfs.example.com", path: "/exports/b" } }), prev);
    expect(errs).toHaveLength(1);
    expect(errs[0]!.field).toBe("spec.persistentvolumesource");
    expect(errs[0]!.toString()).toMatch(
      /^spec\.persistentvolumesource: Forbidden: spec\.persistentvolumesource is immutable after creation\n/,
    );
    expect(errs[0]!.detail).toContain("/exports/b");
  });
  it("treats a plain field's zero value as unset but a pointer's not", () => {
    expect(validatePersistentVolumeUpdate(next({ nfs: { server: "nfs.example.com", path: "/exports/a", readOnly: false } }), prev)).toEqual(
      [],
    );
    const hp = pv({ ...baseSpec, nfs: undefined, hostPath: { path: "/a" } }, { resourceVersion: "1" });
    const hp2 = pv({ ...baseSpec, nfs: undefined, hostPath: { path: "/a", type: "" } }, { resourceVersion: "1" });
    expect(validatePersistentVolumeUpdate(hp2, hp).map((e) => e.field)).toEqual(["spec.persistentvolumesource"]);
  });
  it("allows setting the CSI controllerExpandSecretRef once", () => {
    const p = pv({ ...baseSpec, nfs: undefined, csi: { driver: "d", volumeHandle: "h" } }, { resourceVersion: "1" });
    const n = pv(
      { ...baseSpec, nfs: undefined, csi: { driver: "d", volumeHandle: "h", controllerExpandSecretRef: { name: "s", namespace: "ns" } } },
      { resourceVersion: "1" },
    );
    expect(validatePersistentVolumeUpdate(n, p)).toEqual([]);
    expect(validatePersistentVolumeUpdate(p, n).map((e) => e.field)).toEqual(["spec.persistentvolumesource"]);
  });
  it("keeps volumeMode immutable (bare path)", () => {
    expect(render(validatePersistentVolumeUpdate(next({ volumeMode: "Block" }), prev))).toEqual([
      'volumeMode: Invalid value: "Block": field is immutable',
    ]);
    expect(validatePersistentVolumeUpdate(next({ volumeMode: "Filesystem" }), prev)).toEqual([]);
  });
  it("renders an unset volumeMode as null without server defaulting", () => {
    const p = next({ volumeMode: "Block" });
    expect(render(validatePersistentVolumeUpdate(next({}), p, { prepare: false }))).toEqual([
      "volumeMode: Invalid value: null: field is immutable",
    ]);
  });
  it("keeps node affinity immutable except beta → GA labels", () => {
    const n = next({
      nodeAffinity: affinity([{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node-2"] }] }]),
    });
    expect(render(validatePersistentVolumeUpdate(n, prev))).toEqual([
      'nodeAffinity: Invalid value: {"Required":{"NodeSelectorTerms":[{"MatchExpressions":[{"Key":"kubernetes.io/hostname","Operator":"In","Values":["node-2"]}],"MatchFields":null}]}}: field is immutable, except for updating from beta label to GA',
    ]);
    const beta = next({
      nodeAffinity: affinity([{ matchExpressions: [{ key: "failure-domain.beta.kubernetes.io/zone", operator: "In", values: ["a"] }] }]),
    });
    const ga = next({
      nodeAffinity: affinity([{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["a"] }] }]),
    });
    expect(validatePersistentVolumeUpdate(ga, beta)).toEqual([]);
    expect(validatePersistentVolumeUpdate(beta, ga)).toHaveLength(1);
  });
  it("allows adding node affinity when there was none", () => {
    const p = pv(baseSpec, { resourceVersion: "1" });
    expect(validatePersistentVolumeUpdate(pv(patch(baseSpec, { nodeAffinity: hostAffinity }), { resourceVersion: "1" }), p)).toEqual([]);
  });
  it("forbids removing node affinity", () => {
    expect(render(validatePersistentVolumeUpdate(next({ nodeAffinity: undefined }), prev))).toEqual([
      "nodeAffinity: Invalid value: null: field is immutable, except for updating from beta label to GA",
    ]);
  });
  it("keeps tolerating invalid label values the old volume already had", () => {
    const bad = affinity([{ matchExpressions: [{ key: "a", operator: "In", values: ["-1"] }] }]);
    const p = pv(patch(baseSpec, { nodeAffinity: bad }), { resourceVersion: "1" });
    expect(validatePersistentVolume(p)).toHaveLength(1);
    expect(validatePersistentVolumeUpdate(p, p)).toEqual([]);
  });
  it("volumeAttributesClassName: no going back to unset; gate off forbids changes", () => {
    const csiSpec = { ...baseSpec, nfs: undefined, csi: { driver: "d", volumeHandle: "h" } };
    const withVac = pv({ ...csiSpec, volumeAttributesClassName: "gold" }, { resourceVersion: "1" });
    const without = pv(csiSpec, { resourceVersion: "1" });
    expect(render(validatePersistentVolumeUpdate(without, withVac))).toEqual([
      "spec.volumeAttributesClassName: Forbidden: update from non-nil value to nil is forbidden",
    ]);
    expect(
      validatePersistentVolumeUpdate(pv({ ...csiSpec, volumeAttributesClassName: "silver" }, { resourceVersion: "1" }), withVac),
    ).toEqual([]);
    expect(
      render(
        validatePersistentVolumeUpdate(pv({ ...csiSpec, volumeAttributesClassName: "silver" }, { resourceVersion: "1" }), withVac, {
          volumeAttributesClass: false,
        }),
      ),
    ).toEqual(["spec.volumeAttributesClassName: Forbidden: update is forbidden when the VolumeAttributesClass feature gate is disabled"]);
  });
  it("runs create validation twice (causes repeat, the message does not)", () => {
    const errs = validatePersistentVolumeUpdate(next({ storageClassName: "Bad" }), prev);
    expect(render(errs)).toEqual([
      `spec.storageClassName: Invalid value: "Bad": ${SUBDOMAIN}`,
      `spec.storageClassName: Invalid value: "Bad": ${SUBDOMAIN}`,
    ]);
    expect(aggregateMessage(errs)).toBe(`spec.storageClassName: Invalid value: "Bad": ${SUBDOMAIN}`);
  });
  it("checks the metadata update rules", () => {
    expect(render(validatePersistentVolumeUpdate(next({}, { name: "pv2", resourceVersion: "" }), prev))).toEqual([
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
      'metadata.name: Invalid value: "pv2": field is immutable',
    ]);
  });
});

describe("validatePersistentVolumeStatusUpdate (pkg/apis/core/validation/validation.go)", () => {
  const prev = pv(baseSpec, { resourceVersion: "3" });
  it("accepts any phase", () => {
    expect(validatePersistentVolumeStatusUpdate({ ...prev, status: { phase: "Whatever" } }, prev)).toEqual([]);
  });
  it("requires a resourceVersion", () => {
    const errs = validatePersistentVolumeStatusUpdate(pv(baseSpec), prev);
    expect(render(errs)).toContain("resourceVersion: Required value");
    expect(aggregateMessage(errs)).toBe(
      '[metadata.resourceVersion: Invalid value: "": must be specified for an update, resourceVersion: Required value]',
    );
  });
  it("ignores spec problems", () => {
    expect(validatePersistentVolumeStatusUpdate(pv({}, { resourceVersion: "3" }), prev)).toEqual([]);
  });
});

describe("cleanPath (Go path.Clean)", () => {
  it.each([
    ["", "."],
    ["/", "/"],
    ["/a/..", "/"],
    ["//a//b/./", "/a/b"],
    ["../a", "../a"],
    ["a/../..", ".."],
    ["/../x", "/x"],
  ])("%s → %s", (input, out) => {
    expect(cleanPath(input)).toBe(out);
  });
});
