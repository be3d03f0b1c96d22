import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  toStatus,
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
  validateStorageClass,
  validateStorageClassUpdate,
  type FieldError,
} from "../../src/validation/index.js";

interface Example {
  title: string;
  kind: "PersistentVolume" | "PersistentVolumeClaim" | "StorageClass";
  object: { metadata: { name: string } };
  old?: unknown;
  message: string;
}

const examples = JSON.parse(readFileSync(new URL("../fixtures/validation/worked-examples.json", import.meta.url), "utf8")) as Example[];

function run(e: Example): FieldError[] {
  switch (e.kind) {
    case "PersistentVolume":
      return e.old ? validatePersistentVolumeUpdate(e.object, e.old) : validatePersistentVolume(e.object);
    case "PersistentVolumeClaim":
      return e.old ? validatePersistentVolumeClaimUpdate(e.object, e.old) : validatePersistentVolumeClaim(e.object);
    case "StorageClass":
      return e.old ? validateStorageClassUpdate(e.object, e.old) : validateStorageClass(e.object);
  }
}

describe("worked examples (aggregated messages), as 422 Status messages", () => {
  it.each(examples.map((e) => [e.title, e] as const))("%s", (_title, e) => {
    expect(toStatus(run(e), e.kind, e.object.metadata.name).message).toBe(e.message);
  });
});
