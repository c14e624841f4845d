import { IsolationForest } from '#libs/isolation-forest';
import type { Judge } from './evaluate.js';

/**
 * The old service's rule: scikit-learn's IsolationForest(contamination='auto') refitted on the
 * history plus the new price for every request, the price anomalous when its score passes 0.5
 * (what 'auto' means). Our forest has scikit-learn's semantics (parity-tested against its scores),
 * so it stands in for scikit-learn here; the old service was not seeded, this is (seed 42).
 */
export function oldRuleJudge(): Judge {
  return (item) => {
    const flag = (price: number) => IsolationForest.fit([...item.prices, price], { seed: 42 }).score(price) > 0.5;
    return { normal: item.normal.map(flag), moderate: item.moderate.map(flag), gross: item.gross.map(flag), inGap: item.inGap.map(flag) };
  };
}
