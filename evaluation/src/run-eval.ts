import { DEFAULT_DETECTION_POLICY, inHouseEngine, mlIsolationForestEngine } from '#libs/anomaly-detection';
import { CALIBRATION_SEED, EVAL_HISTORY_SIZES, evalDataset, HELD_OUT_SEEDS, type EvalItem } from './eval-dataset.js';
import { evaluate, policyJudge, type Judge } from './evaluate.js';
import { oldRuleJudge } from './old-rule-judge.js';
import { SHAPES } from './price-shapes.js';
import { pct, type Tally } from './tally.js';
import { targetFailures, TARGETS } from './targets.js';

/**
 * `npm run eval [-- --calibration] [-- --seeds 1,2]`: detection quality on the shapes and anomaly
 * tiers of DETECTION v2. By default on the held-out seeds (the policy was tuned on CALIBRATION_SEED).
 */
const args = process.argv.slice(2);
const seedArg = args.indexOf('--seeds');
const seeds: readonly number[] = args.includes('--calibration') ? [CALIBRATION_SEED]
  : seedArg >= 0 ? args[seedArg + 1].split(',').map(Number) : HELD_OUT_SEEDS;
const items: EvalItem[] = seeds.flatMap((seed) => [...evalDataset({ seed })]);
const count = (pick: (item: EvalItem) => readonly number[]) => items.reduce((sum, item) => sum + pick(item).length, 0);

const timed = (judge: Judge) => {
  const started = performance.now();
  const groups = evaluate(items, judge);
  return { groups, seconds: (performance.now() - started) / 1000 };
};
const ours = timed(policyJudge(inHouseEngine));
const ml = timed(policyJudge(mlIsolationForestEngine));
const bandOnly = timed(policyJudge(inHouseEngine, { forest: false }));
const old = timed(oldRuleJudge());

const cells = (tally: Tally | undefined) => (tally ? `${pct(tally.falsePositives.value)} | ${pct(tally.moderate.value)} | ${pct(tally.gross.value)}` : '- | - | -');

console.log(`Evaluation set: seeds ${seeds.join(', ')}${seeds.includes(CALIBRATION_SEED) ? ' (the calibration seed)' : ' (held out: the policy was tuned on seed ' + CALIBRATION_SEED + ')'}; ` +
  `${items.length} items (${SHAPES.length} shapes x sizes ${EVAL_HISTORY_SIZES.join('/')}), ${count((i) => i.normal)} normal queries, ` +
  `${count((i) => i.moderate)} moderate and ${count((i) => i.gross)} gross anomalies; ~30% of histories of 30+ orders hold gross errors.`);
console.log(`Policy: ${JSON.stringify(DEFAULT_DETECTION_POLICY)}\n`);

console.log('## Default policy (in-house forest) beside the old rule: FPR | moderate recall | gross recall\n');
console.log('| size | shape | ours: FPR | moderate | gross | old rule: FPR | moderate | gross |');
console.log('|---|---|---|---|---|---|---|---|');
for (const size of [...EVAL_HISTORY_SIZES.map(String), 'all']) {
  for (const shape of [...SHAPES, 'all']) {
    const key = `${size}/${shape}`;
    console.log(`| ${size} | ${shape} | ${cells(ours.groups.get(key))} | ${cells(old.groups.get(key))} |`);
  }
}

console.log('\n## What the isolation forest adds over the band alone (all sizes): FPR | moderate | gross\n');
console.log('| shape | band + forest | band alone | anomalies only the forest caught | in-gap probe (tiers): band + forest / band alone |');
console.log('|---|---|---|---|---|');
for (const shape of [...SHAPES, 'all']) {
  const [full, band] = [ours.groups.get(`all/${shape}`)!, bandOnly.groups.get(`all/${shape}`)!];
  const added = full.moderate.flagged + full.gross.flagged - band.moderate.flagged - band.gross.flagged;
  const falseAlarms = full.falsePositives.flagged - band.falsePositives.flagged;
  const gap = full.inGap.total ? `${pct(full.inGap.value)} / ${pct(band.inGap.value)}` : '-';
  console.log(`| ${shape} | ${cells(full)} | ${cells(band)} | ${added} caught, ${falseAlarms} false alarms added | ${gap} |`);
}

console.log('\n## Both engines, same policy (per size, all shapes): FPR | moderate | gross\n');
console.log('| size | isolation-forest | ml-isolation-forest |');
console.log('|---|---|---|');
for (const size of [...EVAL_HISTORY_SIZES.map(String), 'all']) console.log(`| ${size} | ${cells(ours.groups.get(`${size}/all`))} | ${cells(ml.groups.get(`${size}/all`))} |`);

console.log('\n## Sensitivity (in-house engine): FPR at size 10 | FPR at sizes >= 30 | moderate recall at sizes >= 30 | gross recall | in-gap probe\n');
console.log('| sensitivity | FPR (10) | FPR (>= 30) | moderate (>= 30) | gross | in-gap (tiers) |');
console.log('|---|---|---|---|---|---|');
for (let sensitivity = 0; sensitivity <= 100; sensitivity += 10) {
  const groups = evaluate(items, policyJudge(inHouseEngine, { sensitivity }));
  const from30 = (pick: (tally: Tally) => { flagged: number; total: number }) => {
    const sum = EVAL_HISTORY_SIZES.filter((size) => size >= 30).map((size) => pick(groups.get(`${size}/all`)!));
    return sum.reduce((a, b) => a + b.flagged, 0) / sum.reduce((a, b) => a + b.total, 0);
  };
  const mark = sensitivity === DEFAULT_DETECTION_POLICY.sensitivity ? ' (default)' : '';
  console.log(`| ${sensitivity}${mark} | ${pct(groups.get('10/all')!.falsePositives.value)} | ${pct(from30((t) => t.falsePositives))} | ${pct(from30((t) => t.moderate))} | ${pct(groups.get('all/all')!.gross.value)} | ${pct(groups.get('all/tiers')!.inGap.value)} |`);
}

console.log(`\nevaluated in: isolation-forest ${ours.seconds.toFixed(1)} s, ml-isolation-forest ${ml.seconds.toFixed(1)} s, old rule ${old.seconds.toFixed(1)} s`);
console.log(`Targets: FPR <= ${pct(TARGETS.fprFrom30)} at sizes >= 30 and <= ${pct(TARGETS.fprAt10)} at 10; gross recall >= ${pct(TARGETS.grossRecall)} at every size; moderate recall >= ${pct(TARGETS.moderateRecallFrom30)} over sizes >= 30`);
for (const [name, result] of [['isolation-forest', ours], ['ml-isolation-forest', ml]] as const) {
  const failures = targetFailures(result.groups);
  console.log(failures.length ? `${name}: MISSES\n- ${failures.join('\n- ')}` : `${name}: meets every target`);
}
