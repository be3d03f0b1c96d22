export * from "./prng.js";
export * from "./workload.js";
export * from "./pool.js";
export * from "./claims.js";
export * from "./nodes.js";
