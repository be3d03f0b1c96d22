import { describe, expect, it } from "vitest";
import {
  aggregateMessage,
  isFieldErrorLike,
  forbidden,
  goQuote,
  invalid,
  notSupported,
  required,
  tooLong,
  duplicate,
  key,
  index,
  child,
  typeInvalid,
} from "../../src/field/index.js";

describe("FieldError rendering (apimachinery pkg/util/validation/field/errors.go)", () => {
  it.each([
    [required("spec.accessModes"), "spec.accessModes: Required value"],
    [required(key("spec.resources", "storage")), "spec.resources[storage]: Required value"],
    [
      notSupported("spec.accessModes", "fakemode", ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]),
      'spec.accessModes: Unsupported value: "fakemode": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    ],
    [notSupported("spec.capacity", null, ["storage"]), 'spec.capacity: Unsupported value: null: supported values: "storage"'],
    [
      notSupported("spec.capacity", { memory: "10G" }, ["storage"]),
      'spec.capacity: Unsupported value: {"memory":"10G"}: supported values: "storage"',
    ],
    [
      invalid("spec.capacity[storage]", -1, "must be a valid resource quantity"),
      "spec.capacity[storage]: Invalid value: -1: must be a valid resource quantity",
    ],
    [
      invalid("spec.capacity[storage]", "0", "must be greater than zero"),
      'spec.capacity[storage]: Invalid value: "0": must be greater than zero',
    ],
    [
      forbidden("spec.accessModes", "may not use ReadWriteOncePod with other access modes"),
      "spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes",
    ],
    [invalid("volumeMode", null, "field is immutable"), "volumeMode: Invalid value: null: field is immutable"],
    [
      invalid("spec", {}, "may not be specified when dataSourceRef.namespace is specified"),
      "spec: Invalid value: {}: may not be specified when dataSourceRef.namespace is specified",
    ],
    [tooLong("parameters", 512), "parameters: Too long: may not be more than 512 bytes"],
    [tooLong("x", 1), "x: Too long: may not be more than 1 byte"],
    [duplicate("allowedTopologies[0].matchLabelExpressions", ""), 'allowedTopologies[0].matchLabelExpressions: Duplicate value: ""'],
    [invalid("x", ["a", "b"], "must have one element"), 'x: Invalid value: ["a","b"]: must have one element'],
  ])("%s", (err, text) => {
    expect(err.toString()).toBe(text);
  });

  it("sorts object keys like Go's JSON encoding of maps", () => {
    expect(invalid("m", { b: "2", a: "1" }).toString()).toBe('m: Invalid value: {"a":"1","b":"2"}');
  });

  it("quotes strings like Go %q", () => {
    expect(goQuote('a"b\\c\n\x01')).toBe('"a\\"b\\\\c\\n\\x01"');
    expect(goQuote("é")).toBe('"é"');
  });

  it("builds paths", () => {
    expect(index(child(child("spec", "nodeAffinity"), "x"), 2)).toBe("spec.nodeAffinity.x[2]");
    expect(child("<nil>", "key")).toBe("key");
    expect(index("<nil>", 0)).toBe("[0]");
  });

  it("aggregates with de-duplication (Part 0.5)", () => {
    expect(aggregateMessage([])).toBe("");
    expect(aggregateMessage([required("a")])).toBe("a: Required value");
    expect(aggregateMessage([required("a"), required("b"), required("a")])).toBe("[a: Required value, b: Required value]");
  });
});

describe("FieldError JSON", () => {
  it("serialises BigInt bad values as text", () => {
    const e = invalid("spec.capacity[storage]", -(10n ** 30n), "must be greater than zero");
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ badValue: "-1000000000000000000000000000000", type: "FieldValueInvalid" });
    expect(e.toString()).toBe("spec.capacity[storage]: Invalid value: -1000000000000000000000000000000: must be greater than zero");
  });
  it("typeInvalid renders like Invalid", () => {
    expect(typeInvalid("spec", 3, "expected an object").toString()).toBe("spec: Invalid value: 3: expected an object");
  });
});

describe("aggregateMessage and isFieldErrorLike given what a JS caller has at hand", () => {
  it("recognises a FieldError of another copy of kubevol by its shape, and nothing else", () => {
    const e = required("spec");
    const copy = { type: e.type, field: e.field, body: () => e.body(), toString: () => e.toString() };
    expect(isFieldErrorLike(e)).toBe(true);
    expect(isFieldErrorLike(copy)).toBe(true);
    expect([null, "x", { message: "x" }, { type: "x", field: "y" }].map(isFieldErrorLike)).toEqual([false, false, false, false]);
    expect(aggregateMessage([copy as never, required("b")])).toBe("[spec: Required value, b: Required value]");
  });

  it("aggregates a non-list to nothing and other entries as their values", () => {
    expect(aggregateMessage(null as never)).toBe("");
    expect(aggregateMessage(["plain text", 42, null] as never)).toBe("[plain text, 42, null]");
  });
});
