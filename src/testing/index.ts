/**
 * `kubevol/testing`: seeded, deterministic generators of the benchmark workload (docs/benchmarks.md) —
 * PersistentVolume pools (`pool`, `volumeAt`), claims (`claims`, `claimAt`) and nodes (`nodes`,
 * `nodeAt`) — plus the small PRNG they use. For tests, benchmarks and anyone measuring a binding
 * algorithm of their own (see docs/benchmarking.md). No runtime dependencies.
 *
 * @module
 */
export {
  Prng,
  mixSeed,
} from "./prng.js";
export {
  DEFAULT_NODE_COUNT,
  DISK_TYPES,
  HOSTNAME_LABEL,
  LOCAL_CLASS,
  NAMESPACES,
  NETWORK_CLASS_WEIGHTS,
  RACKS,
  STORAGE_CLASSES,
  ZONES,
  claimName,
  nodeName,
  sizeText,
  volumeName,
} from "./workload.js";
export {
  POOL_ACCESS_MODES,
  pool,
  volumeAt,
  type PoolOptions,
} from "./pool.js";
export {
  CLAIM_ACCESS_MODES,
  claimAt,
  claims,
  type ClaimOptions,
} from "./claims.js";
export {
  nodeAt,
  nodes,
  type GeneratedNode,
} from "./nodes.js";
export {
  CHURN_CAPACITIES,
  CHURN_REQUESTS,
  churnWorkload,
  type ChurnOptions,
  type ChurnWorkload,
  type Mix,
} from "./churn.js";
