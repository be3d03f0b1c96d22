/**
 * The vocabulary shared by the workload generators (docs/benchmarks.md, "Workload"): storage
 * classes, label values, namespaces and node names. Exported so tests and benchmarks can build
 * claims and selectors that talk about the same things as the generated pools.
 *
 * @module
 */

/**
 * The 8 storage classes of a generated pool, `""` (no class) included. Local volumes all use
 * `"local-storage"`; the other classes are weighted as in {@link NETWORK_CLASS_WEIGHTS}.
 *
 * @example
 * ```ts
 * STORAGE_CLASSES.includes(""); // true
 * ```
 */
export const STORAGE_CLASSES: readonly string[] = Object.freeze([
  "",
  "standard",
  "fast",
  "slow",
  "gold",
  "silver",
  "archive",
  "local-storage",
]);

/**
 * The class of every local (node-pinned) volume in a generated pool.
 *
 * @example
 * ```ts
 * LOCAL_CLASS; // "local-storage"
 * ```
 */
export const LOCAL_CLASS = "local-storage";

/**
 * Class weights (percent of the non-local volumes) for network volumes and for claims that do not
 * ask for local storage.
 *
 * @example
 * ```ts
 * NETWORK_CLASS_WEIGHTS.find(([c]) => c === "standard"); // ["standard", 35]
 * ```
 */
export const NETWORK_CLASS_WEIGHTS: readonly (readonly [string, number])[] = Object.freeze([
  ["standard", 35],
  ["fast", 20],
  ["", 10],
  ["slow", 10],
  ["gold", 10],
  ["silver", 8],
  ["archive", 7],
] as const);

/**
 * Values of the `zone` label (also the nodes' `topology.kubernetes.io/zone`).
 *
 * @example
 * ```ts
 * ZONES.length; // 3
 * ```
 */
export const ZONES: readonly string[] = Object.freeze(["zone-a", "zone-b", "zone-c"]);

/**
 * Values of the `disktype` label.
 *
 * @example
 * ```ts
 * DISK_TYPES; // ["ssd", "hdd"]
 * ```
 */
export const DISK_TYPES: readonly string[] = Object.freeze(["ssd", "hdd"]);

/**
 * Values of the `rack` label: `rack-00` … `rack-99`.
 *
 * @example
 * ```ts
 * RACKS[7]; // "rack-07"
 * ```
 */
export const RACKS: readonly string[] = Object.freeze(Array.from({ length: 100 }, (_, i) => `rack-${String(i).padStart(2, "0")}`));

/**
 * The 20 namespaces claims live in: `ns-00` … `ns-19`; claim `j` lives in `NAMESPACES[j % 20]`.
 *
 * @example
 * ```ts
 * NAMESPACES[3]; // "ns-03"
 * ```
 */
export const NAMESPACES: readonly string[] = Object.freeze(Array.from({ length: 20 }, (_, i) => `ns-${String(i).padStart(2, "0")}`));

/**
 * The node label local volumes are pinned by.
 *
 * @example
 * ```ts
 * HOSTNAME_LABEL; // "kubernetes.io/hostname"
 * ```
 */
export const HOSTNAME_LABEL = "kubernetes.io/hostname";

/**
 * The default number of nodes local volumes are spread over.
 *
 * @example
 * ```ts
 * DEFAULT_NODE_COUNT; // 1000
 * ```
 */
export const DEFAULT_NODE_COUNT = 1000;

/**
 * The name of node `i` (`node-0000` …), shared by {@link nodes} and the local volumes of a pool.
 *
 * @example
 * ```ts
 * nodeName(42); // "node-0042"
 * ```
 */
export function nodeName(i: number): string {
  return `node-${String(i).padStart(4, "0")}`;
}

/**
 * The name of volume `i` of a pool (`pv-0000000` …; zero-padded so name order is index order).
 *
 * @example
 * ```ts
 * volumeName(7); // "pv-0000007"
 * ```
 */
export function volumeName(i: number): string {
  return `pv-${String(i).padStart(7, "0")}`;
}

/**
 * The `namespace/name` of generated claim `j` (see `claims`). Pre-bound volumes of a pool point at
 * these names.
 *
 * @example
 * ```ts
 * claimName(5); // { namespace: "ns-05", name: "claim-0000005" }
 * ```
 */
export function claimName(j: number): { namespace: string; name: string } {
  return { namespace: NAMESPACES[j % NAMESPACES.length]!, name: `claim-${String(j).padStart(7, "0")}` };
}

/**
 * Renders a size given in GiB as a quantity string: binary units (`Gi`, or `Ti` when whole), or,
 * when `decimal` is set, the nearest whole number of decimal gigabytes (`G`, or `T` when whole).
 *
 * @example
 * ```ts
 * sizeText(2048, false); // "2Ti"
 * sizeText(500, true);   // "537G"
 * ```
 */
export function sizeText(gib: number, decimal: boolean): string {
  if (!decimal) return gib % 1024 === 0 ? `${gib / 1024}Ti` : `${gib}Gi`;
  const g = Math.max(1, Math.round(gib * 1.073741824));
  return g % 1000 === 0 ? `${g / 1000}T` : `${g}G`;
}
