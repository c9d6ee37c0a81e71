import { crc32, inflateRawSync } from 'node:zlib';
import { refuse, sheetTooLarge, SpreadsheetLimits, unreadable } from './spreadsheet-limits';

interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  crc: number;
  packedSize: number;
  unpackedSize: number;
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const MIB = 1024 * 1024;

/**
 * Checks an .xlsx (a zip) from its central directory before any XML is parsed:
 * how many parts and sheets, their declared sizes and compression ratios, then
 * unpacks each part once with its declared size as a hard cap (so a size that
 * lies cannot expand further) and reads each sheet's <dimension>.
 * Throws SheetRefused; memory used is at most the largest allowed part.
 * Returns the archive with the workbook's parts before its sheets (see inReadingOrder).
 */
export function checkXlsxArchive(file: Buffer, limits: SpreadsheetLimits): Buffer {
  const entries = readDirectory(file);
  const sheets = entries.filter((e) => WORKSHEET.test(e.name));
  if (sheets.length > limits.maxSheets)
    throw refuse(
      'invalid',
      'import_too_many_sheets',
      `文件中有 ${sheets.length} 个工作表，最多 ${limits.maxSheets} 个；请只保留要导入的工作表`,
    );
  if (entries.length > limits.maxEntries)
    throw refuse(
      'invalid',
      'import_too_many_parts',
      `Excel 文件结构异常（包含 ${entries.length} 个部件，最多 ${limits.maxEntries} 个），请另存为 .xlsx 或 .csv 后重试`,
    );
  const unpacked = entries.reduce((sum, e) => sum + e.unpackedSize, 0);
  const bomb = entries.find(
    (e) =>
      e.unpackedSize > MIB &&
      e.unpackedSize / Math.max(e.packedSize, 1) > limits.maxCompressionRatio,
  );
  if (unpacked > limits.maxUnpackedBytes || bomb)
    throw refuse(
      'too_large',
      'import_unpacked_too_large',
      `文件解压后过大（${(unpacked / MIB).toFixed(0)} MB，最多 ${limits.maxUnpackedBytes / MIB} MB）或压缩比异常，可能是压缩炸弹；请只保留岗位数据后重新上传`,
      [{ field: 'file', message: bomb ? `${bomb.name} 压缩比异常` : '解压后过大' }],
    );
  for (const entry of entries) {
    const content = unpack(file, entry);
    if (WORKSHEET.test(entry.name)) checkDimension(content, limits);
  }
  return inReadingOrder(file, entries);
}

/** Parts exceljs' streaming reader must have read before any sheet. */
const FIRST = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/**
 * The same archive with the workbook, its relationships, shared strings and
 * styles before the sheets. Excel and exceljs write workbook.xml last and the
 * shared strings after the sheets; exceljs' streaming reader then spills the
 * sheets to temporary files and, now and then, reads them before the shared
 * strings are in (cells come out empty) or without the sheet names. In this
 * order it reads each sheet once, in memory, with everything it needs. The
 * local records are moved whole (compressed); the central directory follows
 * with the new offsets.
 */
function inReadingOrder(file: Buffer, entries: ZipEntry[]): Buffer {
  const end = findEndOfDirectory(file);
  const directoryOffset = file.readUInt32LE(end + 16);
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const recordEnd = new Map(
    byOffset.map((e, i) => [e, byOffset[i + 1]?.localOffset ?? directoryOffset]),
  );
  const rank = (e: ZipEntry) => {
    const first = FIRST.indexOf(e.name);
    return first >= 0 ? first : WORKSHEET.test(e.name) ? FIRST.length + 1 : FIRST.length;
  };
  const ordered = byOffset
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i);
  const records: Buffer[] = [];
  const newOffset = new Map<ZipEntry, number>();
  let at = 0;
  for (const { e } of ordered) {
    const record = file.subarray(e.localOffset, recordEnd.get(e));
    newOffset.set(e, at);
    records.push(record);
    at += record.length;
  }
  const directory = Buffer.from(file.subarray(directoryOffset, end + 22));
  let entry = 0;
  for (const e of entries) {
    directory.writeUInt32LE(newOffset.get(e)!, entry + 42);
    entry +=
      46 +
      directory.readUInt16LE(entry + 28) +
      directory.readUInt16LE(entry + 30) +
      directory.readUInt16LE(entry + 32);
  }
  directory.writeUInt32LE(at, directory.length - 22 + 16);
  return Buffer.concat([...records, directory]);
}

/** At most 65,535 entries (the count is 16 bits), so the walk itself is bounded. */
function readDirectory(file: Buffer): ZipEntry[] {
  const end = findEndOfDirectory(file);
  const count = file.readUInt16LE(end + 10);
  const size = file.readUInt32LE(end + 12);
  const offset = file.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw unreadable('不支持 ZIP64 格式');
  if (offset + size > end) throw unreadable('目录位置不对');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || file.readUInt32LE(at) !== DIRECTORY_ENTRY) throw unreadable('目录不完整');
    const nameLength = file.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    if (next > end) throw unreadable('目录不完整');
    entries.push({
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
      encrypted: (file.readUInt16LE(at + 8) & 1) === 1,
      method: file.readUInt16LE(at + 10),
      crc: file.readUInt32LE(at + 16),
      packedSize: file.readUInt32LE(at + 20),
      unpackedSize: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
    });
    at = next;
  }
  return entries;
}

/** The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB. */
function findEndOfDirectory(file: Buffer): number {
  for (let at = file.length - 22; at >= Math.max(0, file.length - 22 - 0xffff); at--)
    if (file.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  throw unreadable('找不到 ZIP 目录（文件不完整）');
}

/** The part's bytes, never more than it declares; a mismatch or a bad checksum means a broken or crafted file. */
function unpack(file: Buffer, entry: ZipEntry): Buffer {
  if (entry.encrypted) throw unreadable('文件已加密，请取消密码后再上传');
  const at = entry.localOffset;
  if (at + 30 > file.length || file.readUInt32LE(at) !== LOCAL_HEADER)
    throw unreadable(`${entry.name} 不完整`);
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  if (start + entry.packedSize > file.length) throw unreadable(`${entry.name} 不完整`);
  const packed = file.subarray(start, start + entry.packedSize);
  let content: Buffer;
  if (entry.method === 0) content = packed;
  else if (entry.method === 8) {
    try {
      content = inflateRawSync(packed, { maxOutputLength: Math.max(entry.unpackedSize, 1) });
    } catch {
      throw unreadable(`${entry.name} 已损坏或解压后大于声明的大小`);
    }
  } else throw unreadable(`${entry.name} 使用了不支持的压缩方式`);
  if (content.length !== entry.unpackedSize || crc32(content) !== entry.crc)
    throw unreadable(`${entry.name} 已损坏`);
  return content;
}

/** <dimension ref="A1:XFD1048576"/> near the top of a sheet: its used range as Excel saw it. */
function checkDimension(sheet: Buffer, limits: SpreadsheetLimits): void {
  const head = sheet.toString('utf8', 0, Math.min(sheet.length, 4096));
  const ref = /<(?:\w+:)?dimension\s+ref="([A-Z]{1,3}\d{1,7}(?::[A-Z]{1,3}\d{1,7})?)"/.exec(
    head,
  )?.[1];
  if (!ref) return;
  const last = ref.split(':').pop()!;
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(last)!;
  if (Number(digits) > limits.maxSheetRows || columnNumber(letters) > limits.maxColumns)
    throw sheetTooLarge(` ${ref} `, limits);
}

/** "A" → 1, "Z" → 26, "AA" → 27, "XFD" → 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
