import { Inject, Injectable } from '@nestjs/common';
import { eventsOf, fold } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import type { ReportLanguage } from '../report/report.events';
import { reportLanguageDecider, reportLanguageEvents, reportLanguageStream } from './report-language.decider';

export { languageNotSet } from './report-language.decider';

/**
 * The departments' report languages, read from each department's own short stream (one event per
 * change, the last one is enough), as the assessment scale is. So every request, and every
 * reader, sees the setting as it is now; no read model is kept.
 */
@Injectable()
export class ReportLanguages {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The department's language; null while it has set none. */
  async of(department: string): Promise<ReportLanguage | null> {
    const events = await this.store.readStream(reportLanguageStream(department), { direction: 'backwards', maxCount: 1 });
    return fold(reportLanguageDecider, eventsOf(reportLanguageEvents, events)).language;
  }
}
