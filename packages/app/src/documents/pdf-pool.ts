import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type PdfJob, renderPdfJob } from "./render-pdf-job";

/**
 * A small pool of worker threads that render PDFs (pdfkit is CPU-bound: ~0.2 ms a line) so the request or job
 * thread goes on with its database work meanwhile. Jobs are plain data; the bytes come back transferred and are
 * the same as an in-thread render (tested). Created on first use; an idle pool holds no event-loop reference, so a
 * process that forgets `closePdfPool` still exits; worker, server, CLI and tests close it on shutdown anyway.
 * Size: `configurePdfPool({ threads })`, else BILLCYCLE_PDF_THREADS, else one thread per core (availableParallelism()):
 * the calling thread mostly waits on the database and the pool, so it needs no core of its own (bench:employer on 2
 * cores, quiet: 1 thread 4,334–5,318 encounters/s, 2 threads 5,921–6,033/s, in-thread 3,874/s);
 * 0 renders in the calling thread.
 */
type Task = { id: number; job: PdfJob; resolve: (pdf: Uint8Array) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; task: Task | null };
type Reply = { id: number; pdf?: Uint8Array; error?: string };

const entry = new URL("./pdf-render-worker.mjs", import.meta.url);

let configured: number | null = null;
let slots: Slot[] | null = null;
const queue: Task[] = [];
let nextId = 1;

const threadCount = (): number => {
  if (configured !== null) return configured;
  const env = process.env.BILLCYCLE_PDF_THREADS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.max(1, availableParallelism());
};

const dispatch = (slot: Slot): void => {
  const task = queue.shift();
  slot.task = task ?? null;
  if (!task) {
    slot.worker.unref();
    return;
  }
  slot.worker.ref();
  slot.worker.postMessage({ id: task.id, job: task.job });
};

const spawn = (): Slot => {
  const slot: Slot = { worker: new Worker(entry), task: null };
  slot.worker.on("message", (reply: Reply) => {
    const task = slot.task;
    if (!task || task.id !== reply.id) return;
    if (reply.pdf) task.resolve(reply.pdf);
    else task.reject(new Error(`PDF rendering failed: ${reply.error ?? "no bytes"}`));
    dispatch(slot);
  });
  // A thread that dies fails its job only, and is replaced; the others go on.
  const lost = (e: Error) => {
    const task = slot.task;
    slot.task = null;
    if (!slots) return;
    const at = slots.indexOf(slot);
    if (at < 0) return;
    task?.reject(e);
    slots[at] = spawn();
    dispatch(slots[at]);
  };
  slot.worker.on("error", lost);
  slot.worker.on("exit", (code) => lost(new Error(`PDF render thread exited (${code})`)));
  slot.worker.unref();
  return slot;
};

/** Sets the pool's thread count; takes effect the next time the pool is created (close it first to resize). */
export const configurePdfPool = (o: { threads: number }): void => {
  configured = Math.max(0, Math.floor(o.threads));
};

/** Renders one PDF on a pool thread (in this thread when the pool has none). */
export const renderPdf = (job: PdfJob): Promise<Uint8Array> => {
  if (!slots) {
    const n = threadCount();
    if (n === 0) return renderPdfJob(job);
    slots = Array.from({ length: n }, spawn);
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    queue.push({ id: nextId++, job, resolve, reject });
    const idle = slots?.find((s) => s.task === null);
    if (idle) dispatch(idle);
  });
};

/** Stops the pool's threads (jobs still queued fail); the next render creates a new pool. */
export const closePdfPool = async (): Promise<void> => {
  const closing = slots;
  slots = null;
  if (!closing) return;
  for (const task of queue.splice(0)) task.reject(new Error("PDF pool closed"));
  await Promise.all(
    closing.map(async (s) => {
      s.task?.reject(new Error("PDF pool closed"));
      s.task = null;
      await s.worker.terminate();
    }),
  );
};
