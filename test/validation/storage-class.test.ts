import { describe, expect, it } from "vitest";
import { aggregateMessage, toStatus, validateStorageClass, validateStorageClassUpdate } from "../../src/validation/index.js";
import { LABEL_KEY_SLASHES, NAME_PART, patch, render, SUBDOMAIN } from "./messages.js";

type Sc = Record<string, unknown>;
const base: Sc = {
  apiVersion: "storage.k8s.io/v1",
  kind: "StorageClass",
  metadata: { name: "fast" },
  provisioner: "ebs.csi.aws.com",
  parameters: { type: "gp3" },
  reclaimPolicy: "Delete",
  volumeBindingMode: "WaitForFirstConsumer",
};
const sc = (p: Sc) => patch(base, p);
const zoneHost = (zone: string, host: string) => ({
  matchLabelExpressions: [
    { key: "failure-domain.beta.kubernetes.io/zone", values: [zone] },
    { key: "kubernetes.io/hostname", values: [host] },
  ],
});

describe("validateStorageClass — in upstream's order", () => {
  it("accepts a typical class", () => {
    expect(validateStorageClass(base)).toEqual([]);
  });

  it.each<[string, Sc, string[]]>([
    ["bad name", { metadata: { name: "Fast" } }, [`metadata.name: Invalid value: "Fast": ${SUBDOMAIN}`]],
    ["namespace", { metadata: { name: "fast", namespace: "default" } }, ["metadata.namespace: Forbidden: not allowed on this type"]],
    ["no provisioner", { provisioner: "" }, ["provisioner: Required value"]],
    ["absent provisioner", { provisioner: undefined }, ["provisioner: Required value"]],
    [
      "two slashes",
      { provisioner: "kubernetes.io/invalid/provisioner" },
      [`provisioner: Invalid value: "kubernetes.io/invalid/provisioner": ${LABEL_KEY_SLASHES}`],
    ],
    ["upper case is lower-cased first", { provisioner: "Example.COM/My-Provisioner" }, []],
    ["bad provisioner name (reported lower-cased)", { provisioner: "Bad_" }, [`provisioner: Invalid value: "bad_": ${NAME_PART}`]],
    ["in-tree provisioner", { provisioner: "kubernetes.io/no-provisioner" }, []],
    ["empty parameter key", { parameters: { "": "x", a: "b" } }, ['parameters: Invalid value: "": field can not be empty.']],
    ["no parameters", { parameters: undefined }, []],
    ["Recycle", { reclaimPolicy: "Recycle" }, ['reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"']],
    ["Retain", { reclaimPolicy: "Retain" }, []],
    ["absent reclaim policy defaults to Delete", { reclaimPolicy: undefined }, []],
    ["empty reclaim policy", { reclaimPolicy: "" }, []],
    [
      "bad binding mode",
      { volumeBindingMode: "foo" },
      ['volumeBindingMode: Unsupported value: "foo": supported values: "Immediate", "WaitForFirstConsumer"'],
    ],
    ["absent binding mode defaults to Immediate", { volumeBindingMode: undefined }, []],
    ["two valid topology terms", { allowedTopologies: [zoneHost("a", "node1"), zoneHost("b", "node2")] }, []],
    [
      "topology key without prefix",
      { allowedTopologies: [{ matchLabelExpressions: [{ key: "/invalidkey", values: ["a"] }] }] },
      ['allowedTopologies[0].matchLabelExpressions[0].key: Invalid value: "/invalidkey": prefix part must be non-empty'],
    ],
    [
      "topology without values",
      { allowedTopologies: [{ matchLabelExpressions: [{ key: "zone", values: [] }] }] },
      ["allowedTopologies[0].matchLabelExpressions[0].values: Required value"],
    ],
    [
      "topology duplicate values",
      { allowedTopologies: [{ matchLabelExpressions: [{ key: "zone", values: ["node1", "node1"] }] }] },
      ['allowedTopologies[0].matchLabelExpressions[0].values[1]: Duplicate value: "node1"'],
    ],
    ["topology nil expressions", { allowedTopologies: [{}] }, ['allowedTopologies[0].matchLabelExpressions: Duplicate value: ""']],
    [
      "topology duplicate key in a term",
      {
        allowedTopologies: [
          {
            matchLabelExpressions: [
              { key: "zone", values: ["a"] },
              { key: "zone", values: ["b"] },
            ],
          },
        ],
      },
      ['allowedTopologies[0].matchLabelExpressions[1].key: Duplicate value: "zone"'],
    ],
    [
      "identical terms",
      { allowedTopologies: [zoneHost("a", "n"), zoneHost("a", "n")] },
      ['allowedTopologies[1].matchLabelExpressions: Duplicate value: ""'],
    ],
    [
      "identical terms in another order",
      {
        allowedTopologies: [
          {
            matchLabelExpressions: [
              { key: "zone", values: ["a", "b"] },
              { key: "rack", values: ["1"] },
            ],
          },
          {
            matchLabelExpressions: [
              { key: "rack", values: ["1"] },
              { key: "zone", values: ["b", "a"] },
            ],
          },
        ],
      },
      ['allowedTopologies[1].matchLabelExpressions: Duplicate value: ""'],
    ],
    [
      "same key in different terms",
      {
        allowedTopologies: [
          { matchLabelExpressions: [{ key: "zone", values: ["a"] }] },
          { matchLabelExpressions: [{ key: "zone", values: ["b"] }] },
        ],
      },
      [],
    ],
    ["terms sharing one expression", { allowedTopologies: [zoneHost("a", "n1"), zoneHost("a", "n2")] }, []],
    ["mountOptions and allowVolumeExpansion are not validated", { mountOptions: ["", "x"], allowVolumeExpansion: true }, []],
  ])("%s", (_name, p, expected) => {
    expect(render(validateStorageClass(sc(p)))).toEqual(expected);
  });

  it("an empty term among N terms is reported once per seeded entry", () => {
    const errs = validateStorageClass(sc({ allowedTopologies: [{ matchLabelExpressions: [] }, zoneHost("a", "n")] }));
    expect(render(errs)).toEqual([
      'allowedTopologies[0].matchLabelExpressions: Duplicate value: ""',
      'allowedTopologies[0].matchLabelExpressions: Duplicate value: ""',
    ]);
    expect(aggregateMessage(errs)).toBe('allowedTopologies[0].matchLabelExpressions: Duplicate value: ""');
  });

  it("more than 512 parameters", () => {
    const parameters: Record<string, string> = {};
    for (let i = 0; i < 513; i++) parameters[`k${i}`] = "";
    parameters[""] = "x"; // not checked once the count is exceeded
    expect(render(validateStorageClass(sc({ parameters })))).toEqual(["parameters: Too long: may not be more than 512 bytes"]);
  });

  it("parameters larger than 256 KiB", () => {
    expect(render(validateStorageClass(sc({ parameters: { a: "x".repeat(262144) } })))).toEqual([
      "parameters: Too long: may not be more than 262144 bytes",
    ]);
    expect(validateStorageClass(sc({ parameters: { a: "x".repeat(262143) } }))).toEqual([]);
  });

  it("without server defaults a missing binding mode is required", () => {
    expect(render(validateStorageClass(sc({ volumeBindingMode: undefined }), { prepare: false }))).toEqual([
      "volumeBindingMode: Required value",
    ]);
  });

  it("worked example (aggregated messages)", () => {
    const status = toStatus(validateStorageClass(sc({ reclaimPolicy: "Recycle" })), "StorageClass", "fast");
    expect(status.message).toBe(
      'StorageClass.storage.k8s.io "fast" is invalid: reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
    );
  });
});

describe("validateStorageClassUpdate", () => {
  const prev = sc({ metadata: { name: "fast", resourceVersion: "9" } });
  it("accepts an unchanged class", () => {
    expect(validateStorageClassUpdate(prev, prev)).toEqual([]);
  });
  it("lets topologies, mount options, expansion and labels change", () => {
    const next = patch(prev, {
      metadata: { name: "fast", resourceVersion: "9", labels: { tier: "gold" } },
      allowedTopologies: [zoneHost("a", "n")],
      mountOptions: ["discard"],
      allowVolumeExpansion: true,
    });
    expect(validateStorageClassUpdate(next, prev)).toEqual([]);
  });
  it.each<[string, Sc, string[]]>([
    ["parameters", { parameters: { type: "io2" } }, ["parameters: Forbidden: updates to parameters are forbidden."]],
    ["parameters nil → empty", { parameters: {} }, ["parameters: Forbidden: updates to parameters are forbidden."]],
    ["provisioner", { provisioner: "pd.csi.storage.gke.io" }, ["provisioner: Forbidden: updates to provisioner are forbidden."]],
    ["reclaimPolicy", { reclaimPolicy: "Retain" }, ["reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden."]],
    ["volumeBindingMode", { volumeBindingMode: "Immediate" }, ['volumeBindingMode: Invalid value: "Immediate": field is immutable']],
  ])("%s is immutable", (_n, p, expected) => {
    const before = _n === "parameters nil → empty" ? patch(prev, { parameters: undefined }) : prev;
    expect(render(validateStorageClassUpdate(patch(before, p), before))).toEqual(expected);
  });
  it("an absent reclaim policy equals the default Delete", () => {
    expect(validateStorageClassUpdate(patch(prev, { reclaimPolicy: undefined }), prev)).toEqual([]);
  });
  it("runs create validation on the new object", () => {
    expect(render(validateStorageClassUpdate(patch(prev, { allowedTopologies: [{}] }), prev))).toEqual([
      'allowedTopologies[0].matchLabelExpressions: Duplicate value: ""',
    ]);
  });
});
