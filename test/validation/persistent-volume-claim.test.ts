import { describe, expect, it } from "vitest";
import {
  aggregateMessage,
  normalizeDataSources,
  prepareClaimSpec,
  defaultValidationOptions,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimStatusUpdate,
  validatePersistentVolumeClaimUpdate,
  uniqueErrors,
} from "../../src/validation/index.js";
import { ACCESS_MODES, LABEL, LABEL_VALUE, NAME_PART, patch, render, SUBDOMAIN } from "./messages.js";

type Spec = Record<string, unknown>;
const baseSpec: Spec = { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } }, storageClassName: "fast" };
const pvc = (spec: Spec, meta: Record<string, unknown> = {}, status?: Record<string, unknown>) => ({
  apiVersion: "v1",
  kind: "PersistentVolumeClaim",
  metadata: { name: "data", namespace: "default", ...meta },
  spec,
  ...(status ? { status } : {}),
});
const withSpec = (p: Spec) => pvc(patch(baseSpec, p));
const requests = (storage: unknown) => ({ resources: { requests: { storage } } });

describe("validatePersistentVolumeClaim — in upstream's order", () => {
  it("accepts a typical claim", () => {
    expect(validatePersistentVolumeClaim(withSpec({}))).toEqual([]);
  });

  it.each<[string, Spec, string[]]>([
    ["no access modes", { accessModes: [] }, ["spec.accessModes: Required value: at least 1 access mode is required"]],
    [
      "selector In without values",
      { selector: { matchExpressions: [{ key: "tier", operator: "In" }] } },
      ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
    ],
    [
      "selector Exists with values",
      { selector: { matchExpressions: [{ key: "tier", operator: "DoesNotExist", values: ["a"] }] } },
      ["spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"],
    ],
    [
      "selector unknown operator",
      { selector: { matchExpressions: [{ key: "tier", operator: "Gt", values: ["1"] }] } },
      ['spec.selector.matchExpressions[0].operator: Invalid value: "Gt": not a valid selector operator'],
    ],
    [
      "selector bad label key",
      { selector: { matchLabels: { "a b": "c" } } },
      [`spec.selector.matchLabels: Invalid value: "a b": ${NAME_PART}`],
    ],
    [
      "selector bad label value",
      { selector: { matchLabels: { a: "-x" } } },
      [`spec.selector.matchLabels: Invalid value: "-x": ${LABEL_VALUE}`],
    ],
    [
      "selector bad expression value",
      { selector: { matchExpressions: [{ key: "a", operator: "In", values: ["ok", "no way"] }] } },
      [`spec.selector.matchExpressions[0].values[1]: Invalid value: "no way": ${LABEL_VALUE}`],
    ],
    ["empty selector", { selector: {} }, []],
    [
      "selector error comes before access mode errors",
      { accessModes: ["bad"], selector: { matchLabels: { "-": "x" } } },
      [`spec.selector.matchLabels: Invalid value: "-": ${NAME_PART}`, `spec.accessModes: Unsupported value: "bad": ${ACCESS_MODES}`],
    ],
    [
      "RWOP with RWO",
      { accessModes: ["ReadWriteOnce", "ReadWriteOncePod"] },
      ["spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes"],
    ],
    ["RWOP alone", { accessModes: ["ReadWriteOncePod"] }, []],
    ["no storage request", { resources: {} }, ["spec.resources[storage]: Required value"]],
    ["only limits", { resources: { limits: { storage: "1Gi" } } }, ["spec.resources[storage]: Required value"]],
    ["zero request", requests("0G"), ['spec.resources[storage]: Invalid value: "0": must be greater than zero']],
    ["negative request", requests("-1"), ['spec.resources[storage]: Invalid value: "-1": must be greater than zero']],
    ["numeric request", requests(1024), []],
    ["fractional request is valid (a warning only)", requests("1.5"), []],
    ["other requests are ignored", { resources: { requests: { storage: "1Gi", cpu: "-1" } } }, []],
    ["bad class", { storageClassName: "Fast!" }, [`spec.storageClassName: Invalid value: "Fast!": ${SUBDOMAIN}`]],
    ["explicit empty class", { storageClassName: "" }, []],
    ["nil class", { storageClassName: null }, []],
    ["bad volume mode", { volumeMode: "" }, ['spec.volumeMode: Unsupported value: "": supported values: "Block", "Filesystem"']],
    ["bad VAC", { volumeAttributesClassName: "Gold" }, [`spec.volumeAttributesClassName: Invalid value: "Gold": ${SUBDOMAIN}`]],
    ["empty VAC is not checked on claims", { volumeAttributesClassName: "" }, []],
    // data sources, after the NormalizeDataSources fix-ups
    [
      "PVC data source without name (mirrored into dataSourceRef)",
      { dataSource: { kind: "PersistentVolumeClaim", name: "" } },
      ["spec.dataSource.name: Required value", "spec.dataSourceRef.name: Required value"],
    ],
    ["unknown dataSource is silently dropped", { dataSource: { kind: "Foo", name: "x" } }, []],
    ["snapshot data source", { dataSource: { apiGroup: "snapshot.storage.k8s.io", kind: "VolumeSnapshot", name: "snap" } }, []],
    [
      "core-group dataSourceRef of another kind",
      { dataSourceRef: { kind: "Foo", name: "x" } },
      [
        "spec.dataSource: Invalid value: \"Foo\": must be 'PersistentVolumeClaim' when referencing the default apiGroup",
        "spec.dataSourceRef: Invalid value: \"Foo\": must be 'PersistentVolumeClaim' when referencing the default apiGroup",
      ],
    ],
    [
      "dataSourceRef with a bad apiGroup",
      { dataSourceRef: { apiGroup: "Bad_Group", kind: "K", name: "n" } },
      [
        `spec.dataSource.apiGroup: Invalid value: "Bad_Group": ${SUBDOMAIN}`,
        `spec.dataSourceRef.apiGroup: Invalid value: "Bad_Group": ${SUBDOMAIN}`,
      ],
    ],
    [
      "dataSourceRef without kind and name",
      { dataSourceRef: { apiGroup: "example.com" } },
      [
        "spec.dataSource.name: Required value",
        "spec.dataSource.kind: Required value",
        "spec.dataSourceRef.name: Required value",
        "spec.dataSourceRef.kind: Required value",
      ],
    ],
    ["a populator dataSourceRef", { dataSourceRef: { apiGroup: "populator.example.com", kind: "Disk", name: "d" } }, []],
    [
      "cross-namespace ref is dropped while the gate is off",
      { dataSourceRef: { kind: "PersistentVolumeClaim", name: "a", namespace: "other" } },
      [],
    ],
    [
      "dataSource and dataSourceRef must match",
      { dataSource: { kind: "PersistentVolumeClaim", name: "a" }, dataSourceRef: { kind: "PersistentVolumeClaim", name: "b" } },
      ["spec: Invalid value: {}: must match dataSourceRef"],
    ],
    [
      "nil and empty apiGroup differ",
      {
        dataSource: { kind: "PersistentVolumeClaim", name: "a" },
        dataSourceRef: { apiGroup: "", kind: "PersistentVolumeClaim", name: "a" },
      },
      ["spec: Invalid value: {}: must match dataSourceRef"],
    ],
  ])("%s", (_name, p, expected) => {
    expect(render(validatePersistentVolumeClaim(withSpec(p)))).toEqual(expected);
  });

  it("validates data sources as given with prepare: false", () => {
    expect(render(validatePersistentVolumeClaim(withSpec({ dataSource: { kind: "Foo", name: "x" } }), { prepare: false }))).toEqual([
      "spec.dataSource: Invalid value: \"Foo\": must be 'PersistentVolumeClaim' when referencing the default apiGroup",
    ]);
  });

  it("cross-namespace data sources with the gate on", () => {
    const on = { crossNamespaceVolumeDataSource: true };
    expect(
      validatePersistentVolumeClaim(withSpec({ dataSourceRef: { kind: "PersistentVolumeClaim", name: "a", namespace: "other" } }), on),
    ).toEqual([]);
    expect(
      render(
        validatePersistentVolumeClaim(withSpec({ dataSourceRef: { kind: "PersistentVolumeClaim", name: "a", namespace: "Other" } }), on),
      ),
    ).toEqual([`spec.dataSourceRef.namespace: Invalid value: "Other": ${LABEL}`]);
    expect(
      render(
        validatePersistentVolumeClaim(
          withSpec({
            dataSource: { kind: "PersistentVolumeClaim", name: "a" },
            dataSourceRef: { kind: "PersistentVolumeClaim", name: "a", namespace: "o" },
          }),
          on,
        ),
      ),
    ).toEqual(["spec: Invalid value: {}: may not be specified when dataSourceRef.namespace is specified"]);
  });

  it("requires a namespace (DNS-1123 label)", () => {
    expect(render(validatePersistentVolumeClaim(pvc(baseSpec, { namespace: undefined })))).toEqual(["metadata.namespace: Required value"]);
    expect(render(validatePersistentVolumeClaim(pvc(baseSpec, { namespace: "a.b" })))).toEqual([
      'metadata.namespace: Invalid value: "a.b": must not contain dots',
    ]);
    expect(render(validatePersistentVolumeClaim(pvc(baseSpec, { namespace: "A" })))).toEqual([
      `metadata.namespace: Invalid value: "A": ${LABEL}`,
    ]);
  });

  it("worked examples (aggregated messages)", () => {
    expect(aggregateMessage(validatePersistentVolumeClaim(pvc({ accessModes: ["ReadWriteOnce"] }, { name: "c" })))).toBe(
      "spec.resources[storage]: Required value",
    );
    expect(aggregateMessage(validatePersistentVolumeClaim(withSpec(requests("0G"))))).toBe(
      'spec.resources[storage]: Invalid value: "0": must be greater than zero',
    );
  });
});

describe("data-source fix-ups (NormalizeDataSources)", () => {
  it("mirrors dataSource into dataSourceRef and back", () => {
    expect(normalizeDataSources({ dataSource: { kind: "PersistentVolumeClaim", name: "a" } })).toEqual({
      dataSource: { kind: "PersistentVolumeClaim", name: "a" },
      dataSourceRef: { kind: "PersistentVolumeClaim", name: "a" },
    });
    expect(normalizeDataSources({ dataSourceRef: { apiGroup: "g.io", kind: "K", name: "a" } }).dataSource).toEqual({
      apiGroup: "g.io",
      kind: "K",
      name: "a",
    });
    expect(normalizeDataSources({ dataSourceRef: { kind: "K", name: "a", namespace: "n" } }).dataSource).toBeUndefined();
  });
  it("keeps an unknown dataSource when the old claim had one", () => {
    const spec = { dataSource: { kind: "Foo", name: "x" } };
    expect(prepareClaimSpec(spec, undefined, defaultValidationOptions)).toEqual({});
    expect(prepareClaimSpec(spec, spec, defaultValidationOptions).dataSource).toEqual(spec.dataSource);
  });
  it("does not modify its input", () => {
    const spec = { dataSource: { kind: "PersistentVolumeClaim", name: "a" } };
    const copy = structuredClone(spec);
    prepareClaimSpec(spec, undefined, defaultValidationOptions);
    expect(spec).toEqual(copy);
  });
});

describe("validatePersistentVolumeClaimUpdate (pkg/apis/core/validation/validation.go)", () => {
  const bound = { phase: "Bound", capacity: { storage: "10Gi" } };
  const prev = pvc(patch(baseSpec, { volumeName: "pv-1" }), { resourceVersion: "5" }, bound);
  const next = (p: Spec, meta: Record<string, unknown> = {}, status: Record<string, unknown> = bound) =>
    pvc(patch(prev.spec, p), { resourceVersion: "5", ...meta }, status);
  const SPEC =
    "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n";
  const fields = (errs: { field: string }[]) => errs.map((e) => e.field);

  it("accepts an unchanged claim", () => {
    expect(validatePersistentVolumeClaimUpdate(next({}), prev)).toEqual([]);
  });
  it("lets a bound claim grow", () => {
    expect(validatePersistentVolumeClaimUpdate(next(requests("20Gi")), prev)).toEqual([]);
  });
  it("forbids changing an unbound claim's request", () => {
    const p = pvc(baseSpec, { resourceVersion: "5" }, { phase: "Pending" });
    const errs = validatePersistentVolumeClaimUpdate(pvc(patch(baseSpec, requests("20Gi")), { resourceVersion: "5" }), p);
    expect(fields(errs)).toEqual(["spec"]);
    expect(errs[0]!.toString().startsWith(SPEC)).toBe(true);
  });
  it("uses the stored status, not the one sent", () => {
    const p = pvc(baseSpec, { resourceVersion: "5" }, { phase: "Pending" });
    expect(fields(validatePersistentVolumeClaimUpdate(pvc(patch(baseSpec, requests("20Gi")), { resourceVersion: "5" }, bound), p))).toEqual(
      ["spec"],
    );
  });
  it("shrinking: not below status.capacity (worked example)", () => {
    expect(aggregateMessage(validatePersistentVolumeClaimUpdate(next(requests("5Gi")), prev))).toBe(
      "spec.resources.requests.storage: Forbidden: field can not be less than status.capacity",
    );
    const failed = pvc(patch(baseSpec, { volumeName: "pv-1", ...requests("20Gi") }), { resourceVersion: "5" }, bound);
    expect(validatePersistentVolumeClaimUpdate(next(requests("15Gi")), failed)).toEqual([]);
    expect(render(validatePersistentVolumeClaimUpdate(next(requests("10Gi")), failed))).toEqual([
      "spec.resources.requests.storage: Forbidden: field can not be less than status.capacity",
    ]);
  });
  it("shrinking without RecoverVolumeExpansionFailure", () => {
    expect(render(validatePersistentVolumeClaimUpdate(next(requests("5Gi")), prev, { recoverVolumeExpansionFailure: false }))).toEqual([
      "spec.resources.requests.storage: Forbidden: field can not be less than previous value",
    ]);
    const withAllocated = pvc(
      prev.spec,
      { resourceVersion: "5" },
      { ...bound, capacity: { storage: "4Gi" }, allocatedResources: { storage: "10Gi" } },
    );
    expect(validatePersistentVolumeClaimUpdate(next(requests("5Gi")), withAllocated, { recoverVolumeExpansionFailure: false })).toEqual([]);
  });
  it("volumeName may be set once", () => {
    const p = pvc(baseSpec, { resourceVersion: "5" });
    expect(validatePersistentVolumeClaimUpdate(pvc(patch(baseSpec, { volumeName: "pv-9" }), { resourceVersion: "5" }), p)).toEqual([]);
    expect(fields(validatePersistentVolumeClaimUpdate(next({ volumeName: "pv-2" }), prev))).toEqual(["spec"]);
  });
  it("storageClassName: set from nil once, never changed", () => {
    const p = pvc(patch(baseSpec, { storageClassName: undefined }), { resourceVersion: "5" });
    expect(validatePersistentVolumeClaimUpdate(pvc(baseSpec, { resourceVersion: "5" }), p)).toEqual([]);
    expect(fields(validatePersistentVolumeClaimUpdate(next({ storageClassName: "slow" }), prev))).toEqual(["spec"]);
    expect(fields(validatePersistentVolumeClaimUpdate(next({ storageClassName: undefined }), prev))).toEqual(["spec"]);
  });
  it("upgrade from the beta annotation", () => {
    const ann = { "volume.beta.kubernetes.io/storage-class": "fast" };
    const p = pvc(patch(baseSpec, { storageClassName: undefined }), { resourceVersion: "5", annotations: ann });
    expect(validatePersistentVolumeClaimUpdate(pvc(baseSpec, { resourceVersion: "5" }), p)).toEqual([]);
    expect(validatePersistentVolumeClaimUpdate(pvc(baseSpec, { resourceVersion: "5", annotations: ann }), p)).toEqual([]);
    const other = validatePersistentVolumeClaimUpdate(
      pvc(patch(baseSpec, { storageClassName: "slow" }), { resourceVersion: "5", annotations: ann }),
      p,
    );
    expect(fields(other)).toEqual(["spec"]);
  });
  it("the beta annotation is immutable", () => {
    const p = pvc(baseSpec, { resourceVersion: "5", annotations: { "volume.beta.kubernetes.io/storage-class": "fast" } });
    const n = pvc(baseSpec, { resourceVersion: "5", annotations: { "volume.beta.kubernetes.io/storage-class": "slow" } });
    expect(render(validatePersistentVolumeClaimUpdate(n, p))).toEqual([
      'metadata.annotations.volume.beta.kubernetes.io/storage-class: Invalid value: "slow": field is immutable',
    ]);
  });
  it("volumeMode is immutable", () => {
    const errs = validatePersistentVolumeClaimUpdate(next({ volumeMode: "Block" }), prev);
    expect(fields(errs)).toEqual(["spec", "volumeMode"]);
    expect(errs[1]!.toString()).toBe('volumeMode: Invalid value: "Block": field is immutable');
    expect(validatePersistentVolumeClaimUpdate(next({ volumeMode: "Filesystem" }), prev)).toEqual([]);
  });
  it("volumeAttributesClassName on a bound claim", () => {
    const p = pvc(patch(prev.spec, { volumeAttributesClassName: "gold" }), { resourceVersion: "5" }, bound);
    expect(validatePersistentVolumeClaimUpdate(next({ volumeAttributesClassName: "silver" }), p)).toEqual([]);
    expect(render(validatePersistentVolumeClaimUpdate(next({ volumeAttributesClassName: "" }), p))).toEqual([
      "spec.volumeAttributesClassName: Forbidden: update from non-nil value to an empty string is forbidden",
    ]);
    const unset = validatePersistentVolumeClaimUpdate(next({}), p);
    expect(fields(unset)).toEqual(["spec", "spec.volumeAttributesClassName"]);
    expect(unset[1]!.toString()).toBe("spec.volumeAttributesClassName: Forbidden: update from non-nil value to nil is forbidden");
    expect(
      render(validatePersistentVolumeClaimUpdate(next({ volumeAttributesClassName: "silver" }), p, { volumeAttributesClass: false })),
    ).toEqual(["spec.volumeAttributesClassName: Forbidden: update is forbidden when the VolumeAttributesClass feature gate is disabled"]);
  });
  it("volumeAttributesClassName on an unbound claim is part of the immutable spec", () => {
    const p = pvc(patch(baseSpec, { volumeAttributesClassName: "gold" }), { resourceVersion: "5" });
    expect(
      fields(
        validatePersistentVolumeClaimUpdate(pvc(patch(baseSpec, { volumeAttributesClassName: "silver" }), { resourceVersion: "5" }), p),
      ),
    ).toEqual(["spec"]);
  });
  it("keeps tolerating an invalid selector and apiGroup the old claim had", () => {
    const spec = patch(prev.spec, {
      selector: { matchExpressions: [{ key: "a", operator: "In", values: ["not valid"] }] },
      dataSourceRef: { apiGroup: "Bad_Group", kind: "K", name: "n" },
    });
    const p = pvc(spec, { resourceVersion: "5" }, bound);
    expect(validatePersistentVolumeClaim(p).length).toBeGreaterThan(0);
    expect(validatePersistentVolumeClaimUpdate(pvc(spec, { resourceVersion: "5" }, bound), p)).toEqual([]);
  });
  it("repeats create-validation causes (message de-duplicated)", () => {
    const errs = validatePersistentVolumeClaimUpdate(next({ accessModes: ["bogus"] }), prev);
    expect(render(errs).filter((s) => s.startsWith("spec.accessModes"))).toHaveLength(2);
    expect(uniqueErrors(errs).filter((e) => e.field === "spec.accessModes")).toHaveLength(1);
    expect(aggregateMessage(errs).split(`spec.accessModes: Unsupported value: "bogus"`)).toHaveLength(2);
  });
  it("metadata rules on update", () => {
    expect(render(validatePersistentVolumeClaimUpdate(next({}, { namespace: "other" }), prev))).toEqual([
      'metadata.namespace: Invalid value: "other": field is immutable',
      'metadata.namespace: Invalid value: "other": field is immutable',
    ]);
  });
});

describe("validatePersistentVolumeClaimStatusUpdate (pkg/apis/core/validation/validation.go)", () => {
  const prev = pvc(baseSpec, { resourceVersion: "5" }, { phase: "Bound" });
  const next = (status: Record<string, unknown>) => ({ ...prev, status });
  it("accepts a normal status", () => {
    expect(
      validatePersistentVolumeClaimStatusUpdate(
        next({ phase: "Bound", capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"] }),
        prev,
      ),
    ).toEqual([]);
  });
  it("requires a resourceVersion", () => {
    expect(
      render(validatePersistentVolumeClaimStatusUpdate({ ...next({}), metadata: { name: "data", namespace: "default" } }, prev)),
    ).toContain("resourceVersion: Required value");
  });
  it("checks the stored spec's access modes (Spec, sic)", () => {
    const p = pvc({}, { resourceVersion: "5" });
    expect(render(validatePersistentVolumeClaimStatusUpdate({ ...p, spec: baseSpec }, p))).toEqual(["Spec.accessModes: Required value"]);
  });
  it("capacity may not be negative", () => {
    expect(render(validatePersistentVolumeClaimStatusUpdate(next({ capacity: { storage: "-1" } }), prev))).toEqual([
      "status.capacity[storage]: Invalid value: -1: must be a valid resource quantity",
    ]);
  });
  it("checks allocated resources and their statuses", () => {
    const errs = validatePersistentVolumeClaimStatusUpdate(
      next({
        allocatedResources: { cpu: "1", "example.com/foo": "1", "kubernetes.io/foo": "1", "a b": "1", storage: "-1" },
        allocatedResourceStatuses: { storage: "Bogus", "x/y": "NodeResizePending" },
      }),
      prev,
    );
    expect(render(errs)).toEqual([
      'status.allocatedResourceStatus: Unsupported value: "storage": supported values: "ControllerResizeInProgress", "ControllerResizeInfeasible", "NodeResizeInProgress", "NodeResizeInfeasible", "NodeResizePending"',
      `status.allocatedResources: Invalid value: "a b": ${NAME_PART}`,
      'status.allocatedResources: Unsupported value: "cpu": supported values: "storage"',
      'status.allocatedResources: Unsupported value: "kubernetes.io/foo": supported values: "storage"',
      "status.allocatedResources[storage]: Invalid value: -1: must be a valid resource quantity",
    ]);
  });
  it("does not check allocated resources with the gate off", () => {
    expect(
      validatePersistentVolumeClaimStatusUpdate(next({ allocatedResources: { cpu: "1" } }), prev, { recoverVolumeExpansionFailure: false }),
    ).toEqual([]);
  });
});

describe("selector shapes", () => {
  it("a null expression is an empty requirement, not a crash", () => {
    const errs = render(validatePersistentVolumeClaim(withSpec({ selector: { matchExpressions: [null] } })));
    expect(errs[0]).toBe('spec.selector.matchExpressions[0].operator: Invalid value: "": not a valid selector operator');
  });
  it("wrong types are type errors", () => {
    expect(
      render(validatePersistentVolumeClaim(withSpec({ selector: { matchExpressions: [{ key: 1, operator: "In", values: "a" }] } }))),
    ).toEqual([
      'spec.selector.matchExpressions[0].values: Invalid value: "a": must be of type array',
      "spec.selector.matchExpressions[0].key: Invalid value: 1: must be of type string",
    ]);
  });
});

describe("validatePersistentVolumeClaimUpdate: which phase counts as Bound", () => {
  const base = {
    metadata: { name: "c", namespace: "ns", resourceVersion: "1" },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } },
  };
  const grown = { ...base, spec: { ...base.spec, resources: { requests: { storage: "20Gi" } } } };
  const bound = (o: object) => ({ ...o, status: { phase: "Bound" } });
  it("with prepare (the server), the stored phase: growing a stored-Bound claim is allowed", () => {
    expect(validatePersistentVolumeClaimUpdate(grown, bound(base)).map(String)).toEqual([]);
    expect(validatePersistentVolumeClaimUpdate(bound(grown), base).map(String)[0]).toContain("spec is immutable after creation");
  });
  it("with prepare: false, the new object's phase, as upstream's function reads it", () => {
    expect(validatePersistentVolumeClaimUpdate(bound(grown), base, { prepare: false }).map(String)).toEqual([]);
    expect(validatePersistentVolumeClaimUpdate(grown, bound(base), { prepare: false }).map(String)[0]).toContain(
      "spec is immutable after creation",
    );
  });
});
