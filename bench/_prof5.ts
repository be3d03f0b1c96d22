import { pool } from "../src/testing/index.js";
import { CapacityTexts } from "../src/matching/capacity-texts.js";
const N = 1_000_000;
const vols = pool(N, 42);
const raws = vols.map((v) => v.spec!.capacity!.storage as string);
const texts = new CapacityTexts();
for (const r of raws) texts.info(r);
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  let x = 0;
  for (let i = 0; i < N; i++) {
    const inf = texts.info(raws[i]);
    x += (inf as { id: number }).id;
  }
  const a = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < N; i++) {
    const inf = texts.info(raws[i]);
    if (typeof inf !== "string") x += inf.key;
  }
  console.log("info id", a.toFixed(0), "info key", (performance.now() - t).toFixed(0), x > 0);
}
