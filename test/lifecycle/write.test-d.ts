/**
 * Type tests: `Write` is a union discriminated by `kind`, so testing `kind` narrows `object`.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  type StoredClaim,
  type StoredClass,
  type StoredNode,
  type StoredObject,
  type StoredPod,
  type StoredVolume,
  type Write,
  createCluster,
  reconcile,
} from "../../src/index.js";

const { writes } = reconcile(createCluster(), { now: "2026-01-01T00:00:00Z" });

describe("Write", () => {
  it("narrows object by kind", () => {
    for (const w of writes) {
      expectTypeOf(w.object).toEqualTypeOf<StoredObject>();
      switch (w.kind) {
        case "PersistentVolume":
          expectTypeOf(w.object).toEqualTypeOf<StoredVolume>();
          expectTypeOf(w.object.spec.claimRef?.name).toEqualTypeOf<string | undefined>();
          break;
        case "PersistentVolumeClaim":
          expectTypeOf(w.object).toEqualTypeOf<StoredClaim>();
          expectTypeOf(w.object.spec.volumeName).toEqualTypeOf<string | undefined>();
          break;
        case "StorageClass":
          expectTypeOf(w.object).toEqualTypeOf<StoredClass>();
          expectTypeOf(w.object.provisioner).toBeString();
          break;
        case "Pod":
          expectTypeOf(w.object).toEqualTypeOf<StoredPod>();
          break;
        case "Node":
          expectTypeOf(w.object).toEqualTypeOf<StoredNode>();
          break;
        default:
          expectTypeOf(w).toBeNever();
      }
    }
  });

  it("of one kind is Write<K>", () => {
    const pvWrites = writes.filter((w): w is Write<"PersistentVolume"> => w.kind === "PersistentVolume");
    expectTypeOf(pvWrites[0]!.object).toEqualTypeOf<StoredVolume>();
    expectTypeOf<Write<"Pod">["kind"]>().toEqualTypeOf<"Pod">();
    expectTypeOf<Write>().toEqualTypeOf<Write<"PersistentVolume" | "PersistentVolumeClaim" | "StorageClass" | "Pod" | "Node">>();
  });

  it("does not let a volume write be read as a claim", () => {
    for (const w of writes) {
      if (w.kind === "PersistentVolume") {
        // @ts-expect-error a PersistentVolume has no spec.resources
        w.object.spec.resources;
        // @ts-expect-error a StorageClass field
        w.object.provisioner;
      }
      // @ts-expect-error not narrowed: object may be a StorageClass without spec
      w.object.spec.claimRef;
    }
  });
});
