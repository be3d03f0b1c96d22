import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as api from "../../src/api/index.js";

describe("constants (component-helpers storage/volume/pv_helpers.go, pkg/apis/storage/util/helpers.go)", () => {
  it.each([
    ["AnnBindCompleted", "pv.kubernetes.io/bind-completed"],
    ["AnnBoundByController", "pv.kubernetes.io/bound-by-controller"],
    ["AnnSelectedNode", "volume.kubernetes.io/selected-node"],
    ["AnnStorageProvisioner", "volume.kubernetes.io/storage-provisioner"],
    ["AnnBetaStorageProvisioner", "volume.beta.kubernetes.io/storage-provisioner"],
    ["AnnDynamicallyProvisioned", "pv.kubernetes.io/provisioned-by"],
    ["AnnMigratedTo", "pv.kubernetes.io/migrated-to"],
    ["AnnBetaStorageClass", "volume.beta.kubernetes.io/storage-class"],
    ["AnnIsDefaultStorageClass", "storageclass.kubernetes.io/is-default-class"],
    ["AnnBetaIsDefaultStorageClass", "storageclass.beta.kubernetes.io/is-default-class"],
    ["AnnPreResizeCapacity", "volume.alpha.kubernetes.io/pre-resize-capacity"],
    ["AnnMountOptions", "volume.beta.kubernetes.io/mount-options"],
    ["NotSupportedProvisioner", "kubernetes.io/no-provisioner"],
    ["FinalizerPVCProtection", "kubernetes.io/pvc-protection"],
    ["FinalizerPVProtection", "kubernetes.io/pv-protection"],
    ["FinalizerPVController", "kubernetes.io/pv-controller"],
    ["FinalizerExternalProvisioner", "external-provisioner.volume.kubernetes.io/finalizer"],
    ["LabelHostname", "kubernetes.io/hostname"],
  ] as const)("%s = %j", (name, value) => {
    expect(api[name]).toBe(value);
  });

  it("lists every enum value", () => {
    expect(api.ACCESS_MODES).toEqual(["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"]);
    expect(api.VOLUME_MODES).toEqual(["Filesystem", "Block"]);
    expect(api.RECLAIM_POLICIES).toEqual(["Retain", "Delete", "Recycle"]);
    expect(api.BINDING_MODES).toEqual(["Immediate", "WaitForFirstConsumer"]);
    expect(api.PV_PHASES).toEqual(["Pending", "Available", "Bound", "Released", "Failed"]);
    expect(api.PVC_PHASES).toEqual(["Pending", "Bound", "Lost"]);
    expect(api.ACCESS_MODE_ABBREVIATIONS).toEqual({
      ReadWriteOnce: "RWO",
      ReadOnlyMany: "ROX",
      ReadWriteMany: "RWX",
      ReadWriteOncePod: "RWOP",
    });
    expect(api.ACCESS_MODES_BY_ABBREVIATION).toEqual({
      RWO: "ReadWriteOnce",
      ROX: "ReadOnlyMany",
      RWX: "ReadWriteMany",
      RWOP: "ReadWriteOncePod",
    });
  });

  it("freezes the arrays", () => {
    expect(Object.isFrozen(api.ACCESS_MODES)).toBe(true);
    expect(() => (api.PV_PHASES as string[]).push("x")).toThrow();
  });
});

describe("layering", () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../src/api");

  /** The files a module loads at runtime (type-only imports excluded), transitively within src/. */
  function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)) {
      const spec = m[1] as string;
      if (!spec.startsWith(".")) {
        seen.add(spec);
        continue;
      }
      runtimeImports(resolve(dirname(file), spec.replace(/\.js$/, ".ts")), seen);
    }
    return seen;
  }

  it("helpers, constants and types never load zod (the matcher imports them without it)", () => {
    for (const entry of ["helpers/index.ts", "constants/index.ts", "types/index.ts"]) {
      const loaded = runtimeImports(resolve(root, entry));
      expect(
        [...loaded].filter((f) => f === "zod" || f.includes("/schemas/")),
        entry,
      ).toEqual([]);
    }
  });

  it("the schemas do load zod (the check above can fail)", () => {
    expect(runtimeImports(resolve(root, "index.ts")).has("zod")).toBe(true);
  });
});
