import { parentPort } from "node:worker_threads";
import { type PdfJob, renderPdfJob } from "./render-pdf-job";

/** One pool thread: renders each job it is sent and posts the bytes back (transferred, not copied). */
const port = parentPort;
if (!port) throw new Error("pdf-render-worker runs only as a worker thread");
port.on("message", async ({ id, job }: { id: number; job: PdfJob }) => {
  try {
    const rendered = await renderPdfJob(job);
    // A view over part of a shared buffer cannot be transferred alone: copy it into its own.
    const pdf =
      rendered.byteOffset === 0 && rendered.byteLength === rendered.buffer.byteLength
        ? rendered
        : rendered.slice();
    port.postMessage({ id, pdf }, [pdf.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
