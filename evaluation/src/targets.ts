import { pct, type Tally } from './tally.js';

/** The targets of DETECTION v2, checked on the `size/all` groups. */
export const TARGETS = {
  fprAt10: 0.03,
  fprFrom30: 0.01,
  grossRecall: 0.99,
  moderateRecallFrom30: 0.9,
} as const;

export function targetFailures(groups: Map<string, Tally>): string[] {
  const failures: string[] = [];
  const moderateFrom30 = { flagged: 0, total: 0 };
  for (const [key, tally] of groups) {
    const [size, shape] = key.split('/');
    if (shape !== 'all' || size === 'all') continue;
    const maxFpr = Number(size) >= 30 ? TARGETS.fprFrom30 : TARGETS.fprAt10;
    if (tally.falsePositives.value > maxFpr) failures.push(`FPR ${pct(tally.falsePositives.value)} > ${pct(maxFpr)} at size ${size}`);
    if (tally.gross.value < TARGETS.grossRecall) failures.push(`gross recall ${pct(tally.gross.value)} < ${pct(TARGETS.grossRecall)} at size ${size}`);
    if (Number(size) >= 30) {
      moderateFrom30.flagged += tally.moderate.flagged;
      moderateFrom30.total += tally.moderate.total;
    }
  }
  const moderate = moderateFrom30.flagged / moderateFrom30.total;
  if (moderate < TARGETS.moderateRecallFrom30) failures.push(`moderate recall ${pct(moderate)} < ${pct(TARGETS.moderateRecallFrom30)} over sizes >= 30`);
  return failures;
}
