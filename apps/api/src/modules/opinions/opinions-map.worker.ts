import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OpinionMap, OpinionMapOptions, PackedOpinionAnswers } from '@palabre/domain';

/**
 * The worker's code: it loads the built `@palabre/domain` (always built before the API runs and
 * before the tests), unpacks each job's answers and runs `opinionMap` on them. Evaluated from this
 * string, so the same code runs from apps/api/dist (production) and from the TypeScript sources
 * (jest/SWC).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { opinionMap, unpackOpinionAnswers } = require(workerData.domain);
parentPort.on('message', ({ id, packed, options }) => {
  try {
    const { answers, profiles } = unpackOpinionAnswers(packed);
    parentPort.postMessage({ id, map: opinionMap(answers, profiles, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) });
  }
});
`;

interface Job {
  resolve: (map: OpinionMap) => void;
  reject: (error: Error) => void;
}

/**
 * Computes opinion maps (PCA + k-means, ~0.4 s at 500 statements × 250 members) in one worker
 * thread, so the API's event loop keeps acknowledging answers meanwhile. The answers travel packed
 * (libs/domain `PackedOpinionAnswers`: one string of votes per member, not 100,000 objects to clone
 * on the event loop); the worker unpacks them with `unpackOpinionAnswers` and runs the very
 * `opinionMap` of libs/domain, as `computeMap` does: same input, same output, byte for byte. Jobs
 * queue in the worker in order; the broadcaster keeps one job per map in flight. The worker starts
 * on the first job and is restarted after a crash.
 */
export class OpinionMapWorker {
  private worker?: Worker;
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;
  private closed = false;

  compute(packed: PackedOpinionAnswers, options: OpinionMapOptions): Promise<OpinionMap> {
    if (this.closed) return Promise.reject(new Error('the opinion map worker is closed'));
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<OpinionMap>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      worker.postMessage({ id, packed, options });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.fail(new Error('the opinion map worker is closed'));
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // The package's folder (its package.json, which jest does not map to the sources): the worker
    // requires the folder, so Node loads the built lib its `main` names.
    const domain = dirname(createRequire(__filename).resolve('@palabre/domain/package.json'));
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { domain } });
    worker.unref(); // an idle worker does not keep the process alive
    worker.on('message', (message: { id: number; map?: OpinionMap; error?: string }) => {
      const job = this.jobs.get(message.id);
      this.jobs.delete(message.id);
      if (message.error !== undefined) job?.reject(new Error(message.error));
      else job?.resolve(message.map!);
    });
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.fail(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the opinion map worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }
}
