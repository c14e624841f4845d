/** The verdict, its explanation and the report of past orders are defined once, by the framework-free detection library. */
export type {
  AnomalyExplanation, AnomalyReason, AnomalyVerdict, FlaggedOrder, HistoryReport, HistorySummary, JudgeOptions, PriceAssessment, PriceCheck,
} from '#libs/anomaly-detection';
