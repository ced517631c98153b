// Progress and cancel of long work (see core/jobs.ts): the UI picks the job id, passes it to
// the long call, and polls `jobs.status` meanwhile.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';

export interface JobView {
  id: string;
  state: 'running' | 'done' | 'failed' | 'cancelled' | 'unknown';
  /** What is being done now, in Chinese (读取文件 / 检查 / 写入档案 …). */
  label: string;
  /** 0…1 within the current step. */
  fraction: number;
}

export const jobId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, '任务编号格式不对');

export const jobsApi = {
  status: endpoint<JobView>()('jobs.status', z.object({ id: jobId })),
  cancel: endpoint<JobView>()('jobs.cancel', z.object({ id: jobId })),
};
