// The jobs registry behind progress bars and cancel: status while running, and a cancel that
// reaches the work, answered with a plain Chinese message when the work had none of its own.
import { describe, expect, it } from 'vitest';
import { Jobs } from './jobs.ts';

describe('jobs', () => {
  it('reports progress under the id, and ends done', async () => {
    const jobs = new Jobs();
    let seen = jobs.status('job-a1b2c3');
    const result = await jobs.run('job-a1b2c3', '导出', async (job) => {
      await Promise.resolve();
      job.report('写入', 0.5);
      seen = jobs.status('job-a1b2c3');
      return 42;
    });
    expect(result).toBe(42);
    expect(seen).toMatchObject({ state: 'running', label: '写入', fraction: 0.5 });
    expect(jobs.status('job-a1b2c3')).toMatchObject({ state: 'done', fraction: 1 });
    expect(jobs.status('job-unknown').state).toBe('unknown');
  });

  it('keeps the phases a job went through, however fast it ran', async () => {
    const jobs = new Jobs();
    await jobs.run('job-phases', '导入', (job) => {
      job.report('读取文件', 0.1);
      job.report('读取文件（已读 2,000 行）', 0.3);
      job.report('写入档案', 0.9);
      return Promise.resolve(null);
    });
    expect(jobs.phases('job-phases')).toEqual(['导入', '读取文件', '写入档案']);
    expect(jobs.phases('job-unknown')).toEqual([]);
  });

  it('takes its name from the work when it starts as 排队中 (a worker job)', async () => {
    const jobs = new Jobs();
    const run = jobs.run('job-rename', '排队中…', async (job) => {
      job.rename('导入花名册');
      job.report('读取文件', 0.2);
      await new Promise((r) => setTimeout(r, 5));
      job.signal.throwIfAborted();
    });
    jobs.cancel('job-rename');
    await expect(run).rejects.toThrow('导入花名册已取消，没有写入任何内容。');
    expect(jobs.phases('job-rename')).toEqual(['导入花名册', '读取文件']);
  });

  it('turns a bare abort into a Chinese message and marks the job cancelled', async () => {
    const jobs = new Jobs();
    const run = jobs.run('job-cancel1', '制作报送数据包', async (job) => {
      await new Promise((r) => setTimeout(r, 5));
      job.signal.throwIfAborted();
      return 1;
    });
    expect(jobs.cancel('job-cancel1').state).toBe('running');
    await expect(run).rejects.toThrow('制作报送数据包已取消，没有写入任何内容。');
    expect(jobs.status('job-cancel1').state).toBe('cancelled');
  });
});
