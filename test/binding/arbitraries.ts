/**
 * Small random snapshots for the binding properties: a few classes (Immediate, WaitForFirstConsumer,
 * with and without a provisioner, optionally a default), volumes free, pre-bound by name, bound or
 * released, claims with and without class, request, selector, `volumeName`, and bound pairs.
 */
import fc from "fast-check";
import type { AccessMode, PersistentVolume, PersistentVolumeClaim, StorageClass } from "../../src/api/index.js";

export const CLASS_NAMES = ["", "fast", "slow", "wait", "ghost"] as const;

export function classes(withDefault: boolean): StorageClass[] {
  const sc = (name: string, provisioner: string, mode: "Immediate" | "WaitForFirstConsumer", isDefault = false): StorageClass => ({
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name, ...(isDefault ? { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } : {}) },
    provisioner,
    volumeBindingMode: mode,
    reclaimPolicy: "Retain",
  });
  return [
    sc("fast", "kubernetes.io/no-provisioner", "Immediate", withDefault),
    sc("slow", "csi.example.com", "Immediate"),
    sc("wait", "kubernetes.io/no-provisioner", "WaitForFirstConsumer"),
  ];
}

const modes = fc.subarray(["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"] as AccessMode[], { minLength: 1 });
const size = fc.constantFrom("1Gi", "2Gi", "3Gi", "5Gi", "8Gi", "2G", "1500M");

interface VolumeDraft {
  size: string;
  cls: string;
  modes: AccessMode[];
  block: boolean;
  zone: string | undefined;
  state: "free" | "prebound" | "released" | "deleting";
  ref: number;
}

interface ClaimDraft {
  size: string | undefined;
  cls: string | undefined;
  modes: AccessMode[];
  block: boolean;
  selector: boolean;
  time: number | undefined;
  named: number | undefined;
  bound: number | undefined;
}

const volumeDraft: fc.Arbitrary<VolumeDraft> = fc.record({
  size,
  cls: fc.constantFrom(...CLASS_NAMES),
  modes,
  block: fc.constant(false),
  zone: fc.option(fc.constantFrom("a", "b"), { nil: undefined }),
  state: fc.constantFrom<VolumeDraft["state"]>("free", "free", "free", "free", "prebound", "released", "deleting"),
  ref: fc.nat(7),
});

const claimDraft: fc.Arbitrary<ClaimDraft> = fc.record({
  size: fc.option(size, { nil: undefined, freq: 8 }),
  cls: fc.option(fc.constantFrom(...CLASS_NAMES), { nil: undefined, freq: 5 }),
  modes,
  block: fc.constant(false),
  selector: fc.boolean(),
  time: fc.option(fc.nat(3), { nil: undefined }),
  named: fc.option(fc.nat(9), { nil: undefined, freq: 6 }),
  bound: fc.option(fc.nat(9), { nil: undefined, freq: 6 }),
});

/**
 * A random snapshot: volumes `pv-i`, claims `default/claim-j` (uid `u-j`), bound pairs consistent on
 * both sides, every volume in a settled phase.
 */
export const snapshotArb = (opts: { maxVolumes?: number; maxClaims?: number; defaultClass?: boolean } = {}) =>
  fc
    .record({
      volumes: fc.array(volumeDraft, { maxLength: opts.maxVolumes ?? 8 }),
      claims: fc.array(claimDraft, { maxLength: opts.maxClaims ?? 7 }),
      blocks: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
      withDefault: opts.defaultClass === false ? fc.constant(false) : fc.boolean(),
    })
    .map(({ volumes, claims, blocks, withDefault }) => build(volumes, claims, blocks, withDefault));

function build(vd: VolumeDraft[], cd: ClaimDraft[], blocks: boolean[], withDefault: boolean) {
  const volumes: PersistentVolume[] = vd.map((d, i) => {
    const pv: PersistentVolume = {
      apiVersion: "v1",
      kind: "PersistentVolume",
      metadata: { name: `pv-${i}`, ...(d.zone ? { labels: { zone: d.zone } } : {}) },
      spec: {
        capacity: { storage: d.size },
        accessModes: d.modes,
        storageClassName: d.cls,
        persistentVolumeReclaimPolicy: "Retain",
        ...(blocks[i] && i % 5 === 4 ? { volumeMode: "Block" as const } : {}),
        csi: { driver: "csi.example.com", volumeHandle: `pv-${i}` },
      },
      status: { phase: "Available" },
    };
    if (d.state === "prebound") pv.spec!.claimRef = { namespace: "default", name: `claim-${d.ref}` };
    if (d.state === "released") {
      pv.spec!.claimRef = { namespace: "default", name: "gone", uid: "u-gone" };
      pv.metadata!.annotations = { "pv.kubernetes.io/bound-by-controller": "yes" };
      pv.status = { phase: "Released" };
    }
    if (d.state === "deleting") pv.metadata!.deletionTimestamp = "2026-01-01T00:00:00Z";
    return pv;
  });
  const taken = new Set<number>();
  const claims: PersistentVolumeClaim[] = cd.map((d, j) => {
    const spec: NonNullable<PersistentVolumeClaim["spec"]> = { accessModes: d.modes };
    if (d.size !== undefined) spec.resources = { requests: { storage: d.size } };
    if (d.cls !== undefined) spec.storageClassName = d.cls;
    if (blocks[15 - (j % 16)] && j % 4 === 3) spec.volumeMode = "Block";
    if (d.selector) spec.selector = { matchLabels: { zone: "a" } };
    const metadata: NonNullable<PersistentVolumeClaim["metadata"]> = { name: `claim-${j}`, namespace: "default", uid: `u-${j}` };
    if (d.time !== undefined) metadata.creationTimestamp = `2026-01-0${d.time + 1}T00:00:00Z`;
    const claim: PersistentVolumeClaim = { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata, spec, status: { phase: "Pending" } };
    const b = d.bound;
    if (b !== undefined && b < volumes.length && !taken.has(b) && vd[b]!.state === "free") {
      taken.add(b);
      const pv = volumes[b]!;
      pv.spec!.claimRef = { kind: "PersistentVolumeClaim", apiVersion: "v1", namespace: "default", name: `claim-${j}`, uid: `u-${j}` };
      pv.metadata!.annotations = { "pv.kubernetes.io/bound-by-controller": "yes" };
      pv.status = { phase: "Bound" };
      spec.volumeName = pv.metadata!.name;
      metadata.annotations = { "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes" };
      claim.status = { phase: "Bound", capacity: { storage: pv.spec!.capacity!.storage! }, accessModes: pv.spec!.accessModes };
    } else if (d.named !== undefined) {
      spec.volumeName = `pv-${d.named}`;
    }
    return claim;
  });
  return { volumes, claims, classes: classes(withDefault) };
}
