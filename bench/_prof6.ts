import { pool } from "../src/testing/index.js";
import { VolumeIndex } from "../src/matching/index.js";
const vols = pool(300_000, 42);
const g = (globalThis as { gc?: () => void }).gc!;
g();
const t = performance.now();
const idx = new VolumeIndex(vols);
console.log("build", (performance.now() - t).toFixed(0), idx.size);
