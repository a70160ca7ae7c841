/**
 * @module delivery: one answer per WeChat message, however often WeChat delivers it.
 * A job is keyed by FromUserName + MsgId; retries attach to the running job; the key's state ('pending',
 * 'delivered') is persisted so a restart does not answer twice.
 */
import type { KeyValueStore } from '../../core/ports.js';

export interface Job {
  /** Reply pieces (each ≤ 2047 bytes) once the answer is ready. */
  result: Promise<string[]>;
  pieces?: string[];
  delivered: boolean;
  /** Set when the customer-service API will deliver it (the passive window was missed). */
  sendLater: boolean;
}

export function createDelivery(state: KeyValueStore, maxJobs = 10_000) {
  const jobs = new Map<string, Job>();

  return {
    state,
    async delivered(key: string): Promise<boolean> {
      return jobs.get(key)?.delivered === true || (await state.get(key)) === 'delivered';
    },
    /** The job for `key`, started by `run` the first time only. */
    async job(key: string, run: () => Promise<string[]>): Promise<Job> {
      let job = jobs.get(key);
      if (job) return job;
      const result = run();
      job = { result, delivered: false, sendLater: false };
      jobs.set(key, job);
      if (jobs.size > maxJobs) jobs.delete(jobs.keys().next().value as string);
      const j = job;
      result.then(
        (pieces) => (j.pieces = pieces),
        () => jobs.delete(key),
      );
      await state.set(key, 'pending');
      return job;
    },
    async markDelivered(key: string, job: Job): Promise<void> {
      job.delivered = true;
      await state.set(key, 'delivered');
    },
  };
}
