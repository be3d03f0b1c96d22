import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AdmissionReviewResponseSchema,
  applyJsonPatch,
  decodeJsonPatch,
  fitWarning,
  makeAdmissionReview,
  reviewAdmission,
  type AdmissionOperation,
} from "../../src/admission/index.js";
import { claimHasClass, type PersistentVolumeClaim, type StorageClass } from "../../src/api/index.js";
import { pickDefaultStorageClass } from "../../src/lint/index.js";
import { validatePersistentVolumeClaim } from "../../src/validation/index.js";

const className = fc.constantFrom("standard", "fast", "gp3", "a", "b");
const storageClassArb: fc.Arbitrary<StorageClass> = fc
  .record({
    name: className,
    isDefault: fc.constantFrom<string | undefined>("true", "false", "True", undefined),
    beta: fc.boolean(),
    created: fc.option(fc.constantFrom("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", "2023-06-01T00:00:00Z")),
    expand: fc.option(fc.boolean()),
  })
  .map(({ name, isDefault, beta, created, expand }) => {
    const metadata: Record<string, unknown> = { name };
    if (isDefault !== undefined)
      metadata.annotations = {
        [beta ? "storageclass.beta.kubernetes.io/is-default-class" : "storageclass.kubernetes.io/is-default-class"]: isDefault,
      };
    if (created) metadata.creationTimestamp = created;
    const sc: Record<string, unknown> = { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata, provisioner: "ebs.csi.aws.com" };
    if (expand !== null) sc.allowVolumeExpansion = expand;
    return sc as unknown as StorageClass;
  });

const claimArb: fc.Arbitrary<PersistentVolumeClaim> = fc
  .record({
    name: fc.oneof({ arbitrary: fc.constantFrom("data", "c-1"), weight: 8 }, { arbitrary: fc.constantFrom("Bad_Name", ""), weight: 1 }),
    storageClassName: fc.option(fc.constantFrom("", "fast", "gp3", "missing"), { freq: 2 }),
    beta: fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: fc.constantFrom("", "fast"), weight: 1 }),
    storage: fc.option(
      fc.oneof(
        { arbitrary: fc.constantFrom("10Gi", "5G", "1500m"), weight: 8 },
        { arbitrary: fc.constantFrom("0", "-1", "lots"), weight: 1 },
      ),
      { freq: 10 },
    ),
    modes: fc.oneof(
      { arbitrary: fc.subarray(["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"], { minLength: 1 }), weight: 8 },
      { arbitrary: fc.subarray(["ReadWriteOnce", "ReadWriteOncePod", "Bogus"]), weight: 1 },
    ),
    finalizers: fc.option(fc.subarray(["kubernetes.io/pvc-protection", "example.com/x"])),
    withNamespace: fc.boolean(),
  })
  .map(({ name, storageClassName, beta, storage, modes, finalizers, withNamespace }) => {
    const metadata: Record<string, unknown> = { name };
    if (withNamespace) metadata.namespace = "team";
    if (beta !== null) metadata.annotations = { "volume.beta.kubernetes.io/storage-class": beta };
    if (finalizers !== null) metadata.finalizers = finalizers;
    const spec: Record<string, unknown> = { accessModes: modes };
    if (storage !== null) spec.resources = { requests: { storage } };
    if (storageClassName !== null) spec.storageClassName = storageClassName;
    return { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata, spec } as unknown as PersistentVolumeClaim;
  });

describe("reviewAdmission properties", () => {
  it("CREATE claim: the patch applies to the request object and yields exactly the Kubernetes result", () => {
    const seen = { allowed: 0, denied: 0, assigned: 0 };
    fc.assert(
      fc.property(
        claimArb,
        fc.array(storageClassArb, { maxLength: 4 }),
        fc.string({ minLength: 1, maxLength: 12 }),
        (claim, classes, uid) => {
          const review = makeAdmissionReview({ operation: "CREATE", object: claim, uid });
          review.request!.namespace = "team";
          const out = reviewAdmission(review, { storageClasses: classes });
          expect(AdmissionReviewResponseSchema.safeParse(out).success).toBe(true);
          expect(out.response.uid).toBe(uid);
          for (const w of out.response.warnings ?? []) expect(Array.from(w).length).toBeLessThanOrEqual(120);
          if (!out.response.allowed) {
            seen.denied++;
            expect([403, 422]).toContain(out.response.status?.code);
            expect(out.response.patch).toBeUndefined();
            return;
          }
          const result = out.response.patch ? applyJsonPatch<PersistentVolumeClaim>(claim, decodeJsonPatch(out.response.patch)) : claim;
          const finalizers = result.metadata!.finalizers ?? [];
          expect(finalizers.filter((f) => f === "kubernetes.io/pvc-protection")).toHaveLength(1);
          seen.allowed++;
          const chosen = pickDefaultStorageClass(classes).chosen;
          if (!claimHasClass(claim) && chosen) seen.assigned++;
          if (!claimHasClass(claim) && chosen) expect(result.spec!.storageClassName).toBe(chosen.metadata!.name);
          else expect(result.spec!.storageClassName).toBe(claim.spec!.storageClassName);
          expect(
            validatePersistentVolumeClaim({ ...result, metadata: { ...result.metadata, namespace: result.metadata!.namespace ?? "team" } }),
          ).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
    // the generators must reach every branch, or the property says little
    expect(Math.min(seen.allowed, seen.denied, seen.assigned)).toBeGreaterThan(10);
  });

  it("any object of any storage kind and operation: an answer, never a 500, never a throw", () => {
    const kind = fc.constantFrom("PersistentVolume", "PersistentVolumeClaim", "StorageClass");
    const op = fc.constantFrom<AdmissionOperation>("CREATE", "UPDATE", "DELETE");
    const obj = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({ metadata: fc.jsonValue({ maxDepth: 2 }), spec: fc.jsonValue({ maxDepth: 3 }), status: fc.jsonValue({ maxDepth: 2 }) }),
      claimArb,
    );
    fc.assert(
      fc.property(kind, op, obj, obj, fc.array(storageClassArb, { maxLength: 2 }), (k, operation, object, oldObject, classes) => {
        const out = reviewAdmission(makeAdmissionReview({ operation, kind: k, object, oldObject, uid: "u" }), { storageClasses: classes });
        expect(out.response.uid).toBe("u");
        expect(out.response.status?.code).not.toBe(500);
        expect(AdmissionReviewResponseSchema.safeParse(out).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe("fitWarning on Kubernetes' own warnings", () => {
  it.each([
    [
      "spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.",
      "spec.persistentVolumeReclaimPolicy: Recycle is deprecated; use dynamic provisioning instead.",
    ],
    [
      'metadata.annotations[volume.beta.kubernetes.io/storage-class]: deprecated since v1.8; use "storageClassName" attribute instead',
      'metadata.annotations[volume.beta.kubernetes.io/storage-class]: deprecated since v1.8; use "storageClassName" instead',
    ],
    [
      'spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key: beta.kubernetes.io/os is deprecated since v1.14; use "kubernetes.io/os" instead',
      '…matchExpressions[0].key: beta.kubernetes.io/os is deprecated since v1.14; use "kubernetes.io/os" instead',
    ],
  ])("%s", (long, short) => {
    expect(fitWarning(long)).toBe(short);
    expect(Array.from(short).length).toBeLessThanOrEqual(120);
  });

  it("cuts at a word boundary as a last resort", () => {
    const w = fitWarning("word ".repeat(60));
    expect(w.endsWith("word…")).toBe(true);
    expect(Array.from(w).length).toBeLessThanOrEqual(120);
  });
});
