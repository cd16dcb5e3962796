import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { DATA_EXPORT_QUEUE, DataDownloadJobData, DataExportJob } from '@app/contracts';
import { DataDownloadService } from './data-download.service';

/** Builds users.requestDataDownload exports (`data-download` jobs of the `data-export` queue). */
@Processor(DATA_EXPORT_QUEUE)
export class DataExportProcessor {
  private readonly logger = new Logger(DataExportProcessor.name);

  constructor(private readonly downloads: DataDownloadService) {}

  @Process(DataExportJob.DataDownload)
  async dataDownload(job: Job<Partial<DataDownloadJobData>>): Promise<void> {
    const id = job.data?.operationId;
    if (typeof id !== 'string' || !id) {
      await job.discard();
      throw new Error('malformed data-download job');
    }
    await this.downloads.build(id);
  }

  @OnQueueFailed()
  async onFailed(job: Job<Partial<DataDownloadJobData>>, err: Error): Promise<void> {
    const attempts = job.opts.attempts ?? 1;
    const id = job.data?.operationId;
    if (job.attemptsMade < attempts && err.message !== 'malformed data-download job') {
      this.logger.warn(`data-download ${id} attempt ${job.attemptsMade}/${attempts} failed: ${err.message}; retrying`);
      return;
    }
    this.logger.error(
      `data-download ${id} failed for good after ${job.attemptsMade} attempt(s): ${err.message}; kept in the failed set of queue "${DATA_EXPORT_QUEUE}"`,
    );
    if (typeof id === 'string') {
      await this.downloads.markFailed(id, err.message).catch((e: Error) => this.logger.error(e.message));
    }
  }
}
