import { describe, expect, it } from '@jest/globals';
import { inHouseEngine, mlIsolationForestEngine } from '#libs/anomaly-detection';
import { CALIBRATION_SEED, evalDataset } from './eval-dataset.js';
import { evaluate, policyJudge } from './evaluate.js';
import { targetFailures } from './targets.js';

/** A reduced `npm run eval` on a seed the policy was not calibrated on. */
const HELD_OUT_SEED = 1_234;

describe.each([inHouseEngine, mlIsolationForestEngine])('detection quality with the $name engine (reduced evaluation)', (engine) => {
  it('meets every target on data it was not tuned on', () => {
    expect(HELD_OUT_SEED).not.toBe(CALIBRATION_SEED);
    const items = evalDataset({ seed: HELD_OUT_SEED, itemsPerShape: 15 });
    expect(targetFailures(evaluate(items, policyJudge(engine)))).toEqual([]);
  });
});
