/** The verdict and its explanation are defined once, by the framework-free detection library. */
export type { AnomalyExplanation, AnomalyReason, AnomalyVerdict } from '#libs/anomaly-detection';
