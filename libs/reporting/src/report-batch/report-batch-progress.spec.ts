import { BatchReportProgress, batchProgressOf } from './report-batch-progress';

const requested: BatchReportProgress = { status: 'requested', progress: 0, finishedAt: null };
const generating = (progress: number): BatchReportProgress => ({ status: 'generating', progress, finishedAt: null });
const generated = (at: string): BatchReportProgress => ({ status: 'generated', progress: 1, finishedAt: at });
const failed = (at: string): BatchReportProgress => ({ status: 'failed', progress: 0.3, finishedAt: at });

describe('a batch’s progress', () => {
  it('is requested while none of its reports has started', () => {
    expect(batchProgressOf([requested, requested])).toEqual({ status: 'requested', counts: { total: 2, requested: 2, generating: 0, generated: 0, failed: 0 }, progress: 0, finishedAt: null });
  });

  it('is generating while some are under way or waiting, each finished report counting whole and one under way its progress', () => {
    expect(batchProgressOf([generated('2021-10-25T06:01:00Z'), generating(0.5), requested, requested])).toEqual({
      status: 'generating',
      counts: { total: 4, requested: 2, generating: 1, generated: 1, failed: 0 },
      progress: 0.375,
      finishedAt: null,
    });
    expect(batchProgressOf([failed('2021-10-25T06:01:00Z'), requested]).status).toBe('generating');
  });

  it('is generated once every report is, finished at the last one', () => {
    expect(batchProgressOf([generated('2021-10-25T06:03:00Z'), generated('2021-10-25T06:01:00Z')])).toEqual({
      status: 'generated',
      counts: { total: 2, requested: 0, generating: 0, generated: 2, failed: 0 },
      progress: 1,
      finishedAt: '2021-10-25T06:03:00Z',
    });
  });

  it('is partly-failed when some failed and the others were generated, failed when all failed', () => {
    expect(batchProgressOf([generated('2021-10-25T06:01:00Z'), failed('2021-10-25T06:02:00Z')])).toMatchObject({ status: 'partly-failed', progress: 1, finishedAt: '2021-10-25T06:02:00Z' });
    expect(batchProgressOf([failed('2021-10-25T06:01:00Z'), failed('2021-10-25T06:02:00Z')])).toMatchObject({ status: 'failed', counts: { failed: 2 } });
  });
});
