import type { AnnualAnalysis } from '../annual-analysis/annual-analysis.model';

/** `format=json`: the model itself, two-space indented, with a final newline. */
export const renderJson = (model: AnnualAnalysis): string => `${JSON.stringify(model, null, 2)}\n`;
