/**
 * Model-based test of the VolumeIndex: random sequences of upserts, deletes and targeted changes
 * (phase, claimRef, deletionTimestamp, labels, capacity), interleaved with queries; every query's
 * answer must be the reference function's answer over the current volumes (the model: a Map by
 * name), including throwing the same error.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PersistentVolume, PersistentVolumeClaim } from "../../src/api/index.js";
import type { LabelSelector, NodeSelector } from "../../src/labels/index.js";
import { findBestMatchForClaim, findMatchingVolume } from "../../src/matching/index.js";
import { VolumeIndex } from "../../src/matching/volume-index.js";
import { HOSTNAME, ROX, RWO, RWOP, RWX, node, pv, pvc } from "./builders.js";

const NAMES = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "pv-10", "pv-9", ""];
const CAPACITIES = [
  "1Gi",
  "1G",
  "1073741824",
  "1024Mi",
  "2Gi",
  "500M",
  "0",
  "10Gi",
  "1.5Gi",
  "100m",
  "800E",
  "950E",
  "9007199254740993",
  "9007199254740992",
];
const CAPACITY = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...CAPACITIES) },
  { weight: 1, arbitrary: fc.constantFrom<string | null>(null, "bogus", "10 Gi") },
);
const ANY_MODES: fc.Arbitrary<string[]> = fc
  .subarray([RWO, ROX, RWX, RWOP, "Weird"], { minLength: 0, maxLength: 3 })
  .chain((m) => fc.boolean().map((dup) => (dup && m.length > 0 ? [...m, m[0]!] : m)));
const MODES = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<string[]>([RWO], [RWO], [RWO, ROX], [ROX, RWO], [RWX], [ROX], [RWO, RWX]) },
  { weight: 1, arbitrary: ANY_MODES },
);
const CLAIM_MODES = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<string[]>([RWO], [RWO], [ROX], [RWX], []) },
  { weight: 1, arbitrary: ANY_MODES },
);
const CLASS = fc.constantFrom("", "", "", "fast", "slow");
/** Mostly `common`, sometimes one of `rare`. */
const mostly = <T>(common: T, ...rare: T[]) =>
  fc.oneof({ weight: 10, arbitrary: fc.constant(common) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
const LABELS = fc.option(fc.record({ zone: fc.constantFrom("a", "b"), disk: fc.constantFrom("ssd", "hdd") }, { requiredKeys: [] }), {
  nil: undefined,
});
const hostTerm = (...hosts: string[]) => ({ matchExpressions: [{ key: HOSTNAME, operator: "In", values: hosts }] });
const AFFINITY = fc.oneof(
  { weight: 6, arbitrary: fc.constant<NodeSelector | undefined>(undefined) },
  { weight: 4, arbitrary: fc.constantFrom("n1", "n2", "n3").map((h): NodeSelector => ({ nodeSelectorTerms: [hostTerm(h)] })) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<NodeSelector>(
      { nodeSelectorTerms: [hostTerm("n1", "n2")] },
      { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }] },
      { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] }] },
      { nodeSelectorTerms: [hostTerm("n3"), { matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] }] },
      {
        nodeSelectorTerms: [
          {
            matchExpressions: [
              { key: "zone", operator: "In", values: ["a"] },
              { key: HOSTNAME, operator: "In", values: ["n2"] },
            ],
          },
        ],
      },
      { nodeSelectorTerms: [] },
      { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: [] }] }] },
    ),
  },
);
const CLAIM_NAMES = ["c1", "c2", "c3"];
const CLAIM_REF = fc.oneof(
  { weight: 8, arbitrary: fc.constant(undefined) },
  {
    weight: 3,
    arbitrary: fc.record({
      namespace: fc.constantFrom("default", "other"),
      name: fc.constantFrom(...CLAIM_NAMES),
      uid: fc.constantFrom<string | undefined>(undefined, "uid-c1", "uid-c2", "stale"),
    }),
  },
);
const PHASE = fc.oneof(
  { weight: 6, arbitrary: fc.constant<string | null>("Available") },
  { weight: 2, arbitrary: fc.constantFrom<string | null>("Bound", "Released", "Pending", "Failed", null) },
);

const VOLUME = fc
  .record({
    name: fc.constantFrom(...NAMES),
    cap: CAPACITY,
    modes: MODES,
    cls: CLASS,
    beta: fc.oneof({ weight: 10, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: CLASS }),
    phase: PHASE,
    claimRef: CLAIM_REF,
    volumeMode: mostly<string | undefined>(undefined, "Filesystem", "Block"),
    vac: mostly<string | null | undefined>(undefined, null, "gold"),
    labels: LABELS,
    deleting: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    affinity: AFFINITY,
  })
  .map((r) =>
    pv(r.name, {
      cap: r.cap,
      modes: r.modes,
      cls: r.cls,
      ...(r.beta !== undefined ? { betaClass: r.beta } : {}),
      phase: r.phase,
      claimRef: r.claimRef
        ? { namespace: r.claimRef.namespace, name: r.claimRef.name, ...(r.claimRef.uid ? { uid: r.claimRef.uid } : {}) }
        : null,
      ...(r.volumeMode !== undefined ? { volumeMode: r.volumeMode } : {}),
      ...(r.vac !== undefined ? { vac: r.vac } : {}),
      ...(r.labels !== undefined ? { labels: r.labels as Record<string, string> } : {}),
      deleting: r.deleting,
      ...(r.affinity !== undefined ? { affinity: r.affinity } : {}),
    }),
  );

const SELECTOR = fc.oneof(
  { weight: 20, arbitrary: fc.constant<LabelSelector | undefined>(undefined) },
  {
    weight: 20,
    arbitrary: fc.constantFrom<LabelSelector>(
      {},
      { matchLabels: { zone: "a" } },
      { matchLabels: { zone: "b", disk: "ssd" } },
      { matchLabels: { disk: "nvme" } },
      { matchExpressions: [{ key: "zone", operator: "In", values: ["a", "b"] }] },
      { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] },
      { matchExpressions: [{ key: "disk", operator: "Exists" }] },
      { matchExpressions: [{ key: "disk", operator: "DoesNotExist" }] },
      { matchLabels: { zone: "a" }, matchExpressions: [{ key: "disk", operator: "NotIn", values: ["hdd"] }] },
    ),
  },
  { weight: 1, arbitrary: fc.constant<LabelSelector>({ matchExpressions: [{ key: "zone", operator: "Near", values: ["a"] }] }) },
);

const CLAIM = fc
  .record({
    name: fc.constantFrom(...CLAIM_NAMES),
    ns: fc.constantFrom("default", "default", "other"),
    uid: fc.constantFrom("uid-c1", "uid-c2", "uid-x"),
    req: fc.oneof(
      { weight: 25, arbitrary: fc.constantFrom<string | null>(...CAPACITIES) },
      { weight: 1, arbitrary: fc.constantFrom<string | null>(null, "lots") },
    ),
    modes: CLAIM_MODES,
    cls: fc.constantFrom<string | null | undefined>("", "", undefined, null, "fast", "slow"),
    volumeMode: mostly<string | undefined>(undefined, "Block", "Filesystem"),
    vac: mostly<string | undefined>(undefined, "gold"),
    selector: SELECTOR,
  })
  .map(
    (r): PersistentVolumeClaim =>
      pvc(r.name, {
        ns: r.ns,
        uid: r.uid,
        req: r.req,
        modes: r.modes,
        ...(r.cls !== undefined ? { cls: r.cls } : {}),
        ...(r.volumeMode !== undefined ? { volumeMode: r.volumeMode } : {}),
        ...(r.vac !== undefined ? { vac: r.vac } : {}),
        ...(r.selector !== undefined ? { selector: r.selector } : {}),
      }),
  );

const NODE = fc.oneof(
  fc.constant(undefined),
  fc
    .record({ host: fc.constantFrom("n1", "n2", "n3", "n4"), zone: fc.constantFrom<string | undefined>("a", "b", undefined) })
    .map(({ host, zone }) => node(host, zone !== undefined ? { zone } : {})),
  fc.constant({ metadata: { name: "bare" } }),
);

type Change = "phase" | "claimRef" | "deleting" | "labels" | "capacity" | "annotation";

type Op =
  | { kind: "upsert"; pv: PersistentVolume }
  | { kind: "delete"; name: string }
  | { kind: "change"; name: string; change: Change; value: unknown }
  | { kind: "best"; claim: PersistentVolumeClaim; delayBinding: boolean }
  | {
      kind: "match";
      claim: PersistentVolumeClaim;
      node: ReturnType<typeof node> | { metadata: { name: string } } | undefined;
      excluded: string[];
      delayBinding: boolean;
    };

const OP: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: VOLUME.map((v): Op => ({ kind: "upsert", pv: v })) },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES).map((name): Op => ({ kind: "delete", name })) },
  {
    weight: 4,
    arbitrary: fc
      .oneof(
        fc.record({ name: fc.constantFrom(...NAMES), change: fc.constant<Change>("phase"), value: PHASE }),
        fc.record({ name: fc.constantFrom(...NAMES), change: fc.constant<Change>("claimRef"), value: CLAIM_REF }),
        fc.record({ name: fc.constantFrom(...NAMES), change: fc.constant<Change>("deleting"), value: fc.boolean() }),
        fc.record({ name: fc.constantFrom(...NAMES), change: fc.constant<Change>("labels"), value: LABELS }),
        fc.record({ name: fc.constantFrom(...NAMES), change: fc.constant<Change>("capacity"), value: CAPACITY }),
        fc.record({ name: fc.constantFrom(...NAMES), change: fc.constant<Change>("annotation"), value: fc.string({ maxLength: 2 }) }),
      )
      .map((r): Op => ({ kind: "change", ...r })),
  },
  { weight: 4, arbitrary: fc.record({ claim: CLAIM, delayBinding: mostly(false, true) }).map((r): Op => ({ kind: "best", ...r })) },
  {
    weight: 4,
    arbitrary: fc
      .record({ claim: CLAIM, node: NODE, excluded: fc.subarray(NAMES, { maxLength: 3 }), delayBinding: mostly(false, true) })
      .map((r): Op => ({ kind: "match", ...r })),
  },
);

/** A new volume object with one aspect changed (volumes are never mutated in place). */
function changed(v: PersistentVolume, change: Change, value: unknown): PersistentVolume {
  switch (change) {
    case "phase":
      return value === null ? { ...v, status: {} } : { ...v, status: { phase: value as "Available" } };
    case "claimRef":
      return { ...v, spec: { ...v.spec, claimRef: (value as NonNullable<PersistentVolume["spec"]>["claimRef"]) ?? null } };
    case "deleting": {
      const { deletionTimestamp: _, ...meta } = v.metadata ?? {};
      return { ...v, metadata: value ? { ...meta, deletionTimestamp: "2026-01-01T00:00:00Z" } : meta };
    }
    case "labels": {
      const { labels: _, ...meta } = v.metadata ?? {};
      return { ...v, metadata: value ? { ...meta, labels: value as Record<string, string> } : meta };
    }
    case "capacity":
      return { ...v, spec: { ...v.spec, capacity: value === null ? {} : { storage: value as string } } };
    case "annotation": {
      // Nothing the index keys on changes: new objects throughout, same content plus a note.
      const labels = v.metadata!.labels ? { ...v.metadata!.labels } : undefined;
      return {
        ...v,
        metadata: { ...v.metadata, ...(labels ? { labels } : {}), annotations: { ...v.metadata!.annotations, note: value as string } },
        spec: { ...v.spec },
      };
    }
  }
}

function tally(got: unknown): void {
  answered.all++;
  if (typeof got === "object" && got !== null) answered.some++;
}

function outcome(f: () => PersistentVolume | undefined): PersistentVolume | string | undefined {
  try {
    return f();
  } catch (e) {
    return `throws ${(e as Error).name}`;
  }
}

/** Queries answered with a volume / asked, so a run can check it is not vacuous. */
const answered = { some: 0, all: 0 };

function run(initial: PersistentVolume[], ops: Op[]): void {
  const model = new Map<string, PersistentVolume>();
  for (const v of initial) model.set(v.metadata!.name ?? "", v);
  const index = new VolumeIndex(initial);
  for (const op of ops) {
    switch (op.kind) {
      case "upsert":
        model.set(op.pv.metadata!.name ?? "", op.pv);
        index.upsert(op.pv);
        break;
      case "delete":
        expect(index.delete(op.name)).toBe(model.delete(op.name));
        break;
      case "change": {
        const old = model.get(op.name);
        if (old === undefined) break;
        const next = changed(old, op.change, op.value);
        model.set(op.name, next);
        index.upsert(next);
        break;
      }
      case "best": {
        const vols = [...model.values()];
        const opts = { delayBinding: op.delayBinding };
        const got = outcome(() => index.findBestMatchForClaim(op.claim, opts));
        expect(got).toBe(outcome(() => findBestMatchForClaim(op.claim, vols, opts)));
        tally(got);
        break;
      }
      case "match": {
        const vols = [...model.values()];
        const opts = { ...(op.node ? { node: op.node } : {}), excluded: new Set(op.excluded), delayBinding: op.delayBinding };
        const got = outcome(() => index.findMatchingVolume(op.claim, opts));
        expect(got).toBe(outcome(() => findMatchingVolume(op.claim, vols, opts)));
        tally(got);
        break;
      }
    }
  }
  expect(index.size).toBe(model.size);
  expect(new Set(index)).toEqual(new Set(model.values()));
  expect(index.checkInvariants()).toEqual([]);
  expect(index.stats().verificationFallbacks).toBe(0);
}

describe("VolumeIndex agrees with the reference functions (model-based)", () => {
  it("after every sequence of updates, for every query", () => {
    fc.assert(
      fc.property(fc.array(VOLUME, { minLength: 4, maxLength: 16 }), fc.array(OP, { minLength: 1, maxLength: 50 }), (initial, ops) =>
        run(initial, ops),
      ),
      { numRuns: 400 },
    );
    // Not vacuous: a good share of the queries find a volume.
    expect(answered.some / answered.all).toBeGreaterThan(0.12);
  });

  it("with the same claim objects asked again after updates (memoised claim plans), on two indexes", () => {
    // A claim's decoded form and its bucket plan are memoised on the claim object; the plan must
    // follow the index's buckets as they appear and vanish, and belong to one index only.
    fc.assert(
      fc.property(
        fc.array(VOLUME, { minLength: 4, maxLength: 16 }),
        fc.array(CLAIM, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.option(OP, { nil: undefined }), fc.nat()), { minLength: 1, maxLength: 40 }),
        (initial, cs, steps) => {
          const model = new Map<string, PersistentVolume>();
          for (const v of initial) model.set(v.metadata!.name ?? "", v);
          const index = new VolumeIndex(initial);
          const other = new VolumeIndex(initial.slice(0, 2));
          const otherVols = [...other];
          for (const [op, k] of steps) {
            if (op?.kind === "upsert") {
              model.set(op.pv.metadata!.name ?? "", op.pv);
              index.upsert(op.pv);
            } else if (op?.kind === "delete") {
              model.delete(op.name);
              index.delete(op.name);
            } else if (op?.kind === "change" && model.has(op.name)) {
              const next = changed(model.get(op.name)!, op.change, op.value);
              model.set(op.name, next);
              index.upsert(next);
            }
            const claim = cs[k % cs.length]!;
            const got = outcome(() => index.findBestMatchForClaim(claim));
            expect(got).toBe(outcome(() => findBestMatchForClaim(claim, [...model.values()])));
            expect(outcome(() => other.findBestMatchForClaim(claim))).toBe(outcome(() => findBestMatchForClaim(claim, otherVols)));
            tally(got);
          }
          expect(index.checkInvariants()).toEqual([]);
          expect(index.stats().verificationFallbacks).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("with many same-capacity volumes (ties, block splits and merges)", () => {
    const before = { ...answered };
    const many = fc.array(
      fc.record({ i: fc.integer({ min: 0, max: 400 }), cap: fc.constantFrom("1Gi", "1073741824", "2Gi"), zone: fc.constantFrom("a", "b") }),
      { minLength: 150, maxLength: 400 },
    );
    fc.assert(
      fc.property(
        many,
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 300 }),
        fc.array(CLAIM, { minLength: 1, maxLength: 5 }),
        (vols, deletes, cs) => {
          const volumes = vols.map((r) => pv(`v${String(r.i).padStart(3, "0")}`, { cap: r.cap, labels: { zone: r.zone } }));
          const ops: Op[] = [
            ...deletes.map((i): Op => ({ kind: "delete", name: `v${String(i).padStart(3, "0")}` })),
            ...cs.map((claim): Op => ({ kind: "best", claim, delayBinding: false })),
            ...volumes.slice(0, 100).map((v): Op => ({ kind: "upsert", pv: v })),
            ...cs.map((claim): Op => ({ kind: "match", claim, node: undefined, excluded: [], delayBinding: false })),
          ];
          run(volumes, ops);
        },
      ),
      { numRuns: 40 },
    );
    expect(answered.some - before.some).toBeGreaterThan((answered.all - before.all) / 10);
  });
});

describe("VolumeIndex built in bulk equals one built by upserts", () => {
  /** Both indexes' answers to a query, as comparable outcomes. */
  function bothAnswer(
    bulk: VolumeIndex,
    incr: VolumeIndex,
    claim: PersistentVolumeClaim,
    n: ReturnType<typeof node> | { metadata: { name: string } } | undefined,
    excluded: string[],
    delay: boolean,
  ): void {
    const best = outcome(() => bulk.findBestMatchForClaim(claim, { delayBinding: delay }));
    expect(best).toBe(outcome(() => incr.findBestMatchForClaim(claim, { delayBinding: delay })));
    const opts = { ...(n ? { node: n } : {}), excluded: new Set(excluded), delayBinding: delay };
    const match = outcome(() => bulk.findMatchingVolume(claim, opts));
    expect(match).toBe(outcome(() => incr.findMatchingVolume(claim, opts)));
    tally(best);
  }

  function same(bulk: VolumeIndex, incr: VolumeIndex): void {
    expect(bulk.checkInvariants()).toEqual([]);
    expect(incr.checkInvariants()).toEqual([]);
    expect(bulk.size).toBe(incr.size);
    const a = [...bulk];
    const b = [...incr];
    a.forEach((v, i) => expect(v).toBe(b[i]));
    expect(bulk.stats()).toEqual(incr.stats());
  }

  const QUERY = fc.record({ claim: CLAIM, node: NODE, excluded: fc.subarray(NAMES, { maxLength: 3 }), delay: mostly(false, true) });

  it("same volumes, stats, invariants and answers — before and after further updates", () => {
    fc.assert(
      fc.property(
        // Inputs as given (duplicate names, any order) or deduplicated in name order (the sort's
        // name-order shortcut), both with repeated capacity texts (the bulk path's cached decode).
        fc.array(VOLUME, { minLength: 0, maxLength: 60 }),
        fc.boolean(),
        fc.array(QUERY, { minLength: 1, maxLength: 12 }),
        fc.array(OP, { maxLength: 12 }),
        (vols, sorted, queries, ops) => {
          const input = sorted
            ? [...new Map(vols.map((v) => [v.metadata!.name ?? "", v])).values()].sort((x, y) =>
                (x.metadata!.name ?? "") < (y.metadata!.name ?? "") ? -1 : 1,
              )
            : vols;
          const bulk = new VolumeIndex(input);
          const incr = new VolumeIndex();
          for (const v of input) incr.upsert(v);
          same(bulk, incr);
          for (const q of queries) bothAnswer(bulk, incr, q.claim, q.node, q.excluded, q.delay);
          for (const op of ops) {
            if (op.kind === "upsert") {
              bulk.upsert(op.pv);
              incr.upsert(op.pv);
            } else if (op.kind === "delete") {
              expect(bulk.delete(op.name)).toBe(incr.delete(op.name));
            } else if (op.kind === "change") {
              const old = incr.get(op.name);
              if (old === undefined) continue;
              const next = changed(old, op.change, op.value);
              bulk.upsert(next);
              incr.upsert(next);
            }
          }
          same(bulk, incr);
          for (const q of queries) bothAnswer(bulk, incr, q.claim, q.node, q.excluded, q.delay);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("with hundreds of same-capacity volumes in name order (position tie-break, full blocks)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cap: fc.constantFrom("1Gi", "1073741824", "1024Mi", "2Gi", "800E", "950E"),
            zone: fc.constantFrom("a", "b"),
            host: fc.constantFrom("n1", "n2", undefined),
          }),
          { minLength: 100, maxLength: 400 },
        ),
        fc.boolean(),
        fc.array(QUERY, { minLength: 1, maxLength: 8 }),
        (rows, reversed, queries) => {
          const volumes = rows.map((r, i) =>
            pv(`v${String(i).padStart(3, "0")}`, {
              cap: r.cap,
              labels: { zone: r.zone },
              ...(r.host ? { affinity: { nodeSelectorTerms: [hostTerm(r.host)] } } : {}),
            }),
          );
          if (reversed) volumes.reverse();
          const bulk = new VolumeIndex(volumes);
          const incr = new VolumeIndex();
          for (const v of volumes) incr.upsert(v);
          same(bulk, incr);
          for (const q of queries) bothAnswer(bulk, incr, q.claim, q.node, q.excluded, q.delay);
        },
      ),
      { numRuns: 40 },
    );
  });
});
