/**
 * Rendering a zod issue path as a Kubernetes field path (`spec.capacity[storage]`,
 * `spec.accessModes[0]`).
 *
 * @module
 */
import { child, index, key } from "../../field/index.js";

/** Fields whose value is a string-keyed map: their children render as `[key]`. */
const MAP_FIELDS: ReadonlySet<string> = new Set([
  "labels",
  "annotations",
  "capacity",
  "requests",
  "limits",
  "parameters",
  "volumeAttributes",
  "options",
  "allocatedResources",
  "allocatedResourceStatuses",
  "nodeSelector",
  "matchLabels",
  "allocatable",
  "fieldsV1",
  "nodeInfo",
]);

/**
 * The Kubernetes rendering of a zod path: fields joined with `.`, array indices and map keys in
 * brackets.
 *
 * @param path - a zod issue path
 * @returns the field path, `""` for the root
 * @example
 * ```ts
 * fieldPathOf(["spec", "capacity", "storage"]);  // "spec.capacity[storage]"
 * fieldPathOf(["spec", "accessModes", 0]);       // "spec.accessModes[0]"
 * ```
 */
export function fieldPathOf(path: readonly PropertyKey[]): string {
  let out = "";
  let previous: PropertyKey | undefined;
  for (const segment of path) {
    if (typeof segment === "number") out = index(out, segment);
    else if (typeof previous === "string" && MAP_FIELDS.has(previous)) out = key(out, String(segment));
    else out = child(out, String(segment));
    previous = segment;
  }
  return out;
}
