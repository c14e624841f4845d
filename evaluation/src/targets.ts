import type { Confusion } from './confusion.js';

/** The quality targets of the detection issue, checked per history size. */
export function targetFailures(groups: Map<string, Confusion>): string[] {
  const failures: string[] = [];
  for (const [key, counts] of groups) {
    const [size, kind] = key.split('/');
    if (kind !== 'all') continue;
    const maxFpr = size === 'all' ? 1 : Number(size) >= 30 ? 0.01 : 0.03;
    if (counts.falsePositiveRate > maxFpr) failures.push(`FPR ${pct(counts.falsePositiveRate)} > ${pct(maxFpr)} at size ${size}`);
    if (counts.truePositiveRate < 0.98) failures.push(`TPR ${pct(counts.truePositiveRate)} < 98% at size ${size}`);
  }
  const overall = groups.get('all/all');
  if (overall && overall.f1 < 0.95) failures.push(`F1 ${overall.f1.toFixed(3)} < 0.95 overall`);
  return failures;
}

export const pct = (rate: number) => `${(100 * rate).toFixed(1)}%`;
