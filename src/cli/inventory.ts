/**
 * Sorting loaded objects by kind for the commands, with each object checked against its schema.
 * Objects of kinds kubevol has no use for (ConfigMaps, Deployments, ...) are counted, not errors:
 * `kubectl get all -o json` output should just work.
 */
import {
  type CSIDriver,
  type CSINode,
  type CSIStorageCapacity,
  ObjectParseError,
  parseObject,
  UnknownKindError,
  type Node,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type Pod,
  type StorageClass,
} from "../api/index.js";
import type { ClusterInit, VolumeAttachment } from "../lifecycle/index.js";
import { InputError, type LoadedObject, type Source } from "./load.js";

/**
 * An input object the commands cannot use (wrong shape, no name): reported with where it came
 * from, while the rest of the input is still used.
 */
export interface InputFinding {
  file: string;
  line: number;
  kind: string;
  name: string;
  message: string;
}

/** The storage-relevant objects of the input, each with where it came from. */
export interface Inventory {
  volumes: PersistentVolume[];
  claims: PersistentVolumeClaim[];
  classes: StorageClass[];
  pods: Pod[];
  nodes: Node[];
  /** What the scheduler's volume plugins read besides nodes. */
  csiNodes: CSINode[];
  csiDrivers: CSIDriver[];
  csiStorageCapacities: CSIStorageCapacity[];
  volumeAttachments: VolumeAttachment[];
  /** Where each object came from, by object. */
  sources: Map<object, Source>;
  /** Objects of other kinds, by kind. */
  ignored: Map<string, number>;
  /** Objects of the used kinds that could not be used (each with file, line and name). */
  findings: InputFinding[];
}

/** The inventory field that holds each kind the engine reads. */
const FIELD_OF_KIND: Readonly<Record<string, keyof Inventory>> = {
  PersistentVolume: "volumes",
  PersistentVolumeClaim: "claims",
  StorageClass: "classes",
  Pod: "pods",
  Node: "nodes",
  CSINode: "csiNodes",
  CSIDriver: "csiDrivers",
  CSIStorageCapacity: "csiStorageCapacities",
  VolumeAttachment: "volumeAttachments",
};

const USED_KINDS = new Set(Object.keys(FIELD_OF_KIND));

/**
 * Parse the objects the commands use; count the rest. An object of a used kind that has the
 * wrong shape or no `metadata.name` becomes a finding (file, line, name, message) and is left
 * out; one bad object never stops the others from being used.
 *
 * @throws {@link InputError} (file and line) for an object without a kind.
 * @example
 * ```ts
 * const inv = inventory(loadInputs(["examples/cluster.yaml"], () => ""));
 * inv.claims.length;
 * ```
 */
export function inventory(objects: readonly LoadedObject[]): Inventory {
  const inv: Inventory = {
    volumes: [],
    claims: [],
    classes: [],
    pods: [],
    nodes: [],
    csiNodes: [],
    csiDrivers: [],
    csiStorageCapacities: [],
    volumeAttachments: [],
    sources: new Map(),
    ignored: new Map(),
    findings: [],
  };
  for (const { object, source } of objects) {
    const kind = typeof object["kind"] === "string" ? object["kind"] : "";
    if (!USED_KINDS.has(kind)) {
      if (kind === "") throw new InputError(source.file, source.line, "object has no kind");
      inv.ignored.set(kind, (inv.ignored.get(kind) ?? 0) + 1);
      continue;
    }
    const meta = object["metadata"];
    const name =
      typeof meta === "object" && meta !== null && typeof (meta as { name?: unknown }).name === "string"
        ? (meta as { name: string }).name
        : "";
    const finding = (message: string) => inv.findings.push({ file: source.file, line: source.line, kind, name, message });
    let parsed: unknown;
    try {
      // kubevol/api has no schema for VolumeAttachment: the scheduler reads only its attacher,
      // node and source, and tolerates anything else there.
      parsed = kind === "VolumeAttachment" ? object : parseObject(object);
    } catch (e) {
      if (e instanceof ObjectParseError || e instanceof UnknownKindError) {
        finding(e.message);
        continue;
      }
      throw e;
    }
    if (name === "") {
      finding("metadata.name: Required value");
      continue;
    }
    const spec = object["spec"];
    if ((kind === "PersistentVolume" || kind === "PersistentVolumeClaim") && (typeof spec !== "object" || spec === null)) {
      finding("spec: Required value");
      continue;
    }
    inv.sources.set(parsed as object, source);
    (inv[FIELD_OF_KIND[kind]!] as object[]).push(parsed as object);
  }
  return inv;
}

/** The snapshot's input: every object of the inventory the engine reads. */
export function snapshotOf(inv: Inventory): ClusterInit {
  return {
    volumes: inv.volumes,
    claims: inv.claims,
    classes: inv.classes,
    pods: inv.pods,
    nodes: inv.nodes,
    csiNodes: inv.csiNodes,
    csiDrivers: inv.csiDrivers,
    csiStorageCapacities: inv.csiStorageCapacities,
    volumeAttachments: inv.volumeAttachments,
  };
}
