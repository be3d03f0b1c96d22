import { describe, expect, it } from "vitest";
import {
  AdmissionReviewError,
  AdmissionReviewResponseSchema,
  applyJsonPatch,
  decodeJsonPatch,
  makeAdmissionReview,
  podsUsingClaim,
  reviewAdmission,
  type AdmissionContext,
  type AdmissionReviewResponse,
} from "../../src/admission/index.js";
import type { PersistentVolumeClaim, Pod } from "../../src/api/index.js";
import { claim, storageClass, volume } from "./fixtures.js";

const standard = storageClass("standard", {}, { default: true, created: "2024-01-01T00:00:00Z" });
const fast = storageClass("fast", { allowVolumeExpansion: true });
const ctx: AdmissionContext = { storageClasses: [standard, fast] };

function review(input: Parameters<typeof makeAdmissionReview>[0], c: AdmissionContext = ctx): AdmissionReviewResponse {
  const out = reviewAdmission(makeAdmissionReview({ uid: "uid-1", ...input }), c);
  expect(AdmissionReviewResponseSchema.safeParse(out).success).toBe(true);
  expect(out.apiVersion).toBe("admission.k8s.io/v1");
  expect(out.kind).toBe("AdmissionReview");
  expect(out.response.uid).toBe(input.uid ?? "uid-1");
  for (const w of out.response.warnings ?? []) expect(Array.from(w).length).toBeLessThanOrEqual(120);
  return out;
}

function patched<T>(original: unknown, out: AdmissionReviewResponse): T {
  expect(out.response.patchType).toBe("JSONPatch");
  return applyJsonPatch<T>(original, decodeJsonPatch(out.response.patch!));
}

describe("CREATE PersistentVolumeClaim", () => {
  it("assigns the default class and adds pvc-protection, as a JSON Patch on the request object", () => {
    const obj = claim("data");
    const out = review({ operation: "CREATE", object: obj });
    expect(out.response.allowed).toBe(true);
    expect(decodeJsonPatch(out.response.patch!)).toEqual([
      { op: "add", path: "/spec/storageClassName", value: "standard" },
      { op: "add", path: "/metadata/finalizers", value: ["kubernetes.io/pvc-protection"] },
    ]);
    const result = patched<PersistentVolumeClaim>(obj, out);
    expect(result.spec!.storageClassName).toBe("standard");
    expect(result.metadata!.finalizers).toEqual(["kubernetes.io/pvc-protection"]);
    expect(out.response.status).toBeUndefined();
    expect(out.response.warnings).toBeUndefined();
  });

  it('leaves storageClassName: "" and the beta annotation alone', () => {
    for (const obj of [
      claim("a", { storageClassName: "" }),
      claim("b", {}, { annotations: { "volume.beta.kubernetes.io/storage-class": "" } }),
    ]) {
      const out = review({ operation: "CREATE", object: obj });
      const result = patched<PersistentVolumeClaim>(obj, out);
      expect(result.spec!.storageClassName).toBe(obj.spec!.storageClassName);
      expect(result.metadata!.finalizers).toEqual(["kubernetes.io/pvc-protection"]);
    }
  });

  it("does not assign a class when none is default", () => {
    const obj = claim("data");
    const out = review({ operation: "CREATE", object: obj }, { storageClasses: [fast] });
    expect(decodeJsonPatch(out.response.patch!).map((o) => o.path)).toEqual(["/metadata/finalizers"]);
  });

  it("with several defaults takes the newest (ties by name) and warns", () => {
    const newer = storageClass("gp3", {}, { default: true, created: "2025-06-01T00:00:00Z" });
    const out = review({ operation: "CREATE", object: claim("data") }, { storageClasses: [standard, newer] });
    expect(patched<PersistentVolumeClaim>(claim("data"), out).spec!.storageClassName).toBe("gp3");
    expect(out.response.warnings).toEqual(['2 default StorageClasses were found; using the newest, "gp3"']);
    const tie = review(
      { operation: "CREATE", object: claim("data") },
      { storageClasses: [storageClass("b", {}, { default: true }), storageClass("a", {}, { default: true })] },
    );
    expect(patched<PersistentVolumeClaim>(claim("data"), tie).spec!.storageClassName).toBe("a");
  });

  it("with several defaults in reject mode answers Kubernetes' old 403", () => {
    const newer = storageClass("gp3", {}, { default: true });
    const out = review(
      { operation: "CREATE", object: claim("data") },
      { storageClasses: [standard, newer], options: { multipleDefaultClasses: "reject" } },
    );
    expect(out.response.allowed).toBe(false);
    expect(out.response.patch).toBeUndefined();
    expect(out.response.status).toMatchObject({
      code: 403,
      reason: "Forbidden",
      status: "Failure",
      message: 'persistentvolumeclaims "data" is forbidden: Internal error occurred: 2 default StorageClasses were found',
      details: { name: "data", kind: "persistentvolumeclaims" },
    });
  });

  it("appends to an existing finalizer list and skips a finalizer already there", () => {
    const withOther = claim("a", { storageClassName: "fast" }, { finalizers: ["example.com/keep"] });
    expect(decodeJsonPatch(review({ operation: "CREATE", object: withOther }).response.patch!)).toEqual([
      { op: "add", path: "/metadata/finalizers/-", value: "kubernetes.io/pvc-protection" },
    ]);
    const already = claim("b", { storageClassName: "fast" }, { finalizers: ["kubernetes.io/pvc-protection"] });
    const out = review({ operation: "CREATE", object: already });
    expect(out.response.allowed).toBe(true);
    expect(out.response.patch).toBeUndefined();
    expect(out.response.patchType).toBeUndefined();
  });

  it("denies an invalid claim with a 422 and causes, and sends no patch", () => {
    const obj = claim("c", { resources: {} });
    const out = review({ operation: "CREATE", object: obj });
    expect(out.response.allowed).toBe(false);
    expect(out.response.patch).toBeUndefined();
    expect(out.response.status).toMatchObject({
      code: 422,
      reason: "Invalid",
      status: "Failure",
      message: 'PersistentVolumeClaim "c" is invalid: spec.resources[storage]: Required value',
      details: {
        name: "c",
        kind: "PersistentVolumeClaim",
        causes: [{ reason: "FieldValueRequired", message: "Required value", field: "spec.resources[storage]" }],
      },
    });
    expect(out.response.status!.details!.group).toBeUndefined();
  });

  it("takes the namespace from the request when the object has none", () => {
    const obj = claim("c", { storageClassName: "fast" });
    delete (obj.metadata as { namespace?: string }).namespace;
    const r = makeAdmissionReview({ operation: "CREATE", object: obj, uid: "u" });
    r.request!.namespace = "team-a";
    expect(reviewAdmission(r, ctx).response.allowed).toBe(true);
  });

  it("validate mode sends no patch; mutate mode never denies and leaves invalid objects alone", () => {
    const validateOnly = review({ operation: "CREATE", object: claim("data") }, { ...ctx, options: { mode: "validate" } });
    expect(validateOnly.response).toEqual({ uid: "uid-1", allowed: true });
    const mutateValid = review({ operation: "CREATE", object: claim("data") }, { ...ctx, options: { mode: "mutate" } });
    expect(patched<PersistentVolumeClaim>(claim("data"), mutateValid).spec!.storageClassName).toBe("standard");
    const invalid = claim("c", { resources: {} });
    const mutateInvalid = review({ operation: "CREATE", object: invalid }, { ...ctx, options: { mode: "mutate" } });
    expect(mutateInvalid.response).toEqual({ uid: "uid-1", allowed: true });
  });

  it("plugins can be switched off one by one", () => {
    const noDefault = review({ operation: "CREATE", object: claim("d") }, { ...ctx, options: { defaultStorageClass: false } });
    expect(decodeJsonPatch(noDefault.response.patch!).map((o) => o.path)).toEqual(["/metadata/finalizers"]);
    const none = review(
      { operation: "CREATE", object: claim("d") },
      { ...ctx, options: { defaultStorageClass: false, storageObjectInUseProtection: false } },
    );
    expect(none.response.patch).toBeUndefined();
    const noValidation = review({ operation: "CREATE", object: claim("c", { resources: {} }) }, { ...ctx, options: { validation: false } });
    expect(noValidation.response.allowed).toBe(true);
  });

  it("warns about a missing class and a missing pre-bound volume", () => {
    const out = review(
      { operation: "CREATE", object: claim("c", { storageClassName: "nope", volumeName: "pv-x" }) },
      { ...ctx, volumes: [] },
    );
    expect(out.response.allowed).toBe(true);
    expect(out.response.warnings).toEqual([
      'storageclass "nope" not found; the claim stays Pending until it exists',
      'persistentvolume "pv-x" not found; the claim stays Pending until it exists',
    ]);
  });
});

describe("CREATE PersistentVolume", () => {
  it("adds pv-protection", () => {
    const obj = volume("pv1");
    const out = review({ operation: "CREATE", object: obj });
    expect(out.response.allowed).toBe(true);
    expect(patched<{ metadata: { finalizers: string[] } }>(obj, out).metadata.finalizers).toEqual(["kubernetes.io/pv-protection"]);
  });

  it("denies a volume without a source with the API server's message", () => {
    const obj = volume("data", { nfs: undefined });
    const out = review({ operation: "CREATE", object: obj });
    expect(out.response.allowed).toBe(false);
    expect(out.response.status?.code).toBe(422);
    expect(out.response.status?.message).toBe('PersistentVolume "data" is invalid: spec: Required value: must specify a volume type');
  });

  it("creates a metadata object when the request has none (validation off)", () => {
    const obj = { apiVersion: "v1", kind: "PersistentVolume", spec: volume("x").spec };
    const r = makeAdmissionReview({ operation: "CREATE", object: obj, uid: "u" });
    r.request!.name = "x";
    // Without metadata the object is invalid (metadata.name is required): the mutate endpoint leaves
    // it alone; with validation off the patch creates metadata.
    expect(reviewAdmission(r, { ...ctx, options: { mode: "mutate" } }).response).toEqual({ uid: "u", allowed: true });
    const out = reviewAdmission(r, { ...ctx, options: { mode: "mutate", validation: false } });
    expect(patched<{ metadata: unknown }>(obj, out).metadata).toEqual({ finalizers: ["kubernetes.io/pv-protection"] });
  });
});

describe("CREATE StorageClass", () => {
  it("applies API defaults before validating (a bare class is valid) and never patches", () => {
    const out = review({ operation: "CREATE", object: storageClass("plain") });
    expect(out.response).toEqual({ uid: "uid-1", allowed: true });
  });

  it("denies Recycle with the group-qualified kind", () => {
    const out = review({ operation: "CREATE", object: storageClass("fast", { reclaimPolicy: "Recycle" }) });
    expect(out.response.status).toMatchObject({
      code: 422,
      message:
        'StorageClass.storage.k8s.io "fast" is invalid: reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
      details: { name: "fast", group: "storage.k8s.io", kind: "StorageClass" },
    });
  });

  it("warns when another class is already default", () => {
    const out = review({ operation: "CREATE", object: storageClass("gp3", {}, { default: true }) });
    expect(out.response.allowed).toBe(true);
    expect(out.response.warnings).toEqual(["StorageClass standard is also marked default; class-less claims get the newest default"]);
  });
});

describe("UPDATE PersistentVolumeClaim: PersistentVolumeClaimResize", () => {
  const bound = { phase: "Bound", capacity: { storage: "10Gi" } };
  const grow = (spec: Record<string, unknown>, status?: Record<string, unknown>, c: AdmissionContext = ctx) =>
    review(
      {
        operation: "UPDATE",
        object: claim(
          "data",
          { ...spec, volumeName: "pv1", resources: { requests: { storage: "20Gi" } } },
          { resourceVersion: "2", uid: "c-uid" },
          status,
        ),
        oldObject: claim("data", { ...spec, volumeName: "pv1" }, { resourceVersion: "1", uid: "c-uid" }, status),
      },
      c,
    );

  it("allows growing a bound claim whose class allows expansion", () => {
    const out = grow({ storageClassName: "fast" }, bound);
    expect(out.response.allowed).toBe(true);
    expect(out.response.patch).toBeUndefined();
  });

  it.each([
    ["a class without allowVolumeExpansion", { storageClassName: "standard" }],
    ["no class", { storageClassName: "" }],
    ["a class that does not exist", { storageClassName: "gone" }],
  ])("forbids growing with %s (403)", (_name, spec) => {
    const out = grow(spec, bound);
    expect(out.response.allowed).toBe(false);
    expect(out.response.status).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message:
        'persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
      reason: "Forbidden",
      details: { name: "data", kind: "persistentvolumeclaims" },
      code: 403,
    });
  });

  it("forbids growing an unbound claim: 422 from validation, or the plugin's 403 without validation", () => {
    const out = grow({ storageClassName: "fast" }, { phase: "Pending" });
    expect(out.response.allowed).toBe(false);
    expect(out.response.status?.code).toBe(422);
    const plugin = grow({ storageClassName: "fast" }, { phase: "Pending" }, { ...ctx, options: { validation: false } });
    expect(plugin.response.status?.message).toBe(
      'persistentvolumeclaims "data" is forbidden: Only bound persistent volume claims can be expanded',
    );
  });

  it("checks the old status, as the API server carries it over", () => {
    // The new object claims Bound, the stored one is Pending: the stored status wins.
    const out = review(
      {
        operation: "UPDATE",
        object: claim("data", { storageClassName: "fast", resources: { requests: { storage: "20Gi" } } }, { resourceVersion: "2" }, bound),
        oldObject: claim("data", { storageClassName: "fast" }, { resourceVersion: "1" }, { phase: "Pending" }),
      },
      { ...ctx, options: { validation: false } },
    );
    expect(out.response.status?.message).toContain("Only bound persistent volume claims can be expanded");
  });

  it("ignores updates that do not grow, subresources, and the mutate endpoint", () => {
    const same = claim("data", { storageClassName: "standard", volumeName: "pv1" }, { resourceVersion: "2" }, bound);
    expect(review({ operation: "UPDATE", object: same, oldObject: same }).response.allowed).toBe(true);
    const grown = claim(
      "data",
      { storageClassName: "standard", resources: { requests: { storage: "20Gi" } } },
      { resourceVersion: "2" },
      bound,
    );
    const old = claim("data", { storageClassName: "standard" }, { resourceVersion: "1" }, bound);
    expect(review({ operation: "UPDATE", object: grown, oldObject: old, subResource: "status" }).response.allowed).toBe(true);
    expect(review({ operation: "UPDATE", object: grown, oldObject: old }, { ...ctx, options: { mode: "mutate" } }).response.allowed).toBe(
      true,
    );
    expect(
      review({ operation: "UPDATE", object: grown, oldObject: old }, { ...ctx, options: { persistentVolumeClaimResize: false } }).response
        .allowed,
    ).toBe(true);
  });
});

describe("UPDATE StorageClass and PersistentVolume", () => {
  it("forbids changing a class's provisioner", () => {
    const old = storageClass("fast", {}, {});
    const next = storageClass("fast", { provisioner: "other.example.com" });
    (old.metadata as Record<string, unknown>).resourceVersion = "1";
    const out = review({ operation: "UPDATE", object: next, oldObject: old });
    expect(out.response.allowed).toBe(false);
    expect(out.response.status?.message).toBe(
      'StorageClass.storage.k8s.io "fast" is invalid: provisioner: Forbidden: updates to provisioner are forbidden.',
    );
  });

  it("forbids changing a volume's source", () => {
    const old = volume("pv1", {}, { resourceVersion: "1" });
    const next = volume("pv1", { nfs: { server: "other", path: "/b" } }, { resourceVersion: "1" });
    const out = review({ operation: "UPDATE", object: next, oldObject: old });
    expect(out.response.allowed).toBe(false);
    expect(out.response.status?.message).toContain(
      "spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation",
    );
  });

  it("allows a label change", () => {
    const old = volume("pv1", {}, { resourceVersion: "1" });
    const next = volume("pv1", {}, { resourceVersion: "1", labels: { tier: "gold" } });
    expect(review({ operation: "UPDATE", object: next, oldObject: old }).response.allowed).toBe(true);
  });

  it("answers 400 when oldObject is missing on UPDATE", () => {
    const out = review({ operation: "UPDATE", object: volume("pv1") });
    expect(out.response.allowed).toBe(false);
    expect(out.response.status?.code).toBe(400);
    expect(out.response.status?.message).toMatch(/^oldObject: /);
  });
});

describe("DELETE", () => {
  const pod = (name: string, nodeName: string | undefined, claimName: string): Pod =>
    ({
      metadata: { name, namespace: "default" },
      spec: { ...(nodeName ? { nodeName } : {}), volumes: [{ name: "v", persistentVolumeClaim: { claimName } }] },
    }) as Pod;

  it("allows deleting a claim in use, warning that it waits for pvc-protection", () => {
    const obj = claim("data", {}, { finalizers: ["kubernetes.io/pvc-protection"] });
    const out = review(
      { operation: "DELETE", oldObject: obj },
      { ...ctx, pods: [pod("web-0", "n1", "data"), pod("pending", undefined, "data"), pod("other", "n1", "x")] },
    );
    expect(out.response.allowed).toBe(true);
    expect(out.response.warnings).toEqual(["claim data stays Terminating while used by pod web-0"]);
    expect(podsUsingClaim(obj, [pod("a", "n", "data"), pod("b", "n", "data"), pod("c", "n", "data"), pod("d", "n", "data")])).toHaveLength(
      4,
    );
  });

  it("counts a generic ephemeral volume's pod only when the pod owns the claim", () => {
    const owned = claim(
      "web-0-scratch",
      {},
      { ownerReferences: [{ apiVersion: "v1", kind: "Pod", name: "web-0", uid: "pod-uid", controller: true }] },
    );
    const ephemeralPod = {
      metadata: { name: "web-0", namespace: "default", uid: "pod-uid" },
      spec: { nodeName: "n1", volumes: [{ name: "scratch", ephemeral: { volumeClaimTemplate: { spec: {} } } }] },
    } as unknown as Pod;
    expect(podsUsingClaim(owned, [ephemeralPod])).toHaveLength(1);
    expect(podsUsingClaim(claim("web-0-scratch"), [ephemeralPod])).toHaveLength(0);
  });

  it("warns for a Bound volume with pv-protection, and for a class still used by unbound claims", () => {
    const pv = volume(
      "pv1",
      { claimRef: { namespace: "default", name: "data" } },
      { finalizers: ["kubernetes.io/pv-protection"] },
      { phase: "Bound" },
    );
    expect(review({ operation: "DELETE", oldObject: pv }).response.warnings).toEqual([
      "volume pv1 stays Terminating while Bound to default/data",
    ]);
    const out = review(
      { operation: "DELETE", oldObject: fast },
      { ...ctx, claims: [claim("a", { storageClassName: "fast" }), claim("b", { storageClassName: "fast" }, {}, { phase: "Bound" })] },
    );
    expect(out.response.warnings).toEqual(["1 unbound claim(s) use class fast and cannot be provisioned without it"]);
  });

  it("allows a DELETE without oldObject or with a malformed one", () => {
    expect(review({ operation: "DELETE", kind: "PersistentVolume" }).response).toEqual({ uid: "uid-1", allowed: true });
    expect(review({ operation: "DELETE", kind: "PersistentVolume", oldObject: 42 }).response).toEqual({ uid: "uid-1", allowed: true });
  });
});

describe("envelope and other kinds", () => {
  it("allows other kinds untouched (fail-open), or denies them on request", () => {
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default" }, spec: {} };
    const out = review({ operation: "CREATE", object: pod });
    expect(out.response.allowed).toBe(true);
    expect(out.response.patch).toBeUndefined();
    expect(out.response.auditAnnotations?.["kubevol.io/skipped"]).toContain("Pod");
    const denied = review({ operation: "CREATE", object: pod }, { ...ctx, options: { unknownKinds: "deny" } });
    expect(denied.response.status?.code).toBe(400);
  });

  it("answers 400 for an object that is not an object", () => {
    const out = review({ operation: "CREATE", kind: "PersistentVolumeClaim", object: [1, 2] });
    expect(out.response.allowed).toBe(false);
    expect(out.response.status).toMatchObject({ code: 400, reason: "BadRequest" });
    expect(out.response.status?.message).toContain("expected a JSON object");
  });

  it.each([
    ["not an object", "x"],
    ["null", null],
    [
      "v1beta1",
      {
        apiVersion: "admission.k8s.io/v1beta1",
        kind: "AdmissionReview",
        request: makeAdmissionReview({ operation: "CREATE", object: claim("a") }).request,
      },
    ],
    ["no request", { apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview" }],
    [
      "empty uid",
      {
        ...makeAdmissionReview({ operation: "CREATE", object: claim("a") }),
        request: { ...makeAdmissionReview({ operation: "CREATE", object: claim("a") }).request!, uid: "" },
      },
    ],
    [
      "bad operation",
      {
        ...makeAdmissionReview({ operation: "CREATE", object: claim("a") }),
        request: { ...makeAdmissionReview({ operation: "CREATE", object: claim("a") }).request!, operation: "PATCH" },
      },
    ],
  ])("throws AdmissionReviewError for an envelope that is %s", (_n, input) => {
    expect(() => reviewAdmission(input, ctx)).toThrow(AdmissionReviewError);
  });

  it("answers CONNECT with allowed", () => {
    expect(review({ operation: "CONNECT", object: claim("a") }).response).toEqual({ uid: "uid-1", allowed: true });
  });
});

describe("garbage never becomes a 500", () => {
  it("wrong types in names, metadata, spec, status and in the context", () => {
    const junkContext: AdmissionContext = {
      storageClasses: [null, 5, { metadata: null }] as never,
      pods: [null] as never,
      claims: [null] as never,
      volumes: [null] as never,
    };
    for (const name of [5, {}, null, ["a"], true]) {
      const obj = {
        metadata: { name, namespace: 7, finalizers: "x", annotations: 3, labels: [1] },
        spec: { storageClassName: 9, resources: 1 },
        status: 5,
        provisioner: 1,
      };
      for (const kind of ["PersistentVolume", "PersistentVolumeClaim", "StorageClass"]) {
        for (const operation of ["CREATE", "UPDATE", "DELETE"] as const) {
          const r = makeAdmissionReview({ operation, kind, object: obj, oldObject: obj, uid: "u" });
          for (const c of [
            junkContext,
            { storageClasses: [], options: { mode: "mutate" as const, validation: false } },
            { storageClasses: [], options: { validation: false } },
          ]) {
            const out = reviewAdmission(r, c);
            expect(out.response.uid).toBe("u");
            expect(out.response.status?.code, `${kind} ${operation} ${JSON.stringify(out.response.status)}`).not.toBe(500);
          }
        }
      }
    }
  });
});

describe("optional lint step", () => {
  const iscsi = { targetPortal: "10.0.0.1:3260", iqn: "iqn.2001-04.com.example:storage", lun: 0 };
  const rbdRwx = volume("pv-iscsi", { nfs: undefined, iscsi, accessModes: ["ReadWriteMany"] });

  it("is off by default", () => {
    expect(review({ operation: "CREATE", object: rbdRwx }).response.warnings).toBeUndefined();
  });

  it("warn: findings become warnings under 120 characters", () => {
    const out = review({ operation: "CREATE", object: rbdRwx }, { ...ctx, options: { lint: "warn" } });
    expect(out.response.allowed).toBe(true);
    expect(out.response.warnings?.some((w) => w.startsWith("KV002 spec.accessModes[0]: iSCSI volumes cannot provide ReadWriteMany"))).toBe(
      true,
    );
  });

  it("deny: error findings deny with a 403 on create; an update denies only new errors", () => {
    const out = review({ operation: "CREATE", object: rbdRwx }, { ...ctx, options: { lint: "deny" } });
    expect(out.response.allowed).toBe(false);
    expect(out.response.status).toMatchObject({ code: 403, reason: "Forbidden" });
    expect(out.response.status?.message).toMatch(/^persistentvolumes "pv-iscsi" is forbidden: KV002 spec\.accessModes\[0\]: iSCSI volumes/);
    const labelled = { ...rbdRwx, metadata: { ...rbdRwx.metadata, resourceVersion: "1", labels: { a: "b" } } };
    const old = { ...rbdRwx, metadata: { ...rbdRwx.metadata, resourceVersion: "1" } };
    expect(review({ operation: "UPDATE", object: labelled, oldObject: old }, { ...ctx, options: { lint: "deny" } }).response.allowed).toBe(
      true,
    );
    const fine = volume("pv-ok", { nfs: undefined, iscsi }, { resourceVersion: "1" });
    const broken = volume("pv-ok", { nfs: undefined, iscsi, accessModes: ["ReadWriteMany"] }, { resourceVersion: "1" });
    expect(
      review({ operation: "UPDATE", object: broken, oldObject: fine }, { ...ctx, options: { lint: "deny" } }).response.status?.code,
    ).toBe(403);
  });

  it("uses the context as the cluster: a claim in a missing class", () => {
    const out = review({ operation: "CREATE", object: claim("c", { storageClassName: "nope" }) }, { ...ctx, options: { lint: "warn" } });
    const kv009 = out.response.warnings?.find((w) => w.startsWith("KV009 spec.storageClassName: "));
    expect(kv009).toContain('StorageClass "nope" does not exist');
  });
});
