import { describe, expect, it } from "vitest";
import { checkVolumeSatisfyClaim } from "../../src/matching/index.js";
import { RWO, RWX, pv, pvc, refTo } from "./builders.js";
import type { PvOpts, PvcOpts } from "./builders.js";

const rows: Array<{ name: string; v: PvOpts; c: PvcOpts; want: string | undefined }> = [
  { name: "satisfied", v: {}, c: {}, want: undefined },
  { name: "deletion first", v: { deleting: true, cap: "1" }, c: { req: "10Gi", cls: "x" }, want: 'the volume is marked for deletion "pv"' },
  { name: "too small", v: { cap: "5Gi" }, c: { req: "10Gi" }, want: "requested PV is too small" },
  { name: "1G < 1Gi", v: { cap: "1G" }, c: { req: "1Gi" }, want: "requested PV is too small" },
  { name: "Value() rounds up: 1500m satisfies 2", v: { cap: "1500m" }, c: { req: "2" }, want: undefined },
  { name: "Value() rounds up both: 1100m vs 1900m", v: { cap: "1100m" }, c: { req: "1900m" }, want: undefined },
  { name: "800E vs 950E", v: { cap: "800E" }, c: { req: "950E" }, want: "requested PV is too small" },
  { name: "size before class", v: { cap: "1Gi", cls: "a" }, c: { req: "2Gi", cls: "b" }, want: "requested PV is too small" },
  { name: "class", v: { cls: "fast" }, c: { cls: "standard" }, want: "storageClassName does not match" },
  { name: 'unset and "" are equal', v: {}, c: { cls: "" }, want: undefined },
  { name: "beta annotation on the volume", v: { cls: "fast", betaClass: "" }, c: { cls: "fast" }, want: "storageClassName does not match" },
  { name: 'beta "" on the claim', v: {}, c: { cls: "fast", betaClass: "" }, want: undefined },
  { name: "VAC", v: { vac: "gold" }, c: {}, want: "volumeAttributesClassName does not match" },
  { name: "class before VAC", v: { vac: "gold", cls: "a" }, c: {}, want: "storageClassName does not match" },
  { name: "volume mode", v: { volumeMode: "Block" }, c: {}, want: "incompatible volumeMode" },
  { name: "VAC before volume mode", v: { volumeMode: "Block", vac: "x" }, c: {}, want: "volumeAttributesClassName does not match" },
  { name: "access mode", v: { modes: [RWO] }, c: { modes: [RWX] }, want: "incompatible accessMode" },
  {
    name: "volume mode before access mode",
    v: { modes: [RWO], volumeMode: "Block" },
    c: { modes: [RWX] },
    want: "incompatible volumeMode",
  },
  { name: "phase not checked", v: { phase: "Released" }, c: {}, want: undefined },
  { name: "selector not checked", v: {}, c: { selector: { matchLabels: { a: "b" } } }, want: undefined },
  { name: "claimRef not checked", v: { claimRef: refTo("someone-else") }, c: {}, want: undefined },
  { name: "node affinity not checked", v: { host: "n9" }, c: {}, want: undefined },
];

describe("checkVolumeSatisfyClaim", () => {
  it.each(rows)("$name", (r) => expect(checkVolumeSatisfyClaim(pv("pv", r.v), pvc("data", r.c))).toBe(r.want));
  it("never throws on malformed input", () => {
    expect(checkVolumeSatisfyClaim(pv("pv", { cap: "lots" }), pvc("data"))).toMatch(/not a valid quantity/);
    expect(checkVolumeSatisfyClaim(pv("pv"), pvc("data", { req: "lots" }))).toMatch(/not a valid quantity/);
    expect(checkVolumeSatisfyClaim(null as never, pvc("data"))).toMatch(/malformed/);
    expect(checkVolumeSatisfyClaim(pv("pv"), 7 as never)).toMatch(/malformed/);
  });
});
