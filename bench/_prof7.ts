import { pool } from "../src/testing/index.js";
import { VolumeFacts } from "../src/matching/decoded-volume.js";
import { CapacityTexts } from "../src/matching/capacity-texts.js";
const N = 1_000_000;
const vols = pool(N, 42);
const g = (globalThis as { gc?: () => void }).gc!;
g();
const texts = new CapacityTexts();
const f = new VolumeFacts();
for (let r = 0; r < 3; r++) {
  const h0 = process.memoryUsage().heapUsed;
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < N; i++) x += f.read(vols[i]!, texts).capKey;
  console.log("read", (performance.now() - t).toFixed(0), "heap delta MB", ((process.memoryUsage().heapUsed - h0) / 1e6).toFixed(0), x > 0);
}
