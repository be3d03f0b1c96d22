import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACCESS_MODES,
  AnnBetaStorageClass,
  accessModesKey,
  claimClass,
  claimHasClass,
  claimKey,
  containsAccessModes,
  isVolumeBoundToClaim,
  parseAccessModesKey,
} from "../../src/api/index.js";

const mode = fc.constantFrom(...ACCESS_MODES, "bogus", "");
const modes = fc.array(mode, { maxLength: 6 });

describe("access-mode keys", () => {
  it("depend only on the set of known modes", () => {
    fc.assert(
      fc.property(modes, fc.array(mode, { maxLength: 3 }), (ms, extra) => {
        const shuffled = [...ms].reverse();
        expect(accessModesKey(shuffled)).toBe(accessModesKey(ms));
        expect(accessModesKey([...ms, ...ms])).toBe(accessModesKey(ms));
        const known = new Set(ms.filter((m) => (ACCESS_MODES as readonly string[]).includes(m)));
        expect(accessModesKey([...ms, ...extra])).toBe(accessModesKey([...known, ...extra]));
      }),
    );
  });

  it("parse(key(ms)) is the set of known modes in canonical order", () => {
    fc.assert(
      fc.property(modes, (ms) => {
        expect(parseAccessModesKey(accessModesKey(ms))).toEqual(ACCESS_MODES.filter((m) => ms.includes(m)));
      }),
    );
  });

  it("containsAccessModes is subset inclusion", () => {
    fc.assert(
      fc.property(modes, modes, (offered, requested) => {
        expect(containsAccessModes(offered, offered)).toBe(true);
        expect(containsAccessModes(offered, requested)).toBe(requested.every((m) => offered.includes(m)));
        expect(containsAccessModes([...offered, ...requested], requested)).toBe(true);
      }),
    );
  });
});

describe("class resolution", () => {
  const name = fc.option(fc.constantFrom("", "fast", "slow"), { nil: null });
  const beta = fc.option(fc.constantFrom("", "fast", "slow"), { nil: undefined });
  it("a claim without a class resolves to the empty class; the annotation always wins", () => {
    fc.assert(
      fc.property(name, beta, fc.boolean(), (storageClassName, annotation, omit) => {
        const spec = omit ? {} : { storageClassName };
        const metadata = annotation === undefined ? {} : { annotations: { [AnnBetaStorageClass]: annotation } };
        const pvc = { metadata, spec };
        if (!claimHasClass(pvc)) expect(claimClass(pvc)).toBe("");
        if (annotation !== undefined) expect(claimClass(pvc)).toBe(annotation);
        else expect(claimClass(pvc)).toBe(omit ? "" : (storageClassName ?? ""));
      }),
    );
  });
});

describe("binding pointer", () => {
  const ident = fc.constantFrom("", "a", "b");
  it("isVolumeBoundToClaim is name/namespace equality plus uid wildcard", () => {
    fc.assert(
      fc.property(ident, ident, ident, ident, ident, ident, (rn, rns, ruid, cn, cns, cuid) => {
        const pv = { spec: { claimRef: { name: rn, namespace: rns, uid: ruid } } };
        const pvc = { metadata: { name: cn, namespace: cns, uid: cuid } };
        expect(isVolumeBoundToClaim(pv, pvc)).toBe(rn === cn && rns === cns && (ruid === "" || ruid === cuid));
        if (isVolumeBoundToClaim(pv, pvc)) expect(claimKey(pvc)).toBe(`${rns}/${rn}`);
      }),
    );
  });
});
