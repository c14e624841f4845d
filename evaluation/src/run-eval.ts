import { DEFAULT_DETECTION_POLICY, inHouseEngine, mlIsolationForestEngine } from '#libs/anomaly-detection';
import type { Confusion } from './confusion.js';
import { EVAL_HISTORY_SIZES, evalDataset } from './eval-dataset.js';
import { evaluate, policyJudge, type Judge } from './evaluate.js';
import { oldRuleJudge } from './old-rule-judge.js';
import { pct, targetFailures } from './targets.js';

/** `npm run eval`: one table of FPR / TPR / F1 per history size and item kind, ours beside the old rule. */
const items = [...evalDataset()];
const contenders: [string, Judge | undefined][] = [
  ['default policy (isolation-forest)', policyJudge(inHouseEngine)],
  ['ml-isolation-forest, same policy', policyJudge(mlIsolationForestEngine)],
  ['old rule (sklearn, contamination=auto)', oldRuleJudge()],
];

const results = contenders.map(([name, judge]) => {
  const started = performance.now();
  const groups = judge ? evaluate(items, judge) : undefined;
  return { name, groups, seconds: (performance.now() - started) / 1000 };
});

const queries = items.reduce((sum, item) => sum + item.normal.length + item.anomalous.length, 0);
console.log(`Evaluation set: ${items.length} items, ${queries} held-out queries (half normal, half injected anomalies)`);
console.log(`Policy: ${JSON.stringify(DEFAULT_DETECTION_POLICY)}\n`);
const cell = (groups: Map<string, Confusion> | undefined, key: string) => {
  const counts = groups?.get(key);
  return counts ? `${pct(counts.falsePositiveRate)} / ${pct(counts.truePositiveRate)} / ${counts.f1.toFixed(3)}` : 'n/a';
};
console.log(`| size | kind | ${results.map((r) => `${r.name}: FPR / TPR / F1`).join(' | ')} |`);
console.log(`|---|---|${results.map(() => '---').join('|')}|`);
for (const size of [...EVAL_HISTORY_SIZES.map(String), 'all']) {
  for (const kind of size === 'all' ? ['all'] : ['sticky', 'noisy', 'dispersed', 'all']) {
    const key = `${size}/${kind}`;
    console.log(`| ${size} | ${kind} | ${results.map((r) => cell(r.groups, key)).join(' | ')} |`);
  }
}
for (const result of results) if (result.groups) console.log(`\n${result.name}: evaluated in ${result.seconds.toFixed(1)} s`);
if (!results[2].groups) console.log('\nold rule: no fixtures (evaluation/fixtures/old-rule-verdicts.json)');

const failures = targetFailures(results[0].groups!);
console.log(failures.length ? `\nDefault policy MISSES targets:\n- ${failures.join('\n- ')}` : '\nDefault policy meets every target (FPR <= 1% at sizes >= 30, <= 3% at 10; TPR >= 98%; F1 >= 0.95).');
