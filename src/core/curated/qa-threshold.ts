/**
 * @module qa-threshold: the similarity at or above which a question gets a curated answer, per embedding model, as
 * `npm run calibrate:qa` measured it (qa-threshold.json). A model that was never calibrated has none: its curated
 * answers match only a question with the same folded text.
 */
import calibration from './qa-threshold.json' with { type: 'json' };

export interface QaCalibration {
  threshold: number;
}

const MODELS = (calibration as { models: Record<string, QaCalibration> }).models;

export function qaThreshold(modelId: string): number | undefined {
  return MODELS[modelId]?.threshold;
}
