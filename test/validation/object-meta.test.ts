import { describe, expect, it } from "vitest";
import { validateObjectMeta, validateObjectMetaUpdate } from "../../src/validation/index.js";
import { LABEL, LABEL_VALUE, NAME_PART, render, SUBDOMAIN } from "./messages.js";

describe("validateObjectMeta (apimachinery ValidateObjectMeta)", () => {
  it.each<[string, unknown, boolean, string[]]>([
    ["a valid cluster-scoped name", { name: "pv-1" }, false, []],
    ["a valid namespaced object", { name: "c", namespace: "ns" }, true, []],
    ["missing name", {}, false, ["metadata.name: Required value: name or generateName is required"]],
    [
      "generateName alone still needs the generated name",
      { generateName: "pv-" },
      false,
      ["metadata.name: Required value: name or generateName is required"],
    ],
    ["generateName may end in a dash", { generateName: "pv-", name: "pv-x1" }, false, []],
    ["bad generateName", { generateName: "PV-", name: "pv" }, false, [`metadata.generateName: Invalid value: "PV-": ${SUBDOMAIN}`]],
    ["bad name", { name: "a_b" }, false, [`metadata.name: Invalid value: "a_b": ${SUBDOMAIN}`]],
    [
      "long name",
      { name: "a".repeat(254) },
      false,
      ['metadata.name: Invalid value: "' + "a".repeat(254) + '": must be no more than 253 characters'],
    ],
    [
      "namespace on a cluster-scoped kind",
      { name: "x", namespace: "ns" },
      false,
      ["metadata.namespace: Forbidden: not allowed on this type"],
    ],
    ["missing namespace", { name: "x" }, true, ["metadata.namespace: Required value"]],
    ["namespace with dots", { name: "x", namespace: "a.b" }, true, ['metadata.namespace: Invalid value: "a.b": must not contain dots']],
    ["bad namespace", { name: "x", namespace: "NS" }, true, [`metadata.namespace: Invalid value: "NS": ${LABEL}`]],
    [
      "negative generation",
      { name: "x", generation: -1 },
      false,
      ["metadata.generation: Invalid value: -1: must be greater than or equal to 0"],
    ],
    ["bad label key", { name: "x", labels: { "a b": "c" } }, false, [`metadata.labels: Invalid value: "a b": ${NAME_PART}`]],
    ["bad label value", { name: "x", labels: { a: "b c" } }, false, [`metadata.labels: Invalid value: "b c": ${LABEL_VALUE}`]],
    ["annotation keys are lower-cased before the check", { name: "x", annotations: { "Example.COM/Foo": "1" } }, false, []],
    ["bad annotation key", { name: "x", annotations: { "a b": "" } }, false, [`metadata.annotations: Invalid value: "a b": ${NAME_PART}`]],
    [
      "annotations too large",
      { name: "x", annotations: { a: "x".repeat(262144) } },
      false,
      ["metadata.annotations: Too long: may not be more than 262144 bytes"],
    ],
    ["qualified finalizer", { name: "x", finalizers: ["kubernetes.io/pv-protection"] }, false, []],
    ["standard finalizer", { name: "x", finalizers: ["orphan"] }, false, []],
    [
      "unqualified finalizer",
      { name: "x", finalizers: ["foo"] },
      false,
      ['metadata.finalizers[0]: Invalid value: "foo": name is neither a standard finalizer name nor is it fully qualified'],
    ],
    [
      "invalid finalizer (reported by both checks)",
      { name: "x", finalizers: ["a/b/c"] },
      false,
      [
        "metadata.finalizers: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
        "metadata.finalizers[0]: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    ],
    [
      "orphan and foreground",
      { name: "x", finalizers: ["orphan", "foregroundDeletion"] },
      false,
      ['metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set'],
    ],
    [
      "empty owner reference",
      { name: "x", ownerReferences: [{}] },
      false,
      [
        'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
        'metadata.ownerReferences.kind: Invalid value: "": kind must not be empty',
        'metadata.ownerReferences.name: Invalid value: "": name must not be empty',
        'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty',
      ],
    ],
    [
      "two controllers",
      {
        name: "x",
        ownerReferences: [
          { apiVersion: "apps/v1", kind: "StatefulSet", name: "a", uid: "1", controller: true },
          { apiVersion: "apps/v1", kind: "StatefulSet", name: "b", uid: "2", controller: true },
        ],
      },
      false,
      [],
    ],
  ])("%s", (name, meta, namespaced, expected) => {
    const errs = render(validateObjectMeta(meta, namespaced));
    if (name === "two controllers") {
      expect(errs).toHaveLength(1);
      expect(errs[0]).toMatch(
        /^metadata\.ownerReferences: Invalid value: \[.*\]: Only one reference can have Controller set to true\. Found "true" in references for StatefulSet\/a and StatefulSet\/b$/,
      );
    } else expect(errs).toEqual(expected);
  });

  it("reports wrong types instead of throwing", () => {
    expect(render(validateObjectMeta("x", false))).toEqual(['metadata: Invalid value: "x": must be of type object']);
    expect(render(validateObjectMeta({ name: 5, labels: [] }, false))).toEqual([
      "metadata.name: Invalid value: 5: must be of type string",
      "metadata.labels: Invalid value: []: must be of type object",
    ]);
  });
});

describe("validateObjectMetaUpdate (apimachinery ValidateObjectMetaUpdate)", () => {
  const prev = { name: "x", namespace: "ns", uid: "u1", resourceVersion: "3", generation: 2, creationTimestamp: "2026-01-01T00:00:00Z" };
  it("accepts an unchanged object", () => {
    expect(validateObjectMetaUpdate(prev, prev)).toEqual([]);
  });
  it("accepts the same timestamp spelled differently", () => {
    expect(validateObjectMetaUpdate({ ...prev, creationTimestamp: new Date("2026-01-01T00:00:00.000Z") }, prev)).toEqual([]);
  });
  it.each<[string, Record<string, unknown>, string[]]>([
    ["missing resourceVersion", { resourceVersion: "" }, ['metadata.resourceVersion: Invalid value: "": must be specified for an update']],
    ["generation decremented", { generation: 1 }, ["metadata.generation: Invalid value: 1: must not be decremented"]],
    ["name changed", { name: "y" }, ['metadata.name: Invalid value: "y": field is immutable']],
    ["namespace changed", { namespace: "other" }, ['metadata.namespace: Invalid value: "other": field is immutable']],
    ["uid changed", { uid: "u2" }, ['metadata.uid: Invalid value: "u2": field is immutable']],
    [
      "creationTimestamp changed",
      { creationTimestamp: "2026-01-02T00:00:00Z" },
      ['metadata.creationTimestamp: Invalid value: "2026-01-02T00:00:00Z": field is immutable'],
    ],
    [
      "deletionTimestamp set",
      { deletionTimestamp: "2026-01-02T00:00:00Z" },
      ['metadata.deletionTimestamp: Invalid value: "2026-01-02T00:00:00Z": field is immutable'],
    ],
    [
      "grace period set",
      { deletionGracePeriodSeconds: 30 },
      ["metadata.deletionGracePeriodSeconds: Invalid value: 30: field is immutable"],
    ],
  ])("%s", (_n, p, expected) => {
    expect(render(validateObjectMetaUpdate({ ...prev, ...p }, prev))).toEqual(expected);
  });
  it("no new finalizers while deleting", () => {
    const deleting = { ...prev, deletionTimestamp: "2026-01-02T00:00:00Z", finalizers: ["kubernetes.io/pvc-protection"] };
    expect(
      render(
        validateObjectMetaUpdate({ ...deleting, finalizers: ["kubernetes.io/pvc-protection", "example.com/b", "example.com/a"] }, deleting),
      ),
    ).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/a", "example.com/b"}',
    ]);
    expect(validateObjectMetaUpdate({ ...deleting, finalizers: [] }, deleting)).toEqual([]);
  });
});
