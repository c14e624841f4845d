import { Sensitivity } from './sensitivity.js';

export class ItemReportQueryDto {
  @Sensitivity(true)
  sensitivity?: number;
}
