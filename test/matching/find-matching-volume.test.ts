import { describe, expect, it } from "vitest";
import { MatchingError, findMatchingVolume } from "../../src/matching/index.js";
import { HOSTNAME, ROX, RWO, RWX, nameOf, node, pv, pvc, refTo } from "./builders.js";
import type { PvOpts, PvcOpts } from "./builders.js";

type Row = {
  name: string;
  claim: PvcOpts;
  pool: Array<[string, PvOpts]>;
  opts?: Parameters<typeof findMatchingVolume>[2];
  want: string | undefined;
};

function run(r: Row): string | undefined {
  return nameOf(
    findMatchingVolume(
      pvc("data", r.claim),
      r.pool.map(([n, o]) => pv(n, o)),
      r.opts,
    ),
  );
}

describe("findMatchingVolume — capacity (exact comparison, smallest wins)", () => {
  const rows: Row[] = [
    {
      name: "smallest of several",
      claim: { req: "1Gi" },
      pool: [
        ["a", { cap: "10Gi" }],
        ["b", { cap: "5Gi" }],
        ["c", { cap: "20Gi" }],
      ],
      want: "b",
    },
    {
      name: "too small skipped",
      claim: { req: "6Gi" },
      pool: [
        ["a", { cap: "10Gi" }],
        ["b", { cap: "5Gi" }],
      ],
      want: "a",
    },
    { name: "equal capacity fits", claim: { req: "5Gi" }, pool: [["b", { cap: "5Gi" }]], want: "b" },
    { name: "1G is smaller than 1Gi", claim: { req: "1Gi" }, pool: [["g", { cap: "1G" }]], want: undefined },
    { name: "1Gi fits 1G", claim: { req: "1G" }, pool: [["gi", { cap: "1Gi" }]], want: "gi" },
    {
      name: "1G beats 1Gi for a 1G claim",
      claim: { req: "1G" },
      pool: [
        ["gi", { cap: "1Gi" }],
        ["g", { cap: "1G" }],
      ],
      want: "g",
    },
    {
      name: "800E too small for 900E",
      claim: { req: "900E" },
      pool: [
        ["e8", { cap: "800E" }],
        ["e9", { cap: "950E" }],
      ],
      want: "e9",
    },
    {
      name: "800E beats 950E",
      claim: { req: "1" },
      pool: [
        ["e9", { cap: "950E" }],
        ["e8", { cap: "800E" }],
      ],
      want: "e8",
    },
    { name: "huge values compare exactly", claim: { req: "950E" }, pool: [["e", { cap: "949999999999999999999" }]], want: undefined },
    { name: "missing request is 0", claim: { req: null }, pool: [["z", { cap: "0" }]], want: "z" },
    { name: "missing capacity is 0", claim: { req: "1" }, pool: [["z", { cap: null }]], want: undefined },
    { name: "missing capacity fits a 0 request", claim: { req: null }, pool: [["z", { cap: null }]], want: "z" },
    { name: "milli quantities are exact", claim: { req: "2" }, pool: [["m", { cap: "1500m" }]], want: undefined },
    {
      name: "equal sizes: smaller name",
      claim: {},
      pool: [
        ["pv-b", { cap: "1Gi" }],
        ["pv-a", { cap: "1073741824" }],
      ],
      want: "pv-a",
    },
    {
      name: "equal sizes, other order",
      claim: {},
      pool: [
        ["pv-a", { cap: "1073741824" }],
        ["pv-b", { cap: "1Gi" }],
      ],
      want: "pv-a",
    },
    {
      name: "malformed capacity never matches, never throws",
      claim: {},
      pool: [
        ["bad", { cap: "ten gigs" }],
        ["ok", { cap: "99Gi" }],
      ],
      want: "ok",
    },
  ];
  it.each(rows)("$name", (r) => expect(run(r)).toBe(r.want));
});

describe("findMatchingVolume — class, mode, VAC, phase, deletion, claimRef", () => {
  const rows: Row[] = [
    { name: "unset claim class matches class-less volume", claim: {}, pool: [["a", {}]], want: "a" },
    { name: 'claim "" matches class-less volume', claim: { cls: "" }, pool: [["a", {}]], want: "a" },
    { name: 'claim "" matches volume with ""', claim: { cls: "" }, pool: [["a", { cls: "" }]], want: "a" },
    { name: "unset claim never matches a classed volume", claim: {}, pool: [["a", { cls: "fast" }]], want: undefined },
    { name: "class mismatch", claim: { cls: "standard" }, pool: [["a", { cls: "fast" }]], want: undefined },
    {
      name: "class match",
      claim: { cls: "fast" },
      pool: [
        ["a", { cls: "fast" }],
        ["b", { cls: "slow", cap: "1Gi" }],
      ],
      want: "a",
    },
    {
      name: "volume beta annotation wins over storageClassName",
      claim: { cls: "fast" },
      pool: [["a", { cls: "fast", betaClass: "slow" }]],
      want: undefined,
    },
    { name: "volume beta annotation matches", claim: { cls: "slow" }, pool: [["a", { cls: "fast", betaClass: "slow" }]], want: "a" },
    { name: 'volume beta "" makes it class-less', claim: {}, pool: [["a", { cls: "fast", betaClass: "" }]], want: "a" },
    {
      name: "claim beta annotation wins",
      claim: { cls: "fast", betaClass: "slow" },
      pool: [
        ["f", { cls: "fast" }],
        ["s", { cls: "slow" }],
      ],
      want: "s",
    },
    {
      name: 'claim beta "" means no class',
      claim: { cls: "fast", betaClass: "" },
      pool: [
        ["f", { cls: "fast" }],
        ["n", {}],
      ],
      want: "n",
    },
    { name: "Block volume, unset claim mode", claim: {}, pool: [["b", { volumeMode: "Block" }]], want: undefined },
    { name: "Block volume, Block claim", claim: { volumeMode: "Block" }, pool: [["b", { volumeMode: "Block" }]], want: "b" },
    { name: "unset volume mode = Filesystem", claim: { volumeMode: "Filesystem" }, pool: [["f", {}]], want: "f" },
    {
      name: "Filesystem claim, Block volume",
      claim: { volumeMode: "Filesystem" },
      pool: [["b", { volumeMode: "Block" }]],
      want: undefined,
    },
    { name: "VAC required, volume has none", claim: { vac: "gold" }, pool: [["a", {}]], want: undefined },
    { name: "VAC equal", claim: { vac: "gold" }, pool: [["a", { vac: "gold" }]], want: "a" },
    { name: "volume VAC, claim none", claim: {}, pool: [["a", { vac: "gold" }]], want: undefined },
    { name: "null VAC equals unset", claim: { vac: null }, pool: [["a", { vac: "" }]], want: "a" },
    { name: "Pending skipped", claim: {}, pool: [["a", { phase: "Pending" }]], want: undefined },
    { name: "Released skipped", claim: {}, pool: [["a", { phase: "Released" }]], want: undefined },
    { name: "Failed skipped", claim: {}, pool: [["a", { phase: "Failed" }]], want: undefined },
    { name: "missing phase skipped", claim: {}, pool: [["a", { phase: null }]], want: undefined },
    {
      name: "deleting skipped",
      claim: {},
      pool: [
        ["a", { deleting: true, cap: "1Gi" }],
        ["b", {}],
      ],
      want: "b",
    },
    { name: "bound to another claim", claim: {}, pool: [["a", { claimRef: refTo("other"), phase: "Bound" }]], want: undefined },
    { name: "same name, other namespace", claim: {}, pool: [["a", { claimRef: refTo("data", false, "prod") }]], want: undefined },
    {
      name: "same name, stale uid (released)",
      claim: {},
      pool: [["a", { claimRef: { namespace: "default", name: "data", uid: "old" }, phase: "Released" }]],
      want: undefined,
    },
    {
      name: "excluded name",
      claim: {},
      pool: [
        ["a", { cap: "1Gi" }],
        ["b", {}],
      ],
      opts: { excluded: new Set(["a"]) },
      want: "b",
    },
    { name: "no access modes requested", claim: { modes: [] }, pool: [["a", {}]], opts: { node: node("n1") }, want: "a" },
  ];
  it.each(rows)("$name", (r) => expect(run(r)).toBe(r.want));
});

describe("findMatchingVolume — selector (only when the claim has one)", () => {
  const rows: Row[] = [
    { name: "no selector: labels ignored", claim: {}, pool: [["a", { labels: { zone: "b" } }]], want: "a" },
    {
      name: "matchLabels",
      claim: { selector: { matchLabels: { zone: "a" } } },
      pool: [
        ["x", { labels: { zone: "b" }, cap: "1Gi" }],
        ["y", { labels: { zone: "a" } }],
      ],
      want: "y",
    },
    { name: "{} matches everything", claim: { selector: {} }, pool: [["a", {}]], want: "a" },
    { name: "null selector = none", claim: { selector: null }, pool: [["a", {}]], want: "a" },
    {
      name: "NotIn matches a missing key",
      claim: { selector: { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] } },
      pool: [["a", {}]],
      want: "a",
    },
    {
      name: "In needs the key",
      claim: { selector: { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] } },
      pool: [["a", {}]],
      want: undefined,
    },
    {
      name: "DoesNotExist",
      claim: { selector: { matchExpressions: [{ key: "old", operator: "DoesNotExist" }] } },
      pool: [
        ["a", { labels: { old: "" } }],
        ["b", { cap: "20Gi" }],
      ],
      want: "b",
    },
  ];
  it.each(rows)("$name", (r) => expect(run(r)).toBe(r.want));
});

describe("findMatchingVolume — access modes are checked only with a node", () => {
  it("controller path (no node): an RWO volume matches an RWX claim", () => {
    expect(run({ name: "", claim: { modes: [RWX] }, pool: [["a", { modes: [RWO] }]], want: "a" })).toBe("a");
  });
  it("scheduler path: missing mode skipped", () => {
    const r: Row = {
      name: "",
      claim: { modes: [RWX] },
      pool: [
        ["a", { modes: [RWO] }],
        ["b", { modes: [RWO, RWX], cap: "50Gi" }],
      ],
      opts: { node: node("n1") },
      want: "b",
    };
    expect(run(r)).toBe("b");
  });
  it("scheduler path: superset of modes is fine", () => {
    expect(run({ name: "", claim: { modes: [ROX] }, pool: [["a", { modes: [RWO, ROX] }]], opts: { node: node("n1") }, want: "a" })).toBe(
      "a",
    );
  });
});

describe("findMatchingVolume — node affinity", () => {
  it("no node: affinity is never evaluated (Immediate binding ignores topology)", () => {
    expect(run({ name: "", claim: {}, pool: [["local", { host: "n9" }]], want: "local" })).toBe("local");
  });
  it("with a node: a volume for another node is skipped", () => {
    const r: Row = {
      name: "",
      claim: {},
      pool: [
        ["l9", { host: "n9", cap: "1Gi" }],
        ["l1", { host: "n1" }],
      ],
      opts: { node: node("n1") },
      want: "l1",
    };
    expect(run(r)).toBe("l1");
  });
  it("a Node object works as well as the flat form", () => {
    const n = { metadata: { name: "n1", labels: { [HOSTNAME]: "n1" } } };
    expect(nameOf(findMatchingVolume(pvc("data"), [pv("l1", { host: "n1" })], { node: n }))).toBe("l1");
    expect(nameOf(findMatchingVolume(pvc("data"), [pv("l9", { host: "n9" })], { node: n }))).toBeUndefined();
  });
  it("matchFields-only terms are ignored (match any node)", () => {
    const affinity = { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["other"] }] }] };
    expect(run({ name: "", claim: {}, pool: [["f", { affinity }]], opts: { node: node("n1") }, want: "f" })).toBe("f");
  });
  it("an empty term list matches no node", () => {
    expect(
      run({ name: "", claim: {}, pool: [["e", { affinity: { nodeSelectorTerms: [] } }]], opts: { node: node("n1") }, want: undefined }),
    ).toBeUndefined();
  });
});

describe("findMatchingVolume — pre-bound volumes", () => {
  const rows: Row[] = [
    {
      name: "pre-bound by name wins over a smaller volume",
      claim: {},
      pool: [
        ["small", { cap: "1Gi" }],
        ["pre", { cap: "100Gi", claimRef: refTo("data") }],
      ],
      want: "pre",
    },
    {
      name: "pre-bound by uid",
      claim: {},
      pool: [
        ["small", { cap: "1Gi" }],
        ["pre", { cap: "100Gi", claimRef: refTo("data", true) }],
      ],
      want: "pre",
    },
    { name: "pre-bound skips phase", claim: {}, pool: [["pre", { claimRef: refTo("data"), phase: "Bound" }]], want: "pre" },
    { name: "pre-bound skips a missing phase", claim: {}, pool: [["pre", { claimRef: refTo("data"), phase: null }]], want: "pre" },
    { name: "pre-bound skips class", claim: { cls: "fast" }, pool: [["pre", { claimRef: refTo("data"), cls: "slow" }]], want: "pre" },
    {
      name: "pre-bound skips selector",
      claim: { selector: { matchLabels: { a: "b" } } },
      pool: [["pre", { claimRef: refTo("data") }]],
      want: "pre",
    },
    {
      name: "pre-bound skips access modes (no node)",
      claim: { modes: [RWX] },
      pool: [["pre", { claimRef: refTo("data"), modes: [RWO] }]],
      want: "pre",
    },
    {
      name: "pre-bound skips access modes (scheduler)",
      claim: { modes: [RWX] },
      pool: [["pre", { claimRef: refTo("data"), modes: [RWO], host: "n1" }]],
      opts: { node: node("n1") },
      want: "pre",
    },
    {
      name: "pre-bound too small: skipped, another chosen",
      claim: { req: "10Gi" },
      pool: [
        ["pre", { cap: "5Gi", claimRef: refTo("data") }],
        ["other", { cap: "20Gi" }],
      ],
      want: "other",
    },
    {
      name: "pre-bound wrong volume mode: skipped",
      claim: {},
      pool: [
        ["pre", { volumeMode: "Block", claimRef: refTo("data") }],
        ["other", {}],
      ],
      want: "other",
    },
    {
      name: "pre-bound VAC mismatch: skipped",
      claim: { vac: "gold" },
      pool: [
        ["pre", { claimRef: refTo("data") }],
        ["other", { vac: "gold" }],
      ],
      want: "other",
    },
    {
      name: "pre-bound being deleted: skipped",
      claim: {},
      pool: [
        ["pre", { deleting: true, claimRef: refTo("data") }],
        ["other", {}],
      ],
      want: "other",
    },
    {
      name: "pre-bound excluded: skipped",
      claim: {},
      pool: [
        ["pre", { claimRef: refTo("data") }],
        ["other", {}],
      ],
      opts: { excluded: new Set(["pre"]) },
      want: "other",
    },
    {
      name: "pre-bound with a wrong uid is someone else's",
      claim: {},
      pool: [["pre", { claimRef: { namespace: "default", name: "data", uid: "x" } }]],
      want: undefined,
    },
    {
      name: "pre-bound misses the node: early undefined although another fits",
      claim: {},
      pool: [
        ["pre", { host: "n9", claimRef: refTo("data") }],
        ["fits", { host: "n1" }],
      ],
      opts: { node: node("n1") },
      want: undefined,
    },
    {
      name: "pre-bound fits the node",
      claim: {},
      pool: [
        ["pre", { host: "n1", claimRef: refTo("data") }],
        ["fits", { cap: "1Gi" }],
      ],
      opts: { node: node("n1") },
      want: "pre",
    },
    {
      name: "pre-bound too small does not trigger the early exit",
      claim: { req: "20Gi" },
      pool: [
        ["pre", { host: "n9", cap: "1Gi", claimRef: refTo("data") }],
        ["fits", { cap: "30Gi" }],
      ],
      opts: { node: node("n1") },
      want: "fits",
    },
    {
      name: "two pre-bound volumes: the smaller name decides",
      claim: {},
      pool: [
        ["pre-b", { cap: "1Gi", claimRef: refTo("data") }],
        ["pre-a", { cap: "9Gi", claimRef: refTo("data") }],
      ],
      want: "pre-a",
    },
    {
      name: "two pre-bound, smaller name misses node: undefined",
      claim: {},
      pool: [
        ["pre-b", { host: "n1", claimRef: refTo("data") }],
        ["pre-a", { host: "n9", claimRef: refTo("data") }],
      ],
      opts: { node: node("n1") },
      want: undefined,
    },
  ];
  it.each(rows)("$name", (r) => expect(run(r)).toBe(r.want));
});

describe("findMatchingVolume — delayed binding", () => {
  it("no node + delayBinding: unbound volumes are left for the scheduler", () => {
    expect(run({ name: "", claim: {}, pool: [["a", {}]], opts: { delayBinding: true }, want: undefined })).toBeUndefined();
  });
  it("no node + delayBinding: a pre-bound volume is still returned", () => {
    const r: Row = {
      name: "",
      claim: {},
      pool: [
        ["a", { cap: "1Gi" }],
        ["pre", { claimRef: refTo("data") }],
      ],
      opts: { delayBinding: true },
      want: "pre",
    };
    expect(run(r)).toBe("pre");
  });
  it("with a node, delayBinding does not skip", () => {
    expect(run({ name: "", claim: {}, pool: [["a", {}]], opts: { node: node("n1"), delayBinding: true }, want: "a" })).toBe("a");
  });
});

describe("findMatchingVolume — inputs", () => {
  it("duplicate names: the last one wins (store semantics)", () => {
    const a1 = pv("a", { cap: "1Gi", phase: "Bound", claimRef: refTo("x") });
    const a2 = pv("a", { cap: "1Gi" });
    expect(findMatchingVolume(pvc("data"), [a1, a2])).toBe(a2);
    expect(findMatchingVolume(pvc("data"), [a2, a1])).toBeUndefined();
  });
  it("returns the input object itself and does not mutate anything", () => {
    const v = pv("a");
    const before = JSON.stringify(v);
    expect(findMatchingVolume(pvc("data"), [v])).toBe(v);
    expect(JSON.stringify(v)).toBe(before);
  });
  it("accepts any iterable", () => {
    expect(nameOf(findMatchingVolume(pvc("data"), new Set([pv("a")])))).toBe("a");
  });
  it("empty pool", () => expect(findMatchingVolume(pvc("data"), [])).toBeUndefined());
  it("malformed volumes are skipped", () => {
    const junk = [
      null,
      42,
      "pv",
      {},
      { metadata: {} },
      { metadata: { name: "x" }, spec: null },
      { metadata: { name: "y" }, spec: { accessModes: "RWO" } },
    ];
    expect(nameOf(findMatchingVolume(pvc("data"), [...(junk as never[]), pv("ok")]))).toBe("ok");
  });
  it("an invalid selector throws MatchingError", () => {
    const claim = pvc("data", { selector: { matchExpressions: [{ key: "a", operator: "Bogus", values: [] }] } });
    expect(() => findMatchingVolume(claim, [pv("a")])).toThrow(MatchingError);
    try {
      findMatchingVolume(claim, [pv("a")]);
    } catch (e) {
      expect((e as MatchingError).code).toBe("claim-selector-invalid");
    }
  });
  it("a malformed request throws MatchingError", () => {
    expect(() => findMatchingVolume(pvc("data", { req: "ten" }), [pv("a")])).toThrow(MatchingError);
  });
  it("a malformed claim throws MatchingError", () => {
    expect(() => findMatchingVolume(null as never, [pv("a")])).toThrow(MatchingError);
    expect(() => findMatchingVolume({ metadata: {} } as never, [pv("a")])).toThrow(/spec is not an object/);
  });
});
