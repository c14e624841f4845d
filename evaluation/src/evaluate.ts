import type { AnomalyEngine, DetectionPolicy } from '#libs/anomaly-detection';
import { DEFAULT_DETECTION_POLICY, PriceAnomalyModel } from '#libs/anomaly-detection';
import { Confusion } from './confusion.js';
import type { EvalItem } from './eval-dataset.js';

/** Flags per query, aligned with an item's `normal` and `anomalous` prices. */
export interface ItemVerdicts {
  normal: readonly boolean[];
  anomalous: readonly boolean[];
}

export type Judge = (item: EvalItem) => ItemVerdicts;

/** Our policy: one model per item, trained on its history, judging every held-out query. */
export function policyJudge(engine: AnomalyEngine, policy: DetectionPolicy = DEFAULT_DETECTION_POLICY): Judge {
  return (item) => {
    const model = PriceAnomalyModel.train(item.prices, 'eval', engine, policy);
    return {
      normal: item.normal.map((price) => model.judge(price).anomaly),
      anomalous: item.anomalous.map((price) => model.judge(price).anomaly),
    };
  };
}

/** Confusion counts per `size/kind` group, per `size/all`, and `all/all`. */
export function evaluate(items: Iterable<EvalItem>, judge: Judge): Map<string, Confusion> {
  const groups = new Map<string, Confusion>();
  const group = (key: string) => groups.get(key) ?? groups.set(key, new Confusion()).get(key)!;
  for (const item of items) {
    const verdicts = judge(item);
    const own = new Confusion();
    verdicts.normal.forEach((flagged) => own.record(false, flagged));
    verdicts.anomalous.forEach((flagged) => own.record(true, flagged));
    for (const key of [`${item.size}/${item.kind}`, `${item.size}/all`, 'all/all']) group(key).add(own);
  }
  return groups;
}
