import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FieldError,
  aggregateMessage,
  persistentVolumeClaimWarnings,
  persistentVolumeWarnings,
  storageClassWarnings,
  toStatus,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimStatusUpdate,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeStatusUpdate,
  validatePersistentVolumeUpdate,
  validateStorageClass,
  validateStorageClassUpdate,
} from "../../src/validation/index.js";
import { ACCESS_MODES, SUBDOMAIN } from "./messages.js";

type Obj = Record<string, any>;
const RUNS = { numRuns: 150 };

// ---------- generators of valid objects ----------
const dnsLabel = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/);
const dnsSubdomain = fc.array(dnsLabel, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("."));
const labelValue = fc.stringMatching(/^([A-Za-z0-9]([A-Za-z0-9_.-]{0,10}[A-Za-z0-9])?)?$/);
const labelKey = fc
  .tuple(fc.option(dnsSubdomain, { nil: undefined }), fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9_.-]{0,10}[A-Za-z0-9])?$/))
  .map(([p, n]) => (p ? `${p}/${n}` : n));
const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 3 });
const storage = fc.oneof(
  fc.integer({ min: 1, max: 2 ** 40 }).map(String),
  fc.integer({ min: 1, max: 4096 }).map((n) => `${n}Gi`),
  fc.integer({ min: 1, max: 999 }).map((n) => `${n}G`),
  fc.integer({ min: 1, max: 2 ** 30 }),
);
const modes = fc.oneof(
  fc.subarray(["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"], { minLength: 1 }),
  fc.constant(["ReadWriteOncePod"]),
);
const absPath = fc.array(dnsLabel, { minLength: 1, maxLength: 3 }).map((p) => "/" + p.join("/"));
const hostAffinity = dnsSubdomain.map((node) => ({
  required: {
    nodeSelectorTerms: [
      { matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [node.slice(0, 60).replace(/[.-]+$/, "") || "n"] }] },
    ],
  },
}));
const source = fc.oneof(
  fc.record({ nfs: fc.record({ server: dnsSubdomain, path: absPath, readOnly: fc.boolean() }) }),
  fc.record({ hostPath: fc.record({ path: absPath, type: fc.constantFrom("", "Directory", "DirectoryOrCreate") }) }),
  fc.record({
    csi: fc.record({
      driver: dnsSubdomain.map((d) => d.slice(0, 63).replace(/[.-]+$/, "") || "d"),
      volumeHandle: fc.string({ minLength: 1, maxLength: 20 }),
    }),
  }),
  fc.record({ local: fc.record({ path: absPath }), nodeAffinity: hostAffinity }),
  fc.record({
    iscsi: fc.record({
      targetPortal: fc.constant("10.0.0.1:3260"),
      iqn: fc.constant("iqn.2015-02.example.com:disk"),
      lun: fc.integer({ min: 0, max: 255 }),
    }),
  }),
  fc.record({ fc: fc.record({ wwids: fc.array(fc.stringMatching(/^[0-9a-f]{4,8}$/), { minLength: 1, maxLength: 2 }) }) }),
);
const validPv: fc.Arbitrary<Obj> = fc
  .record({
    name: dnsSubdomain,
    labels,
    accessModes: modes,
    storage,
    reclaim: fc.constantFrom(undefined, "Retain", "Delete"),
    className: fc.option(dnsSubdomain, { nil: undefined }),
    volumeMode: fc.constantFrom(undefined, "Filesystem", "Block"),
    source,
    vac: fc.option(dnsSubdomain, { nil: undefined }),
  })
  .map((g) => {
    const spec: Obj = { accessModes: g.accessModes, capacity: { storage: g.storage }, ...g.source };
    if (g.reclaim) spec.persistentVolumeReclaimPolicy = g.reclaim;
    if (g.className !== undefined) spec.storageClassName = g.className;
    if (g.volumeMode) spec.volumeMode = g.volumeMode;
    if (g.vac !== undefined && spec.csi) spec.volumeAttributesClassName = g.vac;
    return { apiVersion: "v1", kind: "PersistentVolume", metadata: { name: g.name, labels: g.labels }, spec };
  });

const selector = fc.record(
  {
    matchLabels: labels,
    matchExpressions: fc.array(
      fc.oneof(
        fc.record({
          key: labelKey,
          operator: fc.constantFrom("In", "NotIn"),
          values: fc.array(labelValue, { minLength: 1, maxLength: 3 }),
        }),
        fc.record({ key: labelKey, operator: fc.constantFrom("Exists", "DoesNotExist") }),
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
);
const validPvc: fc.Arbitrary<Obj> = fc
  .record({
    name: dnsSubdomain,
    namespace: dnsLabel,
    accessModes: modes,
    storage,
    className: fc.constantFrom<string | null | undefined>(undefined, null, "", "fast", "standard.example.com"),
    volumeMode: fc.constantFrom(undefined, "Filesystem", "Block"),
    selector: fc.option(selector, { nil: undefined }),
    dataSource: fc.option(fc.record({ kind: fc.constant("PersistentVolumeClaim"), name: dnsSubdomain }), { nil: undefined }),
  })
  .map((g) => {
    const spec: Obj = { accessModes: g.accessModes, resources: { requests: { storage: g.storage } } };
    if (g.className !== undefined) spec.storageClassName = g.className;
    if (g.volumeMode) spec.volumeMode = g.volumeMode;
    if (g.selector) spec.selector = g.selector;
    if (g.dataSource) spec.dataSource = g.dataSource;
    return { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: g.name, namespace: g.namespace }, spec };
  });

const validSc: fc.Arbitrary<Obj> = fc
  .record({
    name: dnsSubdomain,
    provisioner: labelKey,
    parameters: fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 4 }), {
      nil: undefined,
    }),
    reclaimPolicy: fc.constantFrom(undefined, "Delete", "Retain"),
    volumeBindingMode: fc.constantFrom(undefined, "Immediate", "WaitForFirstConsumer"),
    zones: fc.uniqueArray(dnsLabel, { maxLength: 3 }),
    allowVolumeExpansion: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((g) => {
    const sc: Obj = { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: g.name }, provisioner: g.provisioner };
    if (g.parameters) sc.parameters = g.parameters;
    if (g.reclaimPolicy) sc.reclaimPolicy = g.reclaimPolicy;
    if (g.volumeBindingMode) sc.volumeBindingMode = g.volumeBindingMode;
    if (g.zones.length > 0)
      sc.allowedTopologies = g.zones.map((z) => ({ matchLabelExpressions: [{ key: "topology.kubernetes.io/zone", values: [z] }] }));
    if (g.allowVolumeExpansion !== undefined) sc.allowVolumeExpansion = g.allowVolumeExpansion;
    return sc;
  });

const render = (errs: FieldError[]) => errs.map(String);

describe("valid objects produce no errors", () => {
  it("PersistentVolume", () => {
    fc.assert(
      fc.property(validPv, (pv) => {
        expect(render(validatePersistentVolume(pv))).toEqual([]);
      }),
      RUNS,
    );
  });
  it("PersistentVolumeClaim", () => {
    fc.assert(
      fc.property(validPvc, (pvc) => {
        expect(render(validatePersistentVolumeClaim(pvc))).toEqual([]);
      }),
      RUNS,
    );
  });
  it("StorageClass", () => {
    fc.assert(
      fc.property(validSc, (sc) => {
        expect(render(validateStorageClass(sc))).toEqual([]);
      }),
      RUNS,
    );
  });
  it("an unchanged object is a valid update", () => {
    const withRv = (o: Obj) => ({ ...o, metadata: { ...o.metadata, resourceVersion: "1" } });
    fc.assert(
      fc.property(validPv, validPvc, validSc, fc.constantFrom("Pending", "Bound"), (pv, pvc, sc, phase) => {
        expect(render(validatePersistentVolumeUpdate(withRv(pv), withRv(pv)))).toEqual([]);
        const claim = { ...withRv(pvc), status: { phase } };
        expect(render(validatePersistentVolumeClaimUpdate(claim, claim))).toEqual([]);
        expect(render(validateStorageClassUpdate(withRv(sc), withRv(sc)))).toEqual([]);
        expect(render(validatePersistentVolumeStatusUpdate(withRv(pv), withRv(pv)))).toEqual([]);
        expect(render(validatePersistentVolumeClaimStatusUpdate(claim, claim))).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
  it("a bound claim may grow", () => {
    fc.assert(
      fc.property(validPvc, fc.integer({ min: 1, max: 1000 }), (pvc, extraGi) => {
        const prev: Obj = { ...pvc, metadata: { ...pvc.metadata, resourceVersion: "1" }, status: { phase: "Bound" } };
        const next = structuredClone(prev);
        next.spec.resources.requests.storage = `${4096 + extraGi}Ti`;
        expect(render(validatePersistentVolumeClaimUpdate(next, prev))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

// ---------- single mutations break exactly one rule ----------
interface Mutation {
  name: string;
  apply(o: Obj): void;
  expected(o: Obj): string[];
}
const pvMutations: Mutation[] = [
  { name: "no access modes", apply: (o) => (o.spec.accessModes = []), expected: () => ["spec.accessModes: Required value"] },
  {
    name: "bogus access mode",
    apply: (o) => o.spec.accessModes.push("Bogus"),
    expected: () => [`spec.accessModes: Unsupported value: "Bogus": ${ACCESS_MODES}`],
  },
  {
    name: "zero capacity",
    apply: (o) => (o.spec.capacity.storage = "0"),
    expected: () => ['spec.capacity[storage]: Invalid value: "0": must be greater than zero'],
  },
  {
    name: "empty capacity",
    apply: (o) => (o.spec.capacity = {}),
    expected: () => ["spec.capacity: Required value", 'spec.capacity: Unsupported value: {}: supported values: "storage"'],
  },
  {
    name: "bad reclaim policy",
    apply: (o) => (o.spec.persistentVolumeReclaimPolicy = "Keep"),
    expected: () => ['spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"'],
  },
  {
    name: "bad class",
    apply: (o) => (o.spec.storageClassName = "Not_Valid"),
    expected: () => [`spec.storageClassName: Invalid value: "Not_Valid": ${SUBDOMAIN}`],
  },
  {
    name: "bad volume mode",
    apply: (o) => (o.spec.volumeMode = "Raw"),
    expected: () => ['spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"'],
  },
  {
    name: "bad name",
    apply: (o) => (o.metadata.name = "Bad_Name"),
    expected: () => [`metadata.name: Invalid value: "Bad_Name": ${SUBDOMAIN}`],
  },
  {
    name: "namespace",
    apply: (o) => (o.metadata.namespace = "default"),
    expected: () => ["metadata.namespace: Forbidden: not allowed on this type"],
  },
  {
    name: "no source",
    apply: (o) => {
      for (const k of ["nfs", "hostPath", "csi", "local", "iscsi", "fc", "volumeAttributesClassName"]) delete o.spec[k];
    },
    expected: () => ["spec: Required value: must specify a volume type"],
  },
  {
    name: "second source",
    apply: (o) => {
      if (o.spec.csi) o.spec.storageos = { volumeName: "v" };
      else o.spec.csi = { driver: "d.example.com", volumeHandle: "h" };
    },
    expected: () => ["spec.csi: Forbidden: may not specify more than 1 volume type"],
  },
];
const pvcMutations: Mutation[] = [
  {
    name: "no access modes",
    apply: (o) => (o.spec.accessModes = []),
    expected: () => ["spec.accessModes: Required value: at least 1 access mode is required"],
  },
  {
    name: "zero request",
    apply: (o) => (o.spec.resources.requests.storage = "0"),
    expected: () => ['spec.resources[storage]: Invalid value: "0": must be greater than zero'],
  },
  { name: "no request", apply: (o) => delete o.spec.resources.requests, expected: () => ["spec.resources[storage]: Required value"] },
  {
    name: "bad class",
    apply: (o) => (o.spec.storageClassName = "Bad_Class"),
    expected: () => [`spec.storageClassName: Invalid value: "Bad_Class": ${SUBDOMAIN}`],
  },
  {
    name: "bad volume mode",
    apply: (o) => (o.spec.volumeMode = "Raw"),
    expected: () => ['spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"'],
  },
  { name: "no namespace", apply: (o) => delete o.metadata.namespace, expected: () => ["metadata.namespace: Required value"] },
  {
    name: "In without values",
    apply: (o) => {
      o.spec.selector ??= {};
      o.spec.selector.matchExpressions ??= [];
      o.spec.selector.matchExpressions.push({ key: "tier", operator: "In" });
    },
    expected: (o) => [
      `spec.selector.matchExpressions[${o.spec.selector.matchExpressions.length - 1}].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
    ],
  },
];
const scMutations: Mutation[] = [
  { name: "no provisioner", apply: (o) => (o.provisioner = ""), expected: () => ["provisioner: Required value"] },
  {
    name: "Recycle",
    apply: (o) => (o.reclaimPolicy = "Recycle"),
    expected: () => ['reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"'],
  },
  {
    name: "bad binding mode",
    apply: (o) => (o.volumeBindingMode = "Sometimes"),
    expected: () => ['volumeBindingMode: Unsupported value: "Sometimes": supported values: "Immediate", "WaitForFirstConsumer"'],
  },
  {
    name: "empty parameter key",
    apply: (o) => (o.parameters = { ...(o.parameters ?? {}), "": "x" }),
    expected: () => ['parameters: Invalid value: "": field can not be empty.'],
  },
  {
    name: "empty topology term",
    apply: (o) => (o.allowedTopologies = [{}]),
    expected: () => ['allowedTopologies[0].matchLabelExpressions: Duplicate value: ""'],
  },
];

function mutationProperty(gen: fc.Arbitrary<Obj>, mutations: Mutation[], validate: (o: unknown) => FieldError[]) {
  fc.assert(
    fc.property(gen, fc.constantFrom(...mutations), (valid, m) => {
      const o = structuredClone(valid);
      m.apply(o);
      expect(render(validate(o)), m.name).toEqual(m.expected(o));
    }),
    { numRuns: 200 },
  );
}

describe("a single mutation gives exactly its error", () => {
  it("PersistentVolume", () => mutationProperty(validPv, pvMutations, (o) => validatePersistentVolume(o)));
  it("PersistentVolumeClaim", () => mutationProperty(validPvc, pvcMutations, (o) => validatePersistentVolumeClaim(o)));
  it("StorageClass", () => mutationProperty(validSc, scMutations, (o) => validateStorageClass(o)));
});

// ---------- garbage never throws ----------
function everything(a: unknown, b: unknown): unknown[] {
  return [
    validatePersistentVolume(a),
    validatePersistentVolumeUpdate(a, b),
    validatePersistentVolumeStatusUpdate(a, b),
    validatePersistentVolumeClaim(a),
    validatePersistentVolumeClaimUpdate(a, b),
    validatePersistentVolumeClaimStatusUpdate(a, b),
    validateStorageClass(a),
    validateStorageClassUpdate(a, b),
    validateObjectMeta(a, true),
    validateObjectMetaUpdate(a, b),
  ];
}

function checkResults(results: unknown[]): void {
  for (const r of results) {
    expect(Array.isArray(r)).toBe(true);
    for (const e of r as FieldError[]) {
      expect(e).toBeInstanceOf(FieldError);
      expect(typeof e.toString()).toBe("string");
    }
    aggregateMessage(r as FieldError[]);
    JSON.stringify(toStatus(r as FieldError[], "PersistentVolume", "x"));
  }
}

/** Replace the value at one (randomly chosen) path of a valid object by random JSON. */
function corrupt(obj: Obj, pick: number, value: unknown): Obj {
  const copy = structuredClone(obj);
  const slots: [Obj, string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => (slots.push([v as unknown as Obj, i]), walk(x)));
    else if (v && typeof v === "object") for (const k of Object.keys(v)) slots.push([v as Obj, k]), walk((v as Obj)[k]);
  };
  walk(copy);
  if (slots.length === 0) return copy;
  const [parent, key] = slots[pick % slots.length]!;
  parent[key as string] = value;
  return copy;
}

describe("garbage never makes a validator throw", () => {
  it("random JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), (a, b) => {
        checkResults(everything(a, b));
        persistentVolumeWarnings(a);
        persistentVolumeClaimWarnings(a);
        storageClassWarnings(a);
      }),
      { numRuns: 150 },
    );
  });
  it("random JavaScript values", () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), fc.anything({ maxDepth: 3 }), (a, b) => {
        checkResults(everything(a, b));
      }),
      { numRuns: 100 },
    );
  });
  it("valid objects with one field replaced by random JSON", () => {
    const any = fc.oneof(validPv, validPvc, validSc);
    fc.assert(
      fc.property(any, any, fc.nat(), fc.jsonValue({ maxDepth: 3 }), (a, b, pick, value) => {
        const broken = corrupt(a, pick, value);
        checkResults(everything(broken, b));
        checkResults(everything(a, broken));
        persistentVolumeWarnings(broken);
        persistentVolumeClaimWarnings(broken);
        storageClassWarnings(broken);
      }),
      { numRuns: 150 },
    );
  });
  it("inputs are never modified", () => {
    fc.assert(
      fc.property(validPv, validPvc, (pv, pvc) => {
        const a = structuredClone(pv);
        const b = structuredClone(pvc);
        everything(pv, pvc);
        everything(pvc, pv);
        expect(pv).toEqual(a);
        expect(pvc).toEqual(b);
      }),
      { numRuns: 60 },
    );
  });
});

describe("hostile JavaScript input", () => {
  it("cyclic objects and prototype-named keys do not crash", () => {
    const cyc: Obj = { server: "s", path: "/a" };
    cyc.self = cyc;
    const pv = {
      metadata: {
        name: "p",
        resourceVersion: "1",
        ownerReferences: [{ apiVersion: "v1", kind: "Event", name: "e", uid: "u", extra: cyc }],
      },
      spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, nfs: cyc },
    };
    const other = structuredClone(pv);
    checkResults(everything(pv, other));
    checkResults(everything(other, pv));
    expect(
      validatePersistentVolume({ metadata: { name: "toString" }, spec: { capacity: { toString: "1" }, constructor: {} } }).length,
    ).toBeGreaterThan(0);
    expect(toStatus([], "toString", "x").message).toBe('toString "x" is invalid');
  });
});
