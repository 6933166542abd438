import type { Provider } from '@nestjs/common';
import { AnnualAnalysisFactsReader } from './annual-analysis-facts.reader';

/**
 * What the reporting module's Nest module provides for the annual analysis: the facts reader
 * (which also composes the report, `build`). It needs the QueryBus (`CqrsModule`), and the
 * personal-data vault and the clock, which the platform module provides to every module.
 */
export const annualAnalysisProviders: Provider[] = [AnnualAnalysisFactsReader];
