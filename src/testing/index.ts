/**
 * `kubevol/testing`: seeded, deterministic generators of DESIGN.md's benchmark workload —
 * PersistentVolume pools (`pool`, `volumeAt`), claims (`claims`, `claimAt`) and nodes (`nodes`,
 * `nodeAt`) — plus the small PRNG they use. For tests, benchmarks and anyone measuring a binding
 * algorithm of their own (see docs/benchmarking.md). No runtime dependencies.
 *
 * @module
 */
export * from "./prng.js";
export * from "./workload.js";
export * from "./pool.js";
export * from "./claims.js";
export * from "./nodes.js";
