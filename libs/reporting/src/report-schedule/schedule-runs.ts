import { createHash } from 'node:crypto';
import type { AcademicYearStart } from '@app/kernel';
import { nextSlot, previousSlot } from '@app/jobs';
import type { RequestReportBatchInput } from '../request-report-batch/request-report-batch.command';
import type { ReportScheduleSpec } from './report-schedule.events';
import { periodOfSlot } from './schedule-period';

/** The queue the schedules' repeatable jobs are on. */
export const SCHEDULE_QUEUE = 'report-schedules';

/** What a schedule's repeatable job carries: the schedule, and the cron and zone it was kept with (a job of a cron since changed is not run). */
export interface ScheduleJobPayload {
  scheduleId: string;
  department: string;
  cron: string;
  timeZone: string;
}

/**
 * The key of a schedule's repeatable job: the schedule's id and a digest of its cron and zone,
 * so a changed cron is a new repeatable (the old one removed) and one unchanged stays as it is.
 */
export const repeatKeyOf = (schedule: { scheduleId: string; cron: string; timeZone: string }): string =>
  `${schedule.scheduleId}.${createHash('sha256').update(`${schedule.cron}\n${schedule.timeZone}`).digest('hex').slice(0, 12)}`;

/** The schedule a repeatable's key is of. */
export const scheduleIdOfKey = (key: string): string => key.split('.')[0];

/** The Idempotency-Key of a slot's run: the batch's id is derived from it, so the slot asks for one batch however often it fires. */
export const slotIdempotencyKey = (scheduleId: string, slot: string): string => `schedule:${scheduleId}:${new Date(slot).toISOString()}`;

/**
 * Whether a slot comes too late to run: a later slot of the cron is due already (its queue held
 * it while no process ran it). Of the slots missed while everything was down only the last runs.
 */
export const isSuperseded = (cron: string, timeZone: string, slot: Date, now: Date): boolean => {
  const next = nextSlot(cron, timeZone, slot);
  return next !== null && next.getTime() <= now.getTime();
};

/** The last slot due by `now` that came after the schedule was last set, if any: what a start catches up (once, since its batch is one per slot). */
export const lastMissedSlot = (cron: string, timeZone: string, setAt: Date, now: Date): Date | null => {
  const last = previousSlot(cron, timeZone, now);
  return last && last.getTime() > setAt.getTime() ? last : null;
};

/** What a slot's run asks for: the batch of every network's annual analysis for the period the slot covers. */
export const batchInputOf = (scheduleId: string, spec: ReportScheduleSpec, slot: Date, yearStart: AcademicYearStart): RequestReportBatchInput => ({
  report: spec.report,
  format: spec.format,
  parameters: { period: periodOfSlot(slot, spec.timeZone, spec.periodKind, yearStart), language: spec.language },
  schedule: { scheduleId, slot: slot.toISOString() },
});
