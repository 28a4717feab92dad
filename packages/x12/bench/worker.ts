/**
 * One benchmark measurement, run in its own child process by run.ts so that peak memory figures
 * belong to that reader alone. Prints one JSON line: { mode, seconds, bytes, claims, segments,
 * maxRssMiB, peakHeapMiB }.
 */
import { createReadStream, readFileSync, statSync } from "node:fs";
import { X12Parser } from "node-x12";
import { type Claim835, read835, SegmentScanner } from "../src/index.js";
import { constructClaim } from "./construct.js";
import { writeBenchmark } from "./write.js";

const [mode = "", file = "", arg = ""] = process.argv.slice(2);
/** Node's default fs stream chunk (64 KiB), as `createReadStream(path)` gives a user. */
const CHUNK = 64 * 1024;

let peakHeap = 0;
// Every 20 ms: process.memoryUsage() is not free, sampling more often would slow the readers measurably.
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 20);
sampler.unref();

type Result = {
  bytes: number;
  claims: number;
  segments: number;
  /** Set by modes that time only part of their work (wall and CPU time of that part). */
  seconds?: number;
  cpuSeconds?: number;
  extra?: Record<string, number>;
};

/** The floor under every reader: the file's chunks arrive through the stream, nothing is done with them. */
async function readOnly(path: string): Promise<Result> {
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
  }
  return { bytes, claims: 0, segments: 0 };
}

/** The ceiling: find every segment terminator with Buffer.indexOf, nothing else. */
async function bareScan(path: string): Promise<Result> {
  let segments = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    let at = chunk.indexOf(0x7e);
    while (at >= 0) {
      segments++;
      at = chunk.indexOf(0x7e, at + 1);
    }
  }
  return { bytes, claims: 0, segments };
}

/**
 * A JavaScript loop over every byte that finds segment terminators and element separators (their
 * positions kept, as a tokenizer needs them): the least a tokenizer written in JavaScript does.
 */
async function byteLoop(path: string): Promise<Result> {
  const separators = new Int32Array(1024);
  let segments = 0;
  let n = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b === 0x7e) {
        segments++;
        n = 0;
      } else if (b === 0x2a) {
        separators[n & 1023] = i;
        n++;
      }
    }
  }
  return {
    bytes: statSync(path).size,
    claims: 0,
    segments,
    extra: { firstSeparator: separators[0] as number },
  };
}

/**
 * Object construction alone (see construct.ts). The file is read untimed: its claim count, and its
 * first claims kept as a pool (bounded memory). Then as many claims as the file holds are built from
 * the pool, round robin, and only that is timed. The pool is long-lived, as the bytes a reader works
 * from are, so the collector's cost is that of the new objects, as in a reader.
 */
async function constructOnly(path: string): Promise<Result> {
  const POOL = 16_384;
  const pool: Claim835[] = [];
  let claims = 0;
  for await (const e of read835(createReadStream(path, { highWaterMark: CHUNK }))) {
    if (e.type !== "claim") continue;
    claims++;
    if (pool.length < POOL) pool.push(e.claim);
  }
  let objects = 0;
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < claims; i++) {
    const built = constructClaim(pool[i % pool.length] as Claim835);
    objects += built.services.length + built.names.length;
  }
  const cpu = process.cpuUsage(cpuStart);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    bytes: statSync(path).size,
    claims,
    segments: 0,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    extra: { objects },
  };
}

/** This package's tokenizer alone: segments with decoded elements, no envelope or typed reading. */
async function tokenizeOnly(path: string): Promise<Result> {
  let segments = 0;
  let claims = 0;
  const scanner = new SegmentScanner();
  const sink = {
    segment(seg: { id: string }) {
      segments++;
      if (seg.id === "CLP") claims++;
    },
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    scanner.push(chunk, sink);
  }
  scanner.end(sink);
  return { bytes: statSync(path).size, claims, segments };
}

/** The typed 835 reader, streaming: claims with service lines, adjustments and balancing. */
async function typed(path: string): Promise<Result> {
  let claims = 0;
  let lines = 0;
  let imbalances = 0;
  for await (const e of read835(createReadStream(path, { highWaterMark: CHUNK }))) {
    if (e.type === "claim") {
      claims++;
      lines += e.claim.services.length;
      imbalances += e.claim.balance.imbalances.length;
    } else if (e.type === "remittanceEnd") {
      imbalances += e.summary.balance.imbalances.length;
    }
  }
  if (imbalances > 0) throw new Error(`generated file should balance, found ${imbalances} imbalances`);
  return { bytes: statSync(path).size, claims, segments: 0, extra: { lines } };
}

/** node-x12 1.7.1: parses the whole string into its object tree, then claims are counted from it. */
function nodeX12(path: string): Result {
  const text = readFileSync(path, "utf8");
  const interchange = new X12Parser(true).parse(text);
  let claims = 0;
  let segments = 0;
  const groups = "functionalGroups" in interchange ? interchange.functionalGroups : [];
  for (const group of groups) {
    for (const transaction of group.transactions) {
      for (const seg of transaction.segments) {
        segments++;
        if (seg.tag === "CLP") claims++;
      }
    }
  }
  return { bytes: Buffer.byteLength(text), claims, segments };
}

async function once(): Promise<Result & { seconds: number; cpuSeconds: number }> {
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let result: Result;
  switch (mode) {
    case "read":
      result = await readOnly(file);
      break;
    case "scan":
      result = await bareScan(file);
      break;
    case "loop":
      result = await byteLoop(file);
      break;
    case "construct":
      result = await constructOnly(file);
      break;
    case "tokenize":
      result = await tokenizeOnly(file);
      break;
    case "typed":
      result = await typed(file);
      break;
    case "node-x12":
      result = nodeX12(file);
      break;
    case "write":
      result = writeBenchmark(Number(arg));
      break;
    default:
      throw new Error(`unknown mode ${mode}`);
  }
  const seconds = result.seconds ?? Number(process.hrtime.bigint() - started) / 1e9;
  // CPU time (user + system, all threads) of this process: less sensitive than wall time to other
  // load on the machine.
  const cpu = process.cpuUsage(cpuStart);
  return { ...result, seconds, cpuSeconds: result.cpuSeconds ?? (cpu.user + cpu.system) / 1e6 };
}

/**
 * Two passes in the same process: the first is a cold start (JIT warm-up included, what a job
 * reading one file gets), the second the steady state (a long-running service). Peak memory covers
 * both passes.
 */
async function main(): Promise<void> {
  const cold = await once();
  const warm = await once();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const usage = process.resourceUsage();
  process.stdout.write(
    `${JSON.stringify({
      mode,
      ...cold,
      warmSeconds: warm.seconds,
      warmCpuSeconds: warm.cpuSeconds,
      maxRssMiB: usage.maxRSS / 1024,
      peakHeapMiB: peakHeap / (1 << 20),
    })}\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
