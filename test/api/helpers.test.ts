import { describe, expect, it } from "vitest";
import {
  accessModeAbbreviation,
  accessModesKey,
  AnnBetaIsDefaultStorageClass,
  AnnBetaStorageClass,
  AnnIsDefaultStorageClass,
  claimClass,
  claimHasClass,
  claimKey,
  claimRequest,
  containsAccessModes,
  isDefaultStorageClass,
  isDeleting,
  isVolumeBoundToClaim,
  parseAccessModesKey,
  volumeCapacity,
  volumeClass,
  volumeModeOf,
  type ClaimRequestSource,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type VolumeCapacitySource,
} from "../../src/api/index.js";
import { parseQuantity, QuantityError } from "../../src/quantity/index.js";

function deepFreeze<T>(o: T): T {
  if (typeof o === "object" && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

function claim(storageClassName: string | null | undefined, beta?: string): PersistentVolumeClaim {
  const spec: NonNullable<PersistentVolumeClaim["spec"]> = {};
  if (storageClassName !== undefined) spec.storageClassName = storageClassName;
  return deepFreeze({
    metadata:
      beta === undefined ? { name: "c", namespace: "ns" } : { name: "c", namespace: "ns", annotations: { [AnnBetaStorageClass]: beta } },
    spec,
  });
}

function volume(storageClassName: string | undefined, beta?: string): PersistentVolume {
  const spec: NonNullable<PersistentVolume["spec"]> = {};
  if (storageClassName !== undefined) spec.storageClassName = storageClassName;
  return deepFreeze({
    metadata: beta === undefined ? { name: "v" } : { name: "v", annotations: { [AnnBetaStorageClass]: beta } },
    spec,
  });
}

describe("claimClass / claimHasClass (component-helpers storage/volume/helpers.go)", () => {
  // [storageClassName, beta annotation, claimClass, claimHasClass]
  const table: [string | null | undefined, string | undefined, string, boolean][] = [
    [undefined, undefined, "", false],
    [null, undefined, "", false],
    ["", undefined, "", true],
    ["fast", undefined, "fast", true],
    [undefined, "slow", "slow", true],
    [undefined, "", "", true],
    [null, "", "", true],
    [null, "slow", "slow", true],
    ["fast", "slow", "slow", true],
    ["fast", "", "", true], // beta "" wins over spec
    ["", "slow", "slow", true],
  ];
  it.each(table)("storageClassName=%j beta=%j → class %j, hasClass %j", (sc, beta, cls, has) => {
    const pvc = claim(sc, beta);
    expect(claimClass(pvc)).toBe(cls);
    expect(claimHasClass(pvc)).toBe(has);
  });

  it("tolerates missing metadata/spec and annotations without the key", () => {
    expect(claimClass({})).toBe("");
    expect(claimHasClass({})).toBe(false);
    expect(claimHasClass({ metadata: { annotations: { other: "x" } }, spec: null })).toBe(false);
  });

  it("does not read inherited properties as annotations", () => {
    const annotations = Object.create({ [AnnBetaStorageClass]: "inherited" }) as Record<string, string>;
    expect(claimClass({ metadata: { annotations }, spec: { storageClassName: "fast" } })).toBe("fast");
    expect(claimHasClass({ metadata: { annotations }, spec: {} })).toBe(false);
  });
});

describe("volumeClass (component-helpers storage/volume/helpers.go)", () => {
  const table: [string | undefined, string | undefined, string][] = [
    [undefined, undefined, ""],
    ["", undefined, ""],
    ["fast", undefined, "fast"],
    ["fast", "slow", "slow"],
    ["fast", "", ""],
    [undefined, "slow", "slow"],
  ];
  it.each(table)("storageClassName=%j beta=%j → %j", (sc, beta, cls) => {
    expect(volumeClass(volume(sc, beta))).toBe(cls);
  });
});

describe("isDefaultStorageClass", () => {
  const table: [Record<string, string> | undefined, boolean][] = [
    [undefined, false],
    [{}, false],
    [{ [AnnIsDefaultStorageClass]: "true" }, true],
    [{ [AnnBetaIsDefaultStorageClass]: "true" }, true],
    [{ [AnnIsDefaultStorageClass]: "True" }, false],
    [{ [AnnIsDefaultStorageClass]: "yes" }, false],
    [{ [AnnIsDefaultStorageClass]: "" }, false],
    [{ [AnnIsDefaultStorageClass]: "false", [AnnBetaIsDefaultStorageClass]: "true" }, true],
    [{ [AnnIsDefaultStorageClass]: "true", [AnnBetaIsDefaultStorageClass]: "false" }, true],
  ];
  it.each(table)("%j → %j", (annotations, expected) => {
    expect(isDefaultStorageClass(deepFreeze({ metadata: annotations === undefined ? {} : { annotations } }))).toBe(expected);
  });
});

describe("accessModesKey / parseAccessModesKey (pkg/apis/core/v1/helper/helpers.go, pkg/volume/util/util.go)", () => {
  const keys: [string[], string][] = [
    [[], ""],
    [["ReadWriteOnce"], "RWO"],
    [["ReadOnlyMany", "ReadWriteOnce", "ReadWriteOnce"], "RWO,ROX"],
    [["ReadWriteMany", "ReadOnlyMany", "ReadWriteOnce"], "RWO,ROX,RWX"],
    [["ReadWriteOncePod"], "RWOP"],
    [["ReadWriteOncePod", "ReadWriteMany", "ReadWriteOnce", "ReadOnlyMany"], "RWO,ROX,RWX,RWOP"],
    [["bogus", "ReadWriteMany"], "RWX"],
    [["bogus"], ""],
  ];
  it.each(keys)("%j → %j", (modes, key) => {
    expect(accessModesKey(Object.freeze([...modes]))).toBe(key);
  });

  it("treats undefined/null as no modes", () => {
    expect(accessModesKey(undefined)).toBe("");
    expect(accessModesKey(null)).toBe("");
  });

  const parses: [string, string[]][] = [
    ["", []],
    ["RWO", ["ReadWriteOnce"]],
    ["RWO,ROX", ["ReadWriteOnce", "ReadOnlyMany"]],
    [" RWX , ROX ", ["ReadWriteMany", "ReadOnlyMany"]],
    ["RWOP", ["ReadWriteOncePod"]],
    ["rwo,RWO,bogus,", ["ReadWriteOnce"]],
    ["ROX,RWO", ["ReadOnlyMany", "ReadWriteOnce"]],
    ["constructor,toString", []],
  ];
  it.each(parses)("parse %j → %j", (key, modes) => {
    expect(parseAccessModesKey(key)).toEqual(modes);
  });

  it("round-trips every subset through the key", () => {
    const all = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"] as const;
    for (let mask = 0; mask < 16; mask++) {
      const modes = all.filter((_, i) => (mask & (1 << i)) !== 0);
      expect(parseAccessModesKey(accessModesKey(modes))).toEqual(modes);
    }
  });

  it("abbreviates single modes", () => {
    expect(accessModeAbbreviation("ReadWriteOncePod")).toBe("RWOP");
    expect(accessModeAbbreviation("ReadOnlyMany")).toBe("ROX");
    expect(accessModeAbbreviation("hasOwnProperty")).toBeUndefined();
  });
});

describe("containsAccessModes (pkg/apis/core/v1/helper/helpers.go, pkg/volume/util/util.go)", () => {
  const table: [string[] | undefined, string[] | undefined, boolean][] = [
    [["ReadWriteOnce"], ["ReadWriteOnce"], true],
    [["ReadWriteOnce", "ReadOnlyMany"], ["ReadOnlyMany"], true],
    [["ReadWriteOnce", "ReadOnlyMany"], ["ReadOnlyMany", "ReadWriteOnce"], true],
    [["ReadWriteOnce"], ["ReadWriteMany"], false],
    [["ReadWriteOnce"], ["ReadWriteOnce", "ReadWriteMany"], false],
    [["ReadWriteOnce"], [], true],
    [[], [], true],
    [undefined, undefined, true],
    [undefined, ["ReadWriteOnce"], false],
    [[], ["ReadWriteOnce"], false],
    [["ReadWriteOncePod"], ["ReadWriteOnce"], false],
    [["ReadWriteOnce"], ["ReadWriteOncePod"], false],
    [["ReadWriteOnce", "ReadWriteOnce"], ["ReadWriteOnce", "ReadWriteOnce"], true],
  ];
  it.each(table)("offered %j, requested %j → %j", (offered, requested, expected) => {
    expect(containsAccessModes(offered, requested)).toBe(expected);
  });
});

describe("isVolumeBoundToClaim (component-helpers storage/volume/pv_helpers.go)", () => {
  const pvc = deepFreeze({ metadata: { name: "data", namespace: "default", uid: "uid-1" } });
  const table: [NonNullable<PersistentVolume["spec"]>["claimRef"], boolean][] = [
    [undefined, false],
    [null, false],
    [{ name: "data", namespace: "default", uid: "uid-1" }, true],
    [{ name: "data", namespace: "default" }, true], // pre-bound by name
    [{ name: "data", namespace: "default", uid: "" }, true],
    [{ name: "data", namespace: "default", uid: "uid-2" }, false], // another incarnation
    [{ name: "other", namespace: "default", uid: "uid-1" }, false],
    [{ name: "data", namespace: "prod", uid: "uid-1" }, false],
    [{ name: "data" }, false],
    [{ kind: "PersistentVolumeClaim", apiVersion: "v1", name: "data", namespace: "default", resourceVersion: "7" }, true],
  ];
  it.each(table)("claimRef %j → %j", (claimRef, expected) => {
    const pv: PersistentVolume = deepFreeze({ metadata: { name: "pv" }, spec: claimRef === undefined ? {} : { claimRef } });
    expect(isVolumeBoundToClaim(pv, pvc)).toBe(expected);
  });

  it("matches a claim without uid only by an empty claimRef uid", () => {
    const noUid = { metadata: { name: "data", namespace: "default" } };
    expect(isVolumeBoundToClaim({ spec: { claimRef: { name: "data", namespace: "default" } } }, noUid)).toBe(true);
    expect(isVolumeBoundToClaim({ spec: { claimRef: { name: "data", namespace: "default", uid: "x" } } }, noUid)).toBe(false);
  });
});

describe("claimRequest / volumeCapacity (resource.Quantity, exact)", () => {
  it("reads the storage entry exactly", () => {
    expect(claimRequest({ spec: { resources: { requests: { storage: "1Gi" } } } }).value()).toBe(1073741824n);
    expect(volumeCapacity({ spec: { capacity: { storage: "1G" } } }).value()).toBe(1000000000n);
  });

  it("orders 1Gi above 1G", () => {
    const gi = volumeCapacity({ spec: { capacity: { storage: "1Gi" } } });
    const g = claimRequest({ spec: { resources: { requests: { storage: "1G" } } } });
    expect(gi.cmp(g)).toBe(1);
    expect(g.cmp(gi)).toBe(-1);
  });

  it("compares values beyond 64 bits exactly", () => {
    const big = volumeCapacity({ spec: { capacity: { storage: "200E" } } });
    const bigger = volumeCapacity({ spec: { capacity: { storage: "200000000000000000001" } } });
    expect(big.cmp(bigger)).toBe(-1);
  });

  it("treats a missing entry as zero", () => {
    const claims: ClaimRequestSource[] = [
      {},
      { spec: {} },
      { spec: { resources: {} } },
      { spec: { resources: { requests: {} } } },
      { spec: { resources: { requests: { cpu: "1" } } } },
    ];
    for (const pvc of claims) {
      expect(claimRequest(pvc).isZero()).toBe(true);
    }
    const volumes: VolumeCapacitySource[] = [{}, { spec: {} }, { spec: { capacity: {} } }, { spec: { capacity: null } }];
    for (const pv of volumes) {
      expect(volumeCapacity(pv).isZero()).toBe(true);
    }
  });

  it("reads JSON numbers and trims whitespace like the API server", () => {
    const asNumber = { spec: { capacity: { storage: 1073741824 as unknown as string } } };
    expect(volumeCapacity(asNumber).cmp(parseQuantity("1Gi"))).toBe(0);
    expect(claimRequest({ spec: { resources: { requests: { storage: " 5Gi " } } } }).toString()).toBe("5Gi");
  });

  it("throws QuantityError with Kubernetes' message on malformed text", () => {
    expect(() => claimRequest({ spec: { resources: { requests: { storage: "10GB" } } } })).toThrow(QuantityError);
    expect(() => volumeCapacity({ spec: { capacity: { storage: "1K" } } })).toThrow("unable to parse quantity's suffix");
    expect(() => volumeCapacity({ spec: { capacity: { storage: true as unknown as string } } })).toThrow(QuantityError);
  });
});

describe("volumeModeOf / claimKey / isDeleting", () => {
  it("defaults the volume mode to Filesystem", () => {
    expect(volumeModeOf({ spec: {} })).toBe("Filesystem");
    expect(volumeModeOf({ spec: { volumeMode: null } })).toBe("Filesystem");
    expect(volumeModeOf({})).toBe("Filesystem");
    expect(volumeModeOf({ spec: { volumeMode: "Block" } })).toBe("Block");
    expect(volumeModeOf({ spec: { volumeMode: "Filesystem" } })).toBe("Filesystem");
  });

  it("returns an unvalidated mode as it is (so mismatches behave like Kubernetes)", () => {
    expect(volumeModeOf({ spec: { volumeMode: "" } })).toBe("");
  });

  it("formats claim keys as namespace/name", () => {
    expect(claimKey({ metadata: { name: "data", namespace: "default" } })).toBe("default/data");
    expect(claimKey({ metadata: { name: "data" } })).toBe("/data");
    expect(claimKey({})).toBe("/");
  });

  it("detects deletion from deletionTimestamp (string or Date)", () => {
    expect(isDeleting({ metadata: { deletionTimestamp: "2024-05-01T10:00:00Z" } })).toBe(true);
    expect(isDeleting({ metadata: { deletionTimestamp: new Date(0) } })).toBe(true);
    expect(isDeleting({ metadata: { deletionTimestamp: null } })).toBe(false);
    expect(isDeleting({ metadata: { deletionTimestamp: "" } })).toBe(false);
    expect(isDeleting({ metadata: {} })).toBe(false);
    expect(isDeleting({})).toBe(false);
  });
});
