import { DEFAULT_DETECTION_POLICY, PriceAnomalyModel, type AnomalyEngine, type DetectionPolicy } from '#libs/anomaly-detection';
import type { EvalItem } from './eval-dataset.js';
import { Tally } from './tally.js';

/** Flags per query, aligned with an item's `normal`, `moderate`, `gross` and `inGap` prices. */
export interface ItemVerdicts {
  normal: readonly boolean[];
  moderate: readonly boolean[];
  gross: readonly boolean[];
  inGap: readonly boolean[];
}

export type Judge = (item: EvalItem) => ItemVerdicts;

export interface PolicyJudgeOptions {
  policy?: DetectionPolicy;
  sensitivity?: number;
  /** `false`: the band alone (anomalies the forest finds inside the band are not counted). */
  forest?: boolean;
}

/** One model per item and engine, trained once however many judges ask (e.g. a sensitivity sweep). */
const trained = new WeakMap<EvalItem, Map<string, PriceAnomalyModel>>();
function modelOf(item: EvalItem, engine: AnomalyEngine, policy: DetectionPolicy): PriceAnomalyModel {
  const models = trained.get(item) ?? trained.set(item, new Map()).get(item)!;
  const key = policy === DEFAULT_DETECTION_POLICY ? engine.name : `${engine.name}:${JSON.stringify(policy)}`;
  return models.get(key) ?? models.set(key, PriceAnomalyModel.train(item.prices, 'eval', engine, policy)).get(key)!;
}

/** Our policy: one model per item, trained on its history, judging every held-out query. */
export function policyJudge(engine: AnomalyEngine, { policy = DEFAULT_DETECTION_POLICY, sensitivity, forest = true }: PolicyJudgeOptions = {}): Judge {
  return (item) => {
    const model = modelOf(item, engine, policy);
    const flag = (price: number) => {
      const { anomaly, metadata } = model.judge(price, { sensitivity });
      return anomaly && (forest || metadata.reason !== 'isolation_forest');
    };
    return { normal: item.normal.map(flag), moderate: item.moderate.map(flag), gross: item.gross.map(flag), inGap: item.inGap.map(flag) };
  };
}

/** Tallies per `size/shape`, per `size/all`, per `all/shape` and `all/all`. */
export function evaluate(items: Iterable<EvalItem>, judge: Judge): Map<string, Tally> {
  const groups = new Map<string, Tally>();
  const group = (key: string) => groups.get(key) ?? groups.set(key, new Tally()).get(key)!;
  for (const item of items) {
    const verdicts = judge(item);
    for (const key of [`${item.size}/${item.shape}`, `${item.size}/all`, `all/${item.shape}`, 'all/all']) group(key).add(verdicts);
  }
  return groups;
}
