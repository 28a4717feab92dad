import { constants } from "node:fs";
import { lstat, mkdir, open, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import {
  ARCHIVE_FOLDER,
  assertFileName,
  type ClearinghouseTransport,
  type InboundSubfolder,
  isListable,
  PART_SUFFIX,
  type RemoteFile,
  TransportError,
  type TransportFolder,
  type TransportOperation,
} from "./transport";

export type DirectoryTransportOptions = {
  /** The practice's drop directory on the local disk. */
  root: string;
  /** Relative to root: where outgoing files are written. */
  outboundDir: string;
  /** Relative to root: where incoming files are picked up. */
  inboundDir: string;
};

/** A folder below root; refuses absolute paths and `..` (a connection's folders never leave its root). */
const inside = (root: string, dir: string): string => {
  const base = resolve(root);
  const full = resolve(base, dir);
  const rel = relative(base, full);
  if (isAbsolute(dir) || rel.startsWith("..") || isAbsolute(rel)) {
    throw new RangeError(`folder ${JSON.stringify(dir)} is not inside the drop directory`);
  }
  return full;
};

const codeOf = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;

const failed = (operation: TransportOperation, what: string, e: unknown): TransportError =>
  new TransportError("failed", operation, `${what}: ${e instanceof Error ? e.message : String(e)}`, {
    cause: e,
    code: codeOf(e),
  });

const exists = async (path: string): Promise<boolean> => {
  try {
    await lstat(path);
    return true;
  } catch (e) {
    if (codeOf(e) === "ENOENT") return false;
    throw e;
  }
};

/** Makes a rename durable: fsync the directory (not supported everywhere — best effort). */
const syncDirectory = async (dir: string): Promise<void> => {
  try {
    const handle = await open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename itself is still atomic.
  }
};

/**
 * The embedded default: the clearinghouse's folders are directories on the local disk (a mounted share, or
 * a folder another program syncs). Writes `<name>.part`, fsyncs it, then renames it to `<name>`. Local disk
 * errors are always reported, so an upload either certainly happened or failed ("failed"); the only
 * "unknown" is an upload whose `<name>` already exists (reconcile).
 */
export const directoryTransport = (options: DirectoryTransportOptions): ClearinghouseTransport => {
  const folders: Record<TransportFolder, string> = {
    outbound: inside(options.root, options.outboundDir),
    inbound: inside(options.root, options.inboundDir),
  };

  const upload = async (name: string, content: Buffer): Promise<void> => {
    assertFileName(name);
    const dir = folders.outbound;
    const target = join(dir, name);
    const part = target + PART_SUFFIX;
    let already: boolean;
    try {
      await mkdir(dir, { recursive: true });
      already = await exists(target);
    } catch (e) {
      throw failed("upload", `cannot use the outbound folder ${dir}`, e);
    }
    if (already) {
      throw new TransportError(
        "unknown",
        "upload",
        `${name} already exists in the outbound folder; reconcile instead of uploading again`,
        { code: "EEXIST" },
      );
    }
    try {
      const handle = await open(part, "w", 0o640);
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(part, target);
    } catch (e) {
      await unlink(part).catch(() => undefined);
      throw failed("upload", `cannot write ${name} to ${dir}`, e);
    }
    await syncDirectory(dir);
  };

  const list = async (folder: TransportFolder): Promise<RemoteFile[]> => {
    const dir = folders[folder];
    try {
      await mkdir(dir, { recursive: true });
      const entries = await readdir(dir, { withFileTypes: true });
      const files: RemoteFile[] = [];
      for (const entry of entries) {
        if (!entry.isFile() || !isListable(entry.name)) continue;
        try {
          const s = await stat(join(dir, entry.name));
          files.push({ name: entry.name, size: s.size, modifiedAt: s.mtime });
        } catch (e) {
          // Moved away between readdir and stat (archived by another worker): not there any more.
          if (codeOf(e) !== "ENOENT") throw e;
        }
      }
      return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      throw failed("list", `cannot list the ${folder} folder ${dir}`, e);
    }
  };

  const download = async (folder: "inbound", name: string): Promise<Buffer> => {
    assertFileName(name);
    try {
      return await readFile(join(folders[folder], name));
    } catch (e) {
      throw failed("download", `cannot read ${name} from the ${folder} folder`, e);
    }
  };

  const archive = async (name: string, into: InboundSubfolder = ARCHIVE_FOLDER): Promise<void> => {
    assertFileName(name);
    const source = join(folders.inbound, name);
    const archiveDir = join(folders.inbound, into);
    const target = join(archiveDir, name);
    try {
      await mkdir(archiveDir, { recursive: true });
      if (!(await exists(source))) {
        if (await exists(target)) return; // archived already
        throw Object.assign(new Error(`${name} is not in the inbound folder`), { code: "ENOENT" });
      }
      const free = (await exists(target)) ? `${target}.${Date.now()}` : target;
      await rename(source, free);
    } catch (e) {
      throw failed("archive", `cannot archive ${name}`, e);
    }
    await syncDirectory(archiveDir);
  };

  return { upload, list, download, archive, close: async () => undefined };
};
