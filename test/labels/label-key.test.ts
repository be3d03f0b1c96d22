import { describe, expect, it } from "vitest";
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  validateLabelKey,
  validateLabelValue,
  validateQualifiedName,
} from "../../src/labels/index.js";
import { LABEL_MSG, NAME_PART_MSG, SUBDOMAIN_MSG, THREE_PARTS_MSG, VALUE_MSG } from "./messages.js";

describe("label keys (validation.go IsQualifiedName)", () => {
  it.each([
    "simple",
    "now-with-dashes",
    "1-starts-with-num",
    "1234",
    "simple/simple",
    "now-with-dashes/simple",
    "now-with-dashes/now-with-dashes",
    "now.with.dots/simple",
    "now-with.dashes-and.dots/simple",
    "1-num.2-num/3-num",
    "1234/5678",
    "1.2.3.4/5678",
    "Uppercase_Is_OK_123",
    "example.com/Uppercase_Is_OK_123",
    "requests.storage-foo",
    "a..b",
    "a_b",
    "A",
    "9",
    "a".repeat(63),
    `${"a".repeat(253)}/b`,
    "topology.kubernetes.io/zone",
    "this-is-a-dns.domain.com/key-with-dash",
    "0.1.2.domain/99",
  ])("accepts %j", (key) => {
    expect(validateLabelKey(key)).toEqual([]);
    expect(isQualifiedName(key)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ["", ["name part must be non-empty", NAME_PART_MSG]],
    ["/", ["prefix part must be non-empty", "name part must be non-empty", NAME_PART_MSG]],
    ["/a", ["prefix part must be non-empty"]],
    ["a/", ["name part must be non-empty", NAME_PART_MSG]],
    ["a/b/c", [THREE_PARTS_MSG]],
    ["//", [THREE_PARTS_MSG]],
    ["nospecialchars%^=@", [NAME_PART_MSG]],
    ["cantendwithadash-", [NAME_PART_MSG]],
    ["-cantstartwithadash", [NAME_PART_MSG]],
    ["only/one/slash", [THREE_PARTS_MSG]],
    ["Example.com/abc", [`prefix part ${SUBDOMAIN_MSG}`]],
    ["example_com/abc", [`prefix part ${SUBDOMAIN_MSG}`]],
    ["example..com/abc", [`prefix part ${SUBDOMAIN_MSG}`]],
    [".example.com/abc", [`prefix part ${SUBDOMAIN_MSG}`]],
    ["example.com-/abc", [`prefix part ${SUBDOMAIN_MSG}`]],
    ["example-.com/abc", [`prefix part ${SUBDOMAIN_MSG}`]],
    [`${"a".repeat(254)}/b`, ["prefix part must be no more than 253 bytes"]],
    [`${"A".repeat(254)}/b`, ["prefix part must be no more than 253 bytes", `prefix part ${SUBDOMAIN_MSG}`]],
    ["a".repeat(64), ["name part must be no more than 63 bytes"]],
    ["a".repeat(254), ["name part must be no more than 63 bytes"]],
    ["-".repeat(64), ["name part must be no more than 63 bytes", NAME_PART_MSG]],
    ["é", [NAME_PART_MSG]],
    ["é".repeat(32), ["name part must be no more than 63 bytes", NAME_PART_MSG]], // 64 bytes, 32 characters
    ["invalid key", [NAME_PART_MSG]],
    ["Bad_Prefix/x-", [`prefix part ${SUBDOMAIN_MSG}`, NAME_PART_MSG]],
  ])("rejects %j with Kubernetes' messages", (key, msgs) => {
    expect(validateLabelKey(key)).toEqual(msgs);
  });

  it("reports errors at a field path, one per message", () => {
    expect(validateQualifiedName("/", "metadata.labels").map(String)).toEqual([
      'metadata.labels: Invalid value: "/": prefix part must be non-empty',
      'metadata.labels: Invalid value: "/": name part must be non-empty',
      `metadata.labels: Invalid value: "/": ${NAME_PART_MSG}`,
    ]);
  });
});

describe("label values (validation.go IsValidLabelValue)", () => {
  it.each([
    "",
    "simple",
    "now-with-dashes",
    "1-starts-with-num",
    "end-with-num-1",
    "1234",
    "a".repeat(63),
    "Upper_Case.ok",
    "a..b",
    "12345",
    "my_value",
    "0206",
  ])("accepts %j", (v) => {
    expect(validateLabelValue(v)).toEqual([]);
    expect(isValidLabelValue(v)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ["a".repeat(64), ["must be no more than 63 bytes"]],
    ["-".repeat(64), ["must be no more than 63 bytes", VALUE_MSG]],
    ["-1", [VALUE_MSG]],
    ["+1", [VALUE_MSG]],
    ["a b", [VALUE_MSG]],
    ["a/b", [VALUE_MSG]],
    ["_a", [VALUE_MSG]],
    ["a.", [VALUE_MSG]],
    ["invalid value: ___@#$%^", [VALUE_MSG]],
    ["ü", [VALUE_MSG]],
    ["ü".repeat(32), ["must be no more than 63 bytes", VALUE_MSG]],
  ])("rejects %j", (v, msgs) => {
    expect(validateLabelValue(v)).toEqual(msgs);
  });
});

describe("RFC 1123 names (validation.go IsDNS1123Subdomain / IsDNS1123Label)", () => {
  it.each(["a", "ab", "a-b", "0", "a.b", "a-b.c-d", "1.2.3.4", "a".repeat(253), `${"a".repeat(63)}.${"b".repeat(63)}`])(
    "subdomain accepts %j",
    (v) => {
      expect(isDNS1123Subdomain(v)).toEqual([]);
    },
  );

  it.each<[string, string[]]>([
    ["", [SUBDOMAIN_MSG]],
    ["A", [SUBDOMAIN_MSG]],
    ["a..b", [SUBDOMAIN_MSG]],
    ["-a", [SUBDOMAIN_MSG]],
    ["a-", [SUBDOMAIN_MSG]],
    ["a.-b", [SUBDOMAIN_MSG]],
    ["a_b", [SUBDOMAIN_MSG]],
    ["a".repeat(254), ["must be no more than 253 characters"]],
    ["A".repeat(254), ["must be no more than 253 characters", SUBDOMAIN_MSG]],
  ])("subdomain rejects %j", (v, msgs) => {
    expect(isDNS1123Subdomain(v)).toEqual(msgs);
  });

  it.each<[string, string[]]>([
    ["my-name", []],
    ["123-abc", []],
    ["a".repeat(63), []],
    ["a.b", ["must not contain dots"]],
    ["", [LABEL_MSG]],
    ["A", [LABEL_MSG]],
    ["a_b", [LABEL_MSG]],
    ["a".repeat(64), ["must be no more than 63 characters"]],
    [`${"a".repeat(32)}.${"b".repeat(32)}`, ["must be no more than 63 characters", "must not contain dots"]],
  ])("label %j", (v, msgs) => {
    expect(isDNS1123Label(v)).toEqual(msgs);
  });
});

describe("the string validators given a value that is not a string (JSON can hold one)", async () => {
  const labels = await import("../../src/labels/index.js");
  const check = [
    labels.isQualifiedName,
    labels.validateLabelKey,
    labels.validateLabelValue,
    labels.isValidLabelValue,
    labels.isDNS1123Subdomain,
    labels.isDNS1123Label,
  ] as ((v: unknown) => string[])[];
  for (const v of [42, null, undefined, {}, ["a"], true]) {
    it(`answer "must be a string" for ${JSON.stringify(v) ?? "undefined"}`, () => {
      for (const f of check) expect(f(v)).toEqual(["must be a string"]);
    });
  }
});
