/**
 * Sorting loaded objects by kind for the commands, with each object checked against its schema.
 * Objects of kinds kubevol has no use for (ConfigMaps, Deployments, ...) are counted, not errors:
 * `kubectl get all -o json` output should just work.
 */
import {
  ObjectParseError,
  parseObject,
  UnknownKindError,
  type Node,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type Pod,
  type StorageClass,
} from "../api/index.js";
import { InputError, type LoadedObject, type Source } from "./load.js";

/** The storage-relevant objects of the input, each with where it came from. */
export interface Inventory {
  volumes: PersistentVolume[];
  claims: PersistentVolumeClaim[];
  classes: StorageClass[];
  pods: Pod[];
  nodes: Node[];
  /** Where each object came from, by object. */
  sources: Map<object, Source>;
  /** Objects of other kinds, by kind. */
  ignored: Map<string, number>;
}

const USED_KINDS = new Set(["PersistentVolume", "PersistentVolumeClaim", "StorageClass", "Pod", "Node"]);

/**
 * Parse the objects the commands use; count the rest.
 *
 * @throws {@link InputError} (file and line) when a used kind has the wrong shape.
 * @example
 * ```ts
 * const inv = inventory(loadInputs(["examples/cluster.yaml"], () => ""));
 * inv.claims.length;
 * ```
 */
export function inventory(objects: readonly LoadedObject[]): Inventory {
  const inv: Inventory = { volumes: [], claims: [], classes: [], pods: [], nodes: [], sources: new Map(), ignored: new Map() };
  for (const { object, source } of objects) {
    const kind = typeof object["kind"] === "string" ? object["kind"] : "";
    if (!USED_KINDS.has(kind)) {
      if (kind === "") throw new InputError(source.file, source.line, "object has no kind");
      inv.ignored.set(kind, (inv.ignored.get(kind) ?? 0) + 1);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = parseObject(object);
    } catch (e) {
      if (e instanceof ObjectParseError || e instanceof UnknownKindError) throw new InputError(source.file, source.line, e.message);
      throw e;
    }
    inv.sources.set(parsed as object, source);
    switch (kind) {
      case "PersistentVolume":
        inv.volumes.push(parsed as PersistentVolume);
        break;
      case "PersistentVolumeClaim":
        inv.claims.push(parsed as PersistentVolumeClaim);
        break;
      case "StorageClass":
        inv.classes.push(parsed as StorageClass);
        break;
      case "Pod":
        inv.pods.push(parsed as Pod);
        break;
      case "Node":
        inv.nodes.push(parsed as Node);
        break;
    }
  }
  return inv;
}
