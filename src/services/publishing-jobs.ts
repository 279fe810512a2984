/**
 * Publishing all reports of a study or a neighbourhood in one action. A study
 * of 2,000 streets takes minutes, longer than a request should wait, so the
 * publication runs in the background and the coordinator's page shows how far
 * it is. One job per study at a time; a second request while one runs gets
 * the running job. Each report is committed as it is published, so a server
 * that stops halfway keeps what was done, and starting again publishes the
 * rest (a version already published is not written twice).
 */
import type { User } from '../domain/account.js';
import { Problem } from '../domain/errors.js';
import type { Study } from '../domain/study.js';
import type { ReportService } from './reports.js';

export interface PublishingJob {
  studyId: number;
  /** The neighbourhood published, or undefined for the whole study. */
  neighbourhoodId?: number;
  total: number;
  done: number;
  startedAt: Date;
  finishedAt?: Date;
  /** Set when the job stopped on an error; the reports before it stay published. */
  failed: boolean;
  /** Why it stopped, when that is something the coordinator can act on (a refused version, say). */
  problem?: Problem;
}

export function createPublishingJobs(reports: ReportService, log: (message: string, error?: unknown) => void) {
  const jobs = new Map<number, PublishingJob>();

  /** Starts publishing, or returns the job already running for this study. */
  function start(study: Study, publisher: User, neighbourhoodId?: number): PublishingJob {
    const running = jobs.get(study.id);
    if (running && !running.finishedAt) return running;
    const job: PublishingJob = { studyId: study.id, ...(neighbourhoodId === undefined ? {} : { neighbourhoodId }), total: 0, done: 0, startedAt: new Date(), failed: false };
    jobs.set(study.id, job);
    void reports.publishAll(study, publisher, { ...(neighbourhoodId === undefined ? {} : { neighbourhoodId }), onProgress: (done, total) => { job.done = done; job.total = total; } })
      .catch((error: unknown) => {
        job.failed = true;
        if (error instanceof Problem) job.problem = error;
        else log(`publishing the reports of study ${study.id} stopped after ${job.done} of ${job.total}`, error);
      })
      .finally(() => { job.finishedAt = new Date(); });
    return job;
  }

  /** The study's latest job, running or finished, while the server runs. */
  function get(studyId: number): PublishingJob | undefined {
    return jobs.get(studyId);
  }

  return { start, get };
}

export type PublishingJobs = ReturnType<typeof createPublishingJobs>;
