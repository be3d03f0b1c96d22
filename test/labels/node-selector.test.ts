import { describe, expect, it } from "vitest";
import { aggregateMessage } from "../../src/field/index.js";
import {
  checkVolumeNodeAffinity,
  compileNodeSelector,
  nodeAffinityError,
  nodeSelectorMatches,
  requiredNodeAffinityMatches,
  topologySelectorMatches,
  type Labels,
  type NodeSelector,
  type NodeSelectorRequirement,
  type TopologySelectorTerm,
} from "../../src/labels/index.js";
import { NAME_PART_MSG, VALUE_MSG } from "./messages.js";

// The conformance records of component-helpers nodeaffinity_test.go (TestPodMatchesNodeSelectorAndAffinityTerms, TestNodeSelectorMatch).
interface Rec {
  terms?: { me?: { key: string; op: string; values?: string[] }[]; mf?: { key: string; op: string; values?: string[] }[] }[] | null;
  ns?: Record<string, string> | null;
  labels?: Labels;
  node?: string;
  match: boolean;
}
const RECORDS: Rec[] = [
  { terms: null, ns: null, labels: {}, match: true },
  { ns: { foo: "bar" }, labels: {}, match: false },
  { ns: { foo: "bar" }, labels: { foo: "bar" }, match: true },
  { ns: { foo: "bar" }, labels: { foo: "bar", baz: "blah" }, match: true },
  { ns: { foo: "bar", baz: "blah" }, labels: { foo: "bar" }, match: false },
  { terms: [{ me: [{ key: "foo", op: "In", values: ["bar", "value2"] }] }], labels: { foo: "bar" }, match: true },
  { terms: [{ me: [{ key: "kernel-version", op: "Gt", values: ["0204"] }] }], labels: { "kernel-version": "0206" }, match: true },
  { terms: [{ me: [{ key: "mem-type", op: "NotIn", values: ["DDR", "DDR2"] }] }], labels: { "mem-type": "DDR3" }, match: true },
  { terms: [{ me: [{ key: "GPU", op: "Exists" }] }], labels: { GPU: "NVIDIA-GRID-K1" }, match: true },
  { terms: [{ me: [{ key: "foo", op: "In", values: ["value1", "value2"] }] }], labels: { foo: "bar" }, match: false },
  { terms: [], labels: { foo: "bar" }, match: false },
  { terms: [{ me: [] }], labels: { foo: "bar" }, match: false },
  {
    terms: [
      {
        me: [
          { key: "GPU", op: "Exists" },
          { key: "GPU", op: "NotIn", values: ["AMD", "INTER"] },
        ],
      },
    ],
    labels: { GPU: "NVIDIA-GRID-K1" },
    match: true,
  },
  {
    terms: [
      {
        me: [
          { key: "GPU", op: "Exists" },
          { key: "GPU", op: "In", values: ["AMD", "INTER"] },
        ],
      },
    ],
    labels: { GPU: "NVIDIA-GRID-K1" },
    match: false,
  },
  {
    terms: [
      { me: [{ key: "foo", op: "In", values: ["bar", "value2"] }] },
      { me: [{ key: "diffkey", op: "In", values: ["wrong", "value2"] }] },
    ],
    labels: { foo: "bar" },
    match: true,
  },
  { ns: { foo: "bar" }, terms: [{ me: [{ key: "foo", op: "Exists" }] }], labels: { foo: "bar" }, match: true },
  { ns: { foo: "bar" }, terms: [{ me: [{ key: "foo", op: "Exists" }] }], labels: { foo: "barrrrrr" }, match: false },
  { terms: [{ me: [{ key: "foo", op: "NotIn", values: ["invalid value: ___@#$%^"] }] }], labels: { foo: "bar" }, match: false },
  { terms: [{ mf: [{ key: "metadata.name", op: "In", values: ["node_1"] }] }], node: "node_1", match: true },
  { terms: [{ mf: [{ key: "metadata.name", op: "In", values: ["node_1"] }] }], node: "node_2", match: false },
  {
    terms: [{ mf: [{ key: "metadata.name", op: "In", values: ["node_1"] }] }, { me: [{ key: "foo", op: "In", values: ["bar"] }] }],
    node: "node_2",
    labels: { foo: "bar" },
    match: true,
  },
  {
    terms: [{ mf: [{ key: "metadata.name", op: "In", values: ["node_1"] }], me: [{ key: "foo", op: "In", values: ["bar"] }] }],
    node: "node_2",
    labels: { foo: "bar" },
    match: false,
  },
  {
    terms: [{ mf: [{ key: "metadata.name", op: "In", values: ["node_1"] }], me: [{ key: "foo", op: "In", values: ["bar"] }] }],
    node: "node_1",
    labels: { foo: "bar" },
    match: true,
  },
  {
    terms: [
      { mf: [{ key: "metadata.name", op: "In", values: ["node_1"] }] },
      { me: [{ key: "foo", op: "In", values: ["not-match-to-bar"] }] },
    ],
    node: "node_2",
    labels: { foo: "bar" },
    match: false,
  },
  {
    terms: [{ me: [{ key: "label_1", op: "In", values: ["label_1_val"] }], mf: [{ key: "metadata.name", op: "In", values: ["host_1"] }] }],
    node: "host_1",
    labels: {},
    match: false,
  },
  {
    terms: [{ me: [{ key: "label_1", op: "In", values: ["label_1_val"] }], mf: [{ key: "metadata.name", op: "In", values: ["host_1"] }] }],
    node: "host_1",
    labels: { label_1: "label_1_val" },
    match: true,
  },
  {
    terms: [
      { me: [{ key: "label_1", op: "In", values: ["label_1_val"] }] },
      { mf: [{ key: "metadata.name", op: "In", values: ["host_1"] }] },
    ],
    node: "host_1",
    labels: {},
    match: true,
  },
];

const toReq = (r: { key: string; op: string; values?: string[] }): NodeSelectorRequirement => ({
  key: r.key,
  operator: r.op,
  values: r.values,
});
function toSelector(terms: NonNullable<Rec["terms"]>): NodeSelector {
  return {
    nodeSelectorTerms: terms.map((t) => ({
      ...(t.me ? { matchExpressions: t.me.map(toReq) } : {}),
      ...(t.mf ? { matchFields: t.mf.map(toReq) } : {}),
    })),
  };
}

describe("node selector conformance records (component-helpers nodeaffinity_test.go)", () => {
  it.each(RECORDS.map((r, i) => [i, r] as const))("record %i", (_i, rec) => {
    const node = { name: rec.node, labels: rec.labels ?? {} };
    const pod = {
      spec: {
        nodeSelector: rec.ns ?? undefined,
        affinity:
          rec.terms == null ? undefined : { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: toSelector(rec.terms) } },
      },
    };
    expect(requiredNodeAffinityMatches(pod, node)).toBe(rec.match);
    if (rec.terms != null && rec.ns == null) {
      expect(nodeSelectorMatches(toSelector(rec.terms), node)).toBe(rec.match);
      // the same through the Node object shape
      expect(nodeSelectorMatches(toSelector(rec.terms), { metadata: { name: rec.node, labels: rec.labels } })).toBe(rec.match);
    }
  });

  it("reports the strict constructor's errors for the last record", () => {
    const sel: NodeSelector = {
      nodeSelectorTerms: [
        { matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1", "host_2"] }] },
        {
          matchExpressions: [{ key: "label_1", operator: "In", values: ["label_1_val"] }],
          matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1"] }],
        },
        { matchExpressions: [{ key: "invalid key", operator: "In", values: ["label_value"] }] },
      ],
    };
    const m = compileNodeSelector(sel);
    expect(m.errors.map(String)).toEqual([
      'nodeSelectorTerms[0].matchFields[0].values: Invalid value: ["host_1","host_2"]: must have one element',
      `nodeSelectorTerms[2].matchExpressions[0].key: Invalid value: "invalid key": ${NAME_PART_MSG}`,
    ]);
    // the lazy matcher still evaluates term 1
    expect(m.matches({ name: "host_1", labels: { label_1: "label_1_val" } })).toBe(true);
    expect(m.match({ name: "host_1", labels: { label_1: "label_1_val" } })).toEqual({ matched: true, errors: [] });
    expect(m.match({ name: "host_2", labels: {} }).errors).toHaveLength(2);
  });
});

describe("node selector semantics", () => {
  const one = (r: NodeSelectorRequirement): NodeSelector => ({ nodeSelectorTerms: [{ matchExpressions: [r] }] });

  it.each<[NodeSelectorRequirement, Labels, boolean]>([
    [{ key: "v", operator: "Gt", values: ["3"] }, { v: "4" }, true],
    [{ key: "v", operator: "Gt", values: ["3"] }, { v: "3" }, false],
    [{ key: "v", operator: "Gt", values: ["3"] }, { v: "-4" }, false],
    [{ key: "v", operator: "Lt", values: ["3"] }, { v: "-4" }, true],
    [{ key: "v", operator: "Lt", values: ["3"] }, { v: "+2" }, true],
    [{ key: "v", operator: "Gt", values: ["3"] }, { v: "4.0" }, false], // non-integer label never matches
    [{ key: "v", operator: "Lt", values: ["3"] }, { v: "abc" }, false],
    [{ key: "v", operator: "Lt", values: ["3"] }, { v: "" }, false],
    [{ key: "v", operator: "Lt", values: ["3"] }, {}, false], // the label must exist
    [{ key: "v", operator: "Gt", values: ["x"] }, { v: "4" }, false], // invalid operand: invalid term
    [{ key: "v", operator: "Gt", values: ["1", "2"] }, { v: "4" }, false],
    [{ key: "v", operator: "Gt", values: ["-1"] }, { v: "4" }, false], // -1 is not a label value
    [{ key: "v", operator: "Gt" }, { v: "4" }, false],
    [{ key: "v", operator: "In", values: ["a"] }, { v: "a" }, true],
    [{ key: "v", operator: "In" }, { v: "a" }, false],
    [{ key: "v", operator: "NotIn", values: ["a"] }, {}, true],
    [{ key: "v", operator: "Exists" }, { v: "" }, true],
    [{ key: "v", operator: "Exists", values: ["a"] }, { v: "a" }, false],
    [{ key: "v", operator: "DoesNotExist" }, {}, true],
    [{ key: "v", operator: "DoesNotExist" }, { v: "" }, false],
    [{ key: "v", operator: "in", values: ["a"] }, { v: "a" }, false], // operators are case-sensitive
    [{ key: "v", operator: "Foo", values: ["a"] }, { v: "a" }, false],
  ])("%j vs %j → %s", (req, labels, expected) => {
    expect(nodeSelectorMatches(one(req), { labels })).toBe(expected);
  });

  it("evaluates matchFields only when the node's name is known", () => {
    const sel: NodeSelector = { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }] }] };
    expect(nodeSelectorMatches(sel, { name: "n1" })).toBe(true);
    expect(nodeSelectorMatches(sel, { name: "n2" })).toBe(false);
    expect(nodeSelectorMatches(sel, { labels: {} })).toBe(true);
    expect(nodeSelectorMatches(sel, { name: "" })).toBe(true);
    const notIn: NodeSelector = { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["n1"] }] }] };
    expect(nodeSelectorMatches(notIn, { name: "n1" })).toBe(false);
    expect(nodeSelectorMatches(notIn, { name: "n2" })).toBe(true);
    // fields other than metadata.name read as ""
    const other: NodeSelector = { nodeSelectorTerms: [{ matchFields: [{ key: "spec.unschedulable", operator: "In", values: ["true"] }] }] };
    expect(nodeSelectorMatches(other, { name: "n1" })).toBe(false);
    const otherEmpty: NodeSelector = { nodeSelectorTerms: [{ matchFields: [{ key: "spec.x", operator: "In", values: [""] }] }] };
    expect(nodeSelectorMatches(otherEmpty, { name: "n1" })).toBe(true);
  });

  it("rejects bad matchFields operators and value counts", () => {
    const m = compileNodeSelector({
      nodeSelectorTerms: [
        { matchFields: [{ key: "metadata.name", operator: "Exists" }] },
        { matchFields: [{ key: "metadata.name", operator: "In" }] },
        { matchFields: [{ key: "metadata.name", operator: "NotIn", values: [] }] },
        { matchFields: [{ key: "metadata.name" } as NodeSelectorRequirement] },
      ],
    });
    expect(m.errors.map(String)).toEqual([
      'nodeSelectorTerms[0].matchFields[0].operator: Unsupported value: "Exists": supported values: "In", "NotIn"',
      "nodeSelectorTerms[1].matchFields[0].values: Invalid value: null: must have one element",
      "nodeSelectorTerms[2].matchFields[0].values: Invalid value: []: must have one element",
      'nodeSelectorTerms[3].matchFields[0].operator: Unsupported value: "": supported values: "In", "NotIn"',
    ]);
    expect(m.matches({ name: "x" })).toBe(false);
  });

  it("reports expression errors with their paths, flattened", () => {
    const m = compileNodeSelector({
      nodeSelectorTerms: [
        {},
        {
          matchExpressions: [
            { key: "a", operator: "Near", values: ["x"] },
            { key: "", operator: "In" },
            { key: "foo", operator: "NotIn", values: ["invalid value: ___@#$%^"] },
          ],
        },
      ],
    });
    expect(m.errors.map(String)).toEqual([
      'nodeSelectorTerms[1].matchExpressions[0].operator: Unsupported value: "Near": supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"',
      'nodeSelectorTerms[1].matchExpressions[1].key: Invalid value: "": name part must be non-empty; ' + NAME_PART_MSG,
      "nodeSelectorTerms[1].matchExpressions[1].values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
      `nodeSelectorTerms[1].matchExpressions[2].values[0][foo]: Invalid value: "invalid value: ___@#$%^": ${VALUE_MSG}`,
    ]);
  });

  it("matches nothing for null nodes, empty term lists and empty terms", () => {
    const sel: NodeSelector = { nodeSelectorTerms: [{ matchExpressions: [{ key: "a", operator: "Exists" }] }] };
    expect(nodeSelectorMatches(sel, null)).toBe(false);
    expect(nodeSelectorMatches({ nodeSelectorTerms: [] }, { labels: {} })).toBe(false);
    expect(nodeSelectorMatches({ nodeSelectorTerms: [{}, { matchExpressions: [], matchFields: [] }] }, { labels: { a: "b" } })).toBe(false);
    expect(nodeSelectorMatches(null, { labels: {} })).toBe(false);
  });

  it("treats nodes without labels as having none", () => {
    const dne: NodeSelector = { nodeSelectorTerms: [{ matchExpressions: [{ key: "a", operator: "DoesNotExist" }] }] };
    expect(nodeSelectorMatches(dne, {})).toBe(true);
    expect(nodeSelectorMatches(dne, { metadata: {} })).toBe(true);
  });
});

describe("checkVolumeNodeAffinity (component-helpers CheckNodeAffinity)", () => {
  const pv = (required: NodeSelector | null | undefined, hasAffinity = true) => ({
    spec: hasAffinity ? { nodeAffinity: { required } } : {},
  });
  const host = (h: string): NodeSelector => ({
    nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [h] }] }],
  });

  it("fits without node affinity or without required", () => {
    expect(checkVolumeNodeAffinity(pv(undefined, false), {})).toBeUndefined();
    expect(checkVolumeNodeAffinity(pv(null), {})).toBeUndefined();
    expect(checkVolumeNodeAffinity({ spec: { nodeAffinity: null } }, {})).toBeUndefined();
    expect(checkVolumeNodeAffinity({}, undefined)).toBeUndefined();
  });

  it("checks the labels", () => {
    expect(checkVolumeNodeAffinity(pv(host("n1")), { "kubernetes.io/hostname": "n1" })).toBeUndefined();
    expect(checkVolumeNodeAffinity(pv(host("n1")), { "kubernetes.io/hostname": "n2" })).toBe("no matching NodeSelectorTerms");
    expect(checkVolumeNodeAffinity(pv(host("n1")), undefined)).toBe("no matching NodeSelectorTerms");
  });

  it("fails with an empty term list or only empty terms", () => {
    expect(checkVolumeNodeAffinity(pv({ nodeSelectorTerms: [] }), {})).toBe("no matching NodeSelectorTerms");
    expect(checkVolumeNodeAffinity(pv({ nodeSelectorTerms: [{}] }), {})).toBe("no matching NodeSelectorTerms");
  });

  it("ignores matchFields (the synthetic node has no name)", () => {
    const sel: NodeSelector = { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["other-node"] }] }] };
    expect(checkVolumeNodeAffinity(pv(sel), {})).toBeUndefined();
  });

  it("returns the construction errors when no term matched, and ignores them when one did", () => {
    const bad: NodeSelector = {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: "invalid key", operator: "In", values: ["x"] }] },
        { matchExpressions: [{ key: "zone", operator: "Gt", values: ["a"] }] },
        host("n1").nodeSelectorTerms[0]!,
      ],
    };
    expect(checkVolumeNodeAffinity(pv(bad), { "kubernetes.io/hostname": "n1" })).toBeUndefined();
    expect(checkVolumeNodeAffinity(pv(bad), { "kubernetes.io/hostname": "n2" })).toBe(
      `[nodeSelectorTerms[0].matchExpressions[0].key: Invalid value: "invalid key": ${NAME_PART_MSG}, ` +
        `nodeSelectorTerms[1].matchExpressions[0].values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer]`,
    );
    const one: NodeSelector = { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "Foo" }] }] };
    expect(checkVolumeNodeAffinity(pv(one), {})).toBe(
      'nodeSelectorTerms[0].matchExpressions[0].operator: Unsupported value: "Foo": supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"',
    );
  });

  it("agrees with nodeAffinityError on a precompiled selector", () => {
    const m = compileNodeSelector(host("n1"));
    expect(nodeAffinityError(m, { "kubernetes.io/hostname": "n1" })).toBeUndefined();
    expect(nodeAffinityError(m, {})).toBe("no matching NodeSelectorTerms");
    expect(aggregateMessage(m.errors)).toBe("");
  });
});

describe("topologySelectorMatches (StorageClass allowedTopologies)", () => {
  const zone = "topology.kubernetes.io/zone";
  const terms: TopologySelectorTerm[] = [
    {
      matchLabelExpressions: [
        { key: zone, values: ["a", "b"] },
        { key: "kubernetes.io/hostname", values: ["n1"] },
      ],
    },
    { matchLabelExpressions: [{ key: zone, values: ["c"] }] },
  ];

  it("matches everything when the list is empty or absent", () => {
    expect(topologySelectorMatches(undefined, {})).toBe(true);
    expect(topologySelectorMatches(null, undefined)).toBe(true);
    expect(topologySelectorMatches([], {})).toBe(true);
  });

  it("ORs terms and ANDs expressions", () => {
    expect(topologySelectorMatches(terms, { [zone]: "a", "kubernetes.io/hostname": "n1" })).toBe(true);
    expect(topologySelectorMatches(terms, { [zone]: "a" })).toBe(false);
    expect(topologySelectorMatches(terms, { [zone]: "c" })).toBe(true);
    expect(topologySelectorMatches(terms, { [zone]: "d" })).toBe(false);
    expect(topologySelectorMatches(terms, undefined)).toBe(false);
  });

  it("never matches with empty or invalid terms", () => {
    expect(topologySelectorMatches([{}], { a: "b" })).toBe(false);
    expect(topologySelectorMatches([{ matchLabelExpressions: [] }], { a: "b" })).toBe(false);
    expect(topologySelectorMatches([{ matchLabelExpressions: [{ key: "a", values: [] }] }], { a: "" })).toBe(false);
    expect(topologySelectorMatches([{ matchLabelExpressions: [{ key: "/a", values: ["b"] }] }], { "/a": "b" })).toBe(false);
    expect(topologySelectorMatches([{ matchLabelExpressions: [{ key: "a", values: ["-b"] }] }], { a: "-b" })).toBe(false);
    expect(topologySelectorMatches([{}, { matchLabelExpressions: [{ key: "a", values: ["b"] }] }], { a: "b" })).toBe(true);
  });
});
