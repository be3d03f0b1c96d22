import { pool } from "../src/testing/index.js";
import { CapacityTexts } from "../src/matching/capacity-texts.js";
const N = 1_000_000;
const vols = pool(N, 42);
const raws = vols.map((v) => v.spec!.capacity!.storage);
for (let r = 0; r < 3; r++) {
  const texts = new CapacityTexts();
  let t = performance.now();
  let x = 0;
  for (let i = 0; i < N; i++) {
    const inf = texts.info(raws[i]);
    if (typeof inf !== "string") x += inf.key;
  }
  const a = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < N; i++) {
    const inf = texts.info(vols[i]!.spec!.capacity!.storage);
    if (typeof inf !== "string") x += inf.key;
  }
  const b = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < N; i++) {
    x += vols[i]!.metadata!.name!.length + (vols[i]!.status?.phase?.length ?? 0);
  }
  const c = performance.now() - t;
  console.log("info(raw array)", a.toFixed(0), "info(through pv)", b.toFixed(0), "touch meta+status", c.toFixed(0), x > 0);
}
{
  const m = new Map<string, number>();
  for (const r of raws) if (!m.has(r as string)) m.set(r as string, m.size);
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    let x = 0;
    for (let i = 0; i < N; i++) x += m.get(raws[i] as string)!;
    console.log("plain map", (performance.now() - t).toFixed(0), m.size, x > 0);
  }
}
