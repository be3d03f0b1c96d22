/** Shared fast-check arbitraries of small matching pools and claims (not a test file itself). */
import fc from "fast-check";
import { ROX, RWO, RWOP, RWX, node, pv, pvc, refTo } from "./builders.js";
import type { PvOpts, PvcOpts } from "./builders.js";

export const NAMES = ["a", "b", "c", "d", "e", "f", "g", "h"];
export const CAPS = ["1Gi", "1G", "2Gi", "500M", "10Gi", "1073741824", "800E", "950E", "1500m", "0", "3Gi"];

/** Weighted choice: mostly the first (default-ish) value, so pools are dense in candidates and ties. */
export const mostly = <T>(common: T, ...rare: T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 10 * rare.length, arbitrary: fc.constant(common) }, { weight: rare.length, arbitrary: fc.constantFrom(...rare) });

export const pvOpts: fc.Arbitrary<PvOpts> = fc
  .record({
    cap: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...CAPS) }, { weight: 1, arbitrary: fc.constantFrom(null, "bogus") }),
    modes: fc.oneof({ weight: 3, arbitrary: fc.constant([RWO]) }, { weight: 2, arbitrary: fc.subarray([RWO, ROX, RWX, RWOP]) }),
    cls: mostly<string | undefined>(undefined, "", "fast", "slow"),
    betaClass: mostly<string | undefined>(undefined, "", "fast"),
    phase: mostly<string | null>("Available", "Bound", "Released", "Pending", null),
    claimRef: mostly<PvOpts["claimRef"]>(
      undefined,
      refTo("data"),
      refTo("data", true),
      { namespace: "default", name: "data", uid: "old" },
      refTo("other"),
    ),
    volumeMode: mostly<string | undefined>(undefined, "Filesystem", "Block"),
    vac: mostly<string | undefined>(undefined, "", "gold"),
    labels: mostly<Record<string, string> | undefined>(undefined, { zone: "a" }, { zone: "b" }, {}),
    deleting: mostly(false, true),
    host: mostly<string | undefined>(undefined, "n1", "n2"),
  })
  .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as PvOpts);

export const poolArb = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...NAMES), pvOpts), { selector: ([n]) => n, minLength: 1, maxLength: 8 })
  .map((rows) => rows.map(([n, o]) => pv(n, o)));

export const claimArb = fc
  .record({
    req: fc.constantFrom("1G", "1Gi", "2Gi", "500M", "0", "1500m", "3Gi", "10Gi", "900E"),
    modes: fc.oneof(
      { weight: 2, arbitrary: fc.constant([RWO]) },
      { weight: 1, arbitrary: fc.subarray([RWO, ROX, RWX, RWOP], { maxLength: 2 }) },
    ),
    cls: mostly<string | null | undefined>(undefined, null, "", "fast", "slow"),
    betaClass: mostly<string | undefined>(undefined, "", "slow"),
    volumeMode: mostly<string | undefined>(undefined, "Filesystem", "Block"),
    vac: mostly<string | null | undefined>(undefined, "gold", null),
    selector: mostly<PvcOpts["selector"]>(
      undefined,
      null,
      {},
      { matchLabels: { zone: "a" } },
      { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] },
    ),
  })
  .map((o) => pvc("data", Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as PvcOpts));

export const nodeArb = fc.option(fc.constantFrom(node("n1"), node("n2")), { nil: undefined });
