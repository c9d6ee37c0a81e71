import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { DomainError, invalid } from '@jipin/core';

/** A kind of file a route takes: the name it must end with and a check of its first bytes. */
export interface UploadType {
  extension: string;
  label: string;
  matches(data: Buffer): boolean;
}

/** Office Open XML files are zip archives: "PK\x03\x04". */
export const XLSX_UPLOAD: UploadType = {
  extension: '.xlsx',
  label: 'Excel (.xlsx)',
  matches: (data) => data.length > 4 && data.readUInt32BE(0) === 0x504b0304,
};

/** Text only: a NUL byte means a binary file renamed to .csv. */
export const CSV_UPLOAD: UploadType = {
  extension: '.csv',
  label: 'CSV',
  matches: (data) => !data.subarray(0, 64 * 1024).includes(0),
};

/** What the multipart parser enforces (registered in create-api-app.ts); each breach is a 413 in Chinese. */
export const UPLOAD_LIMITS = {
  fileSize: 5 * 1024 * 1024,
  files: 1,
  fields: 10,
  parts: 11,
  fieldSize: 1024,
  fieldNameSize: 100,
  headerPairs: 100,
};

const LIMIT_MESSAGES: Record<string, [string, string]> = {
  FST_REQ_FILE_TOO_LARGE: ['file_too_large', '文件太大，请不要超过 5 MB'],
  FST_FILES_LIMIT: ['too_many_files', `一次只能上传 ${UPLOAD_LIMITS.files} 个文件`],
  FST_FIELDS_LIMIT: ['too_many_fields', `表单字段太多（最多 ${UPLOAD_LIMITS.fields} 个）`],
  FST_PARTS_LIMIT: ['too_many_parts', `表单内容太多（最多 ${UPLOAD_LIMITS.parts} 项）`],
};

/**
 * The single file of a multipart upload, read into memory (at most
 * UPLOAD_LIMITS.fileSize). Every part is read, so a second file or an
 * over-long field is refused rather than silently dropped. Only the given
 * types are taken: the name and the content must both say so, so a renamed
 * executable or image is refused.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  types: UploadType[],
): Promise<{ filename: string; data: Buffer }> {
  if (!request.isMultipart())
    throw invalid('file_required', '请以 multipart/form-data 上传文件（字段名 file）');
  let file: { filename: string; data: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') file = { filename: part.filename, data: await part.toBuffer() };
      else if (part.valueTruncated || part.fieldnameTruncated)
        throw new DomainError('too_large', 'field_too_long', '表单字段过长', [
          { field: part.fieldname, message: `最多 ${UPLOAD_LIMITS.fieldSize} 字节` },
        ]);
    }
  } catch (error) {
    const limit = LIMIT_MESSAGES[(error as { code?: string }).code ?? ''];
    if (limit) throw new DomainError('too_large', limit[0], limit[1]);
    throw error;
  }
  if (!file) throw invalid('file_required', '请选择要上传的文件');
  const type = types.find((t) => file.filename.toLowerCase().endsWith(t.extension));
  if (!type || !type.matches(file.data)) {
    const allowed = types.map((t) => t.label).join('、');
    throw new DomainError('unsupported_type', 'file_type_not_allowed', `只能上传 ${allowed} 文件`, [
      { field: 'file', message: `文件类型不对：${file.filename}` },
    ]);
  }
  return file;
}

/** The raw Fastify request, for routes that read an upload. */
export const RawRequest = createParamDecorator(
  (_: unknown, context: ExecutionContext): FastifyRequest =>
    context.switchToHttp().getRequest<FastifyRequest>(),
);
