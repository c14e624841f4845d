import { ENGINE_NAMES, type AnomalyEngine } from './anomaly-engine.js';
import { inHouseEngine } from './in-house.engine.js';
import { mlIsolationForestEngine } from './ml-isolation-forest.engine.js';

const ENGINES: Record<string, AnomalyEngine> = {
  [inHouseEngine.name]: inHouseEngine,
  [mlIsolationForestEngine.name]: mlIsolationForestEngine,
};

/** `ANOMALY_ENGINE`: the in-house engine unless `ml-isolation-forest` is asked for. */
export function engineByName(name: string | undefined): AnomalyEngine {
  const engine = ENGINES[name ?? inHouseEngine.name];
  if (!engine) throw new Error(`ANOMALY_ENGINE must be one of ${ENGINE_NAMES.join(', ')}, got '${name}'`);
  return engine;
}
