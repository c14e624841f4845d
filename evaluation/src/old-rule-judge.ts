import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Judge } from './evaluate.js';

const here = dirname(fileURLToPath(import.meta.url));
/** Sources run from evaluation/src, compiled code from dist/evaluation/src; fixtures stay in evaluation/. */
const FIXTURES = resolve(here, here.includes(`${sep}dist${sep}`) ? '../../../evaluation' : '..', 'fixtures', 'old-rule-verdicts.json');

interface OldRuleFixtures {
  items: Record<string, { normal: number[]; anomalous: number[] }>;
}

/**
 * The old service's rule (scikit-learn IsolationForest, contamination='auto', refitted on
 * history + new price per request), replayed from fixtures computed once by fixtures/old-rule.py.
 */
export function oldRuleJudge(): Judge | undefined {
  if (!existsSync(FIXTURES)) return undefined;
  const fixtures = JSON.parse(readFileSync(FIXTURES, 'utf8')) as OldRuleFixtures;
  return (item) => {
    const verdicts = fixtures.items[item.itemId];
    if (!verdicts) throw new Error(`No old-rule fixture for ${item.itemId}: regenerate evaluation/fixtures`);
    return { normal: verdicts.normal.map(Boolean), anomalous: verdicts.anomalous.map(Boolean) };
  };
}
