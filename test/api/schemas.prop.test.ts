import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseObject,
  PersistentVolumeClaimSchema,
  PersistentVolumeSchema,
  StorageClassSchema,
  QuantitySchema,
  numberToQuantityText,
} from "../../src/api/index.js";
import { parseQuantity } from "../../src/quantity/index.js";

// ---- generators of well-formed objects (every known field, plus unknown ones) ----

type Arb<T> = fc.Arbitrary<T>;

/** A record whose keys are all optional. */
function partial<T extends Record<string, unknown>>(model: { [K in keyof T]: Arb<T[K]> }): Arb<Partial<T>> {
  return fc.record(model, { requiredKeys: [] }) as Arb<Partial<T>>;
}

/** Add unknown fields (prefixed so they never collide with known ones). */
function withExtras<T extends object>(arb: Arb<T>): Arb<T> {
  const extras = plain(
    fc.dictionary(
      fc.string({ minLength: 1, maxLength: 6 }).map((k) => `x-${k}`),
      fc.jsonValue({ maxDepth: 2 }),
      {
        maxKeys: 2,
      },
    ),
  );
  return fc.tuple(arb, extras).map(([o, x]) => ({ ...x, ...o }));
}

const str = fc.string({ maxLength: 8 });
const bool = fc.boolean();
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const strings = fc.array(str, { maxLength: 3 });
/** Dictionaries as plain objects (fast-check may build them without a prototype). */
function plain<T>(arb: Arb<Record<string, T>>): Arb<Record<string, T>> {
  return arb.map((d) => Object.fromEntries(Object.entries(d)));
}
const stringMap = plain(
  fc.dictionary(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom("__proto__", "constructor")), str, { maxKeys: 3 }),
);
const quantity = fc
  .tuple(fc.integer({ min: 0, max: 99999 }), fc.constantFrom("", "Ki", "Mi", "Gi", "Ti", "k", "M", "G", "T", "m", "E"))
  .map(([n, s]) => `${n}${s}`);
const resourceList = plain(fc.dictionary(fc.constantFrom("storage", "cpu", "memory", "example.com/foo"), quantity, { maxKeys: 3 }));
const time = fc.oneof(
  fc
    .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }),
);
const nullable = <T>(arb: Arb<T>) => fc.option(arb, { nil: null });

const objectMeta = withExtras(
  partial({
    name: str,
    generateName: str,
    namespace: str,
    selfLink: str,
    uid: str,
    resourceVersion: str,
    generation: fc.nat(),
    creationTimestamp: nullable(time),
    deletionTimestamp: nullable(time),
    deletionGracePeriodSeconds: nullable(fc.nat()),
    labels: stringMap,
    annotations: stringMap,
    ownerReferences: fc.array(
      withExtras(
        fc.record(
          { apiVersion: str, kind: str, name: str, uid: str, controller: nullable(bool), blockOwnerDeletion: nullable(bool) },
          {
            requiredKeys: ["apiVersion", "kind", "name", "uid"],
          },
        ),
      ),
      { maxLength: 2 },
    ),
    finalizers: strings,
    managedFields: fc.array(
      withExtras(
        partial({
          manager: str,
          operation: str,
          apiVersion: str,
          time: nullable(time),
          fieldsType: str,
          fieldsV1: fc.constant({ "f:spec": {} }),
          subresource: str,
        }),
      ),
      { maxLength: 2 },
    ),
  }),
);

const secretRef = withExtras(partial({ name: str, namespace: str }));
const objectRef = withExtras(
  partial({ kind: str, namespace: str, name: str, uid: str, apiVersion: str, resourceVersion: str, fieldPath: str }),
);
const requirement = withExtras(fc.record({ key: str, operator: str, values: nullable(strings) }, { requiredKeys: ["key", "operator"] }));
const nodeSelector = withExtras(
  fc.record({
    nodeSelectorTerms: fc.array(
      withExtras(
        partial({
          matchExpressions: nullable(fc.array(requirement, { maxLength: 2 })),
          matchFields: nullable(fc.array(requirement, { maxLength: 1 })),
        }),
      ),
      { maxLength: 2 },
    ),
  }),
);
const labelSelector = withExtras(
  partial({ matchLabels: nullable(stringMap), matchExpressions: nullable(fc.array(requirement, { maxLength: 2 })) }),
);

const sources = {
  hostPath: withExtras(
    fc.record({ path: str, type: nullable(fc.constantFrom("", "Directory", "DirectoryOrCreate")) }, { requiredKeys: ["path"] }),
  ),
  gcePersistentDisk: withExtras(fc.record({ pdName: str, fsType: str, partition: int32, readOnly: bool }, { requiredKeys: ["pdName"] })),
  awsElasticBlockStore: withExtras(
    fc.record({ volumeID: str, fsType: str, partition: int32, readOnly: bool }, { requiredKeys: ["volumeID"] }),
  ),
  glusterfs: withExtras(
    fc.record({ endpoints: str, path: str, readOnly: bool, endpointsNamespace: nullable(str) }, { requiredKeys: ["endpoints", "path"] }),
  ),
  flocker: withExtras(partial({ datasetName: str, datasetUUID: str })),
  nfs: withExtras(fc.record({ server: str, path: str, readOnly: bool }, { requiredKeys: ["server", "path"] })),
  rbd: withExtras(
    fc.record(
      { monitors: strings, image: str, fsType: str, pool: str, user: str, keyring: str, secretRef: nullable(secretRef), readOnly: bool },
      { requiredKeys: ["monitors", "image"] },
    ),
  ),
  quobyte: withExtras(
    fc.record({ registry: str, volume: str, readOnly: bool, user: str, group: str, tenant: str }, { requiredKeys: ["registry", "volume"] }),
  ),
  cephfs: withExtras(
    fc.record(
      { monitors: strings, path: str, user: str, secretFile: str, secretRef: nullable(secretRef), readOnly: bool },
      { requiredKeys: ["monitors"] },
    ),
  ),
  iscsi: withExtras(
    fc.record(
      {
        targetPortal: str,
        iqn: str,
        lun: int32,
        iscsiInterface: str,
        fsType: str,
        readOnly: bool,
        portals: strings,
        chapAuthDiscovery: bool,
        chapAuthSession: bool,
        secretRef: nullable(secretRef),
        initiatorName: nullable(str),
      },
      { requiredKeys: ["targetPortal", "iqn", "lun"] },
    ),
  ),
  cinder: withExtras(
    fc.record({ volumeID: str, fsType: str, readOnly: bool, secretRef: nullable(secretRef) }, { requiredKeys: ["volumeID"] }),
  ),
  fc: withExtras(partial({ targetWWNs: strings, lun: nullable(int32), fsType: str, readOnly: bool, wwids: strings })),
  flexVolume: withExtras(
    fc.record(
      { driver: str, fsType: str, secretRef: nullable(secretRef), readOnly: bool, options: stringMap },
      { requiredKeys: ["driver"] },
    ),
  ),
  azureFile: withExtras(
    fc.record(
      { secretName: str, shareName: str, readOnly: bool, secretNamespace: nullable(str) },
      { requiredKeys: ["secretName", "shareName"] },
    ),
  ),
  vsphereVolume: withExtras(
    fc.record({ volumePath: str, fsType: str, storagePolicyName: str, storagePolicyID: str }, { requiredKeys: ["volumePath"] }),
  ),
  photonPersistentDisk: withExtras(fc.record({ pdID: str, fsType: str }, { requiredKeys: ["pdID"] })),
  portworxVolume: withExtras(fc.record({ volumeID: str, fsType: str, readOnly: bool }, { requiredKeys: ["volumeID"] })),
  azureDisk: withExtras(
    fc.record(
      { diskName: str, diskURI: str, cachingMode: nullable(str), fsType: nullable(str), readOnly: nullable(bool), kind: nullable(str) },
      { requiredKeys: ["diskName", "diskURI"] },
    ),
  ),
  scaleIO: withExtras(
    fc.record(
      {
        gateway: str,
        system: str,
        secretRef: nullable(secretRef),
        sslEnabled: bool,
        protectionDomain: str,
        storagePool: str,
        storageMode: str,
        volumeName: str,
        fsType: str,
        readOnly: bool,
      },
      { requiredKeys: ["gateway", "system"] },
    ),
  ),
  local: withExtras(fc.record({ path: str, fsType: nullable(str) }, { requiredKeys: ["path"] })),
  storageos: withExtras(partial({ volumeName: str, volumeNamespace: str, fsType: str, readOnly: bool, secretRef: nullable(objectRef) })),
  csi: withExtras(
    fc.record(
      {
        driver: str,
        volumeHandle: str,
        readOnly: bool,
        fsType: str,
        volumeAttributes: stringMap,
        controllerPublishSecretRef: nullable(secretRef),
        nodeStageSecretRef: nullable(secretRef),
        nodePublishSecretRef: nullable(secretRef),
        controllerExpandSecretRef: nullable(secretRef),
        nodeExpandSecretRef: nullable(secretRef),
      },
      { requiredKeys: ["driver", "volumeHandle"] },
    ),
  ),
};

const accessModes = fc.array(fc.constantFrom("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod", "bogus"), {
  maxLength: 4,
});

const persistentVolume = withExtras(
  fc.record(
    {
      apiVersion: fc.constant("v1" as const),
      kind: fc.constant("PersistentVolume" as const),
      metadata: objectMeta,
      spec: withExtras(
        fc.record(
          {
            capacity: resourceList,
            accessModes,
            claimRef: nullable(objectRef),
            persistentVolumeReclaimPolicy: fc.constantFrom("Retain", "Delete", "Recycle"),
            storageClassName: str,
            mountOptions: strings,
            volumeMode: nullable(fc.constantFrom("Filesystem", "Block")),
            nodeAffinity: nullable(withExtras(partial({ required: nullable(nodeSelector) }))),
            volumeAttributesClassName: nullable(str),
            ...Object.fromEntries(Object.entries(sources).map(([k, v]) => [k, nullable(v as Arb<unknown>)])),
          },
          { requiredKeys: [] },
        ),
      ),
      status: withExtras(
        partial({
          phase: fc.constantFrom("Pending", "Available", "Bound", "Released", "Failed"),
          message: str,
          reason: str,
          lastPhaseTransitionTime: nullable(time),
        }),
      ),
    },
    { requiredKeys: ["metadata", "spec"] },
  ),
);

const typedRef = withExtras(fc.record({ apiGroup: nullable(str), kind: str, name: str }, { requiredKeys: ["kind", "name"] }));
const persistentVolumeClaim = withExtras(
  fc.record(
    {
      apiVersion: fc.constant("v1" as const),
      kind: fc.constant("PersistentVolumeClaim" as const),
      metadata: objectMeta,
      spec: withExtras(
        partial({
          accessModes,
          selector: nullable(labelSelector),
          resources: withExtras(partial({ limits: resourceList, requests: resourceList })),
          volumeName: str,
          storageClassName: nullable(str),
          volumeMode: nullable(fc.constantFrom("Filesystem", "Block")),
          dataSource: nullable(typedRef),
          dataSourceRef: nullable(fc.tuple(typedRef, nullable(str)).map(([r, namespace]) => ({ ...r, namespace }))),
          volumeAttributesClassName: nullable(str),
        }),
      ),
      status: withExtras(
        partial({
          phase: fc.constantFrom("Pending", "Bound", "Lost"),
          accessModes,
          capacity: resourceList,
          conditions: fc.array(
            withExtras(
              fc.record(
                {
                  type: fc.constantFrom("Resizing", "FileSystemResizePending"),
                  status: fc.constantFrom("True", "False"),
                  lastProbeTime: nullable(time),
                  lastTransitionTime: nullable(time),
                  reason: str,
                  message: str,
                },
                { requiredKeys: ["type", "status"] },
              ),
            ),
            { maxLength: 2 },
          ),
          allocatedResources: resourceList,
          allocatedResourceStatuses: plain(
            fc.dictionary(fc.constantFrom("storage", "x"), fc.constantFrom("NodeResizePending", "ControllerResizeInProgress"), {
              maxKeys: 2,
            }),
          ),
          currentVolumeAttributesClassName: nullable(str),
          modifyVolumeStatus: nullable(
            withExtras(
              fc.record(
                { targetVolumeAttributesClassName: str, status: fc.constantFrom("Pending", "InProgress", "Infeasible") },
                { requiredKeys: ["status"] },
              ),
            ),
          ),
        }),
      ),
    },
    { requiredKeys: ["metadata", "spec"] },
  ),
);

const storageClass = withExtras(
  fc.record(
    {
      apiVersion: fc.constant("storage.k8s.io/v1" as const),
      kind: fc.constant("StorageClass" as const),
      metadata: objectMeta,
      provisioner: str,
      parameters: stringMap,
      reclaimPolicy: nullable(fc.constantFrom("Delete", "Retain")),
      mountOptions: strings,
      allowVolumeExpansion: nullable(bool),
      volumeBindingMode: nullable(fc.constantFrom("Immediate", "WaitForFirstConsumer")),
      allowedTopologies: fc.array(
        withExtras(
          partial({ matchLabelExpressions: nullable(fc.array(withExtras(fc.record({ key: str, values: strings })), { maxLength: 2 })) }),
        ),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ["metadata", "provisioner"] },
  ),
);

// ---- properties ----

describe("schema parse keeps every field (round trip)", () => {
  it("PersistentVolume", () => {
    fc.assert(
      fc.property(persistentVolume, (pv) => {
        const snapshot = structuredClone(pv);
        expect(PersistentVolumeSchema.parse(pv)).toStrictEqual(pv);
        expect(pv).toStrictEqual(snapshot);
      }),
      { numRuns: 60 },
    );
  });

  it("PersistentVolumeClaim", () => {
    fc.assert(
      fc.property(persistentVolumeClaim, (pvc) => {
        expect(PersistentVolumeClaimSchema.parse(pvc)).toStrictEqual(pvc);
      }),
      { numRuns: 100 },
    );
  });

  it("StorageClass", () => {
    fc.assert(
      fc.property(storageClass, (sc) => {
        expect(StorageClassSchema.parse(sc)).toStrictEqual(sc);
      }),
      { numRuns: 100 },
    );
  });

  it("parseObject of a List of mixed kinds", () => {
    const typed = fc.oneof(
      persistentVolume.map((o) => ({ ...o, apiVersion: "v1", kind: "PersistentVolume" })),
      persistentVolumeClaim.map((o) => ({ ...o, apiVersion: "v1", kind: "PersistentVolumeClaim" })),
      storageClass.map((o) => ({ ...o, apiVersion: "storage.k8s.io/v1", kind: "StorageClass" })),
    );
    fc.assert(
      fc.property(fc.array(typed, { maxLength: 4 }), (items) => {
        const list = { apiVersion: "v1", kind: "List", items };
        expect(parseObject(list)).toStrictEqual(list);
      }),
      { numRuns: 40 },
    );
  });
});

describe("numeric quantities", () => {
  it("a finite number becomes text with the same value (up to the nano rounding of quantities)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 }), (n) => {
        const text = QuantitySchema.parse(n);
        expect(text).toBe(numberToQuantityText(n));
        expect(text).not.toMatch(/[eE]/);
        expect(Number(text)).toBe(n === 0 ? 0 : n);
        parseQuantity(text); // never throws
      }),
      { numRuns: 500 },
    );
  });

  it("a safe integer becomes its exact decimal text", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(numberToQuantityText(n)).toBe(BigInt(n).toString());
        expect(parseQuantity(numberToQuantityText(n)).value()).toBe(BigInt(n));
      }),
      { numRuns: 300 },
    );
  });
});
