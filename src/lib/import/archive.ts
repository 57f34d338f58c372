/**
 * Checks an xlsx or docx archive before exceljs or mammoth opens it. Both inflate every
 * entry in full through jszip, with no size limit, so a 2 MB file that inflates to 2 GB
 * exhausts memory before either can refuse it. No library in package.json reads a zip's
 * directory without inflating it, so this is a small central-directory reader on
 * node:zlib: the declared sizes are checked first, then each entry is inflated (one at a
 * time, with zlib's maxOutputLength) to check that the real size is the declared one,
 * since a header can lie. Office files never need ZIP64, so it is refused.
 */
import { inflateRawSync } from 'node:zlib';
import { describeBytes, importLimits, InputError, type Deadline, type ImportLimits } from './limits.ts';

interface ArchiveEntry {
  name: string;
  /** The inflated bytes, only for the entries `keep` asked for. */
  data?: Buffer;
  size: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The archive's entries, after checking count, declared sizes and real sizes against the
 * limits. `keep(name)` says which entries' inflated bytes to hand back (sheet XML to scan).
 */
export function inspectArchive(
  file: string,
  bytes: Uint8Array,
  keep: (name: string) => boolean,
  deadline?: Deadline,
  limits: ImportLimits = importLimits,
): ArchiveEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (why: string) => new InputError(`${file}: 不是完好的 Office 文件（${why}）。用 Excel/WPS/Word 打开后重新另存一份再导入`);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken('找不到 zip 目录');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw broken('ZIP64 格式');
  if (count > limits.archiveEntries)
    throw new InputError(`${file}: 压缩包里有 ${count} 个文件，超过 ${limits.archiveEntries} 的上限，不像 Excel/Word 文件`);
  if (cdOffset + cdSize > eocd) throw broken('目录位置不对');

  // First the declared sizes: refuse before inflating anything.
  const entries: { name: string; method: number; compressed: number; size: number; local: number }[] = [];
  let declared = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw broken('目录项损坏');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (size === 0xffffffff || compressed === 0xffffffff || local === 0xffffffff) throw broken('ZIP64 格式');
    if (size > limits.entryBytes)
      throw new InputError(
        `${file}: 里面的 ${name} 解压后有 ${describeBytes(size)}，超过单个文件 ${describeBytes(limits.entryBytes)} 的上限。删掉大图片等名单以外的内容，另存后再导入`,
      );
    declared += size;
    if (declared > limits.archiveBytes)
      throw new InputError(`${file}: 解压后超过 ${describeBytes(limits.archiveBytes)} 的上限。删掉大图片等内容，或把名单另存为 CSV 再导入`);
    entries.push({ name, method, compressed, size, local });
  }

  // Then the real sizes, one entry at a time, each stopped at its declared size.
  const out: ArchiveEntry[] = [];
  for (const e of entries) {
    deadline?.check();
    if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== LOCAL) throw broken(`${e.name} 的位置不对`);
    const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
    if (start + e.compressed > buf.length) throw broken(`${e.name} 不完整`);
    const raw = buf.subarray(start, start + e.compressed);
    let data: Buffer;
    if (e.method === 0) data = raw;
    else if (e.method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
          throw new InputError(`${file}: 里面的 ${e.name} 解压后比它声明的 ${e.size} 字节大，文件被改动过，不能导入`);
        throw broken(`${e.name} 解压失败`);
      }
    } else throw broken(`${e.name} 用了不支持的压缩方式 ${e.method}`);
    if (data.length !== e.size) throw new InputError(`${file}: 里面的 ${e.name} 解压后的大小与声明的不符，文件被改动过，不能导入`);
    out.push({ name: e.name, size: e.size, ...(keep(e.name) ? { data } : {}) });
  }
  return out;
}
