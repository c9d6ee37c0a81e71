/**
 * The CPU slowdown that makes this host emulate the same phone whatever its
 * speed, from Lighthouse's own benchmark index (lhr.environment.benchmarkIndex),
 * by the calibration Lighthouse documents for slow and fast hosts
 * (docs/throttling.md, "CPU throttling": the lighthouse-cpu-throttling-calculator).
 * Its reference host (index 1533) gets ×4, the "CPU ×4" of the slow-3G profile;
 * a host slowed by load gets less, so the emulated phone stays the same.
 */
export function calibratedCpuMultiplier(benchmarkIndex: number): number {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex <= 0)
    throw new Error(`Lighthouse measured no usable benchmark index (${benchmarkIndex})`);
  let multiplier: number;
  if (benchmarkIndex >= 1300) multiplier = 3 + (benchmarkIndex - 1300) / 233;
  else if (benchmarkIndex >= 800) multiplier = 2 + (benchmarkIndex - 800) / 500;
  else multiplier = 1 + (benchmarkIndex - 150) / 650;
  // A host slower than the phone cannot be made faster: it is measured as it is (pessimistic).
  return Math.max(1, Math.round(multiplier * 100) / 100);
}
