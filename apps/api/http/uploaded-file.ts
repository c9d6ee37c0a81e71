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

/**
 * The single file of a multipart upload, read into memory (the size limit is set
 * where multipart is registered). Only the given types are taken: the name and
 * the content must both say so, so a renamed executable or image is refused.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  types: UploadType[],
): Promise<{ filename: string; data: Buffer }> {
  if (!request.isMultipart())
    throw invalid('file_required', '请以 multipart/form-data 上传文件（字段名 file）');
  const file = await request.file();
  if (!file) throw invalid('file_required', '请选择要上传的文件');
  let data: Buffer;
  try {
    data = await file.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainError('too_large', 'file_too_large', '文件太大，请不要超过 5 MB');
    throw error;
  }
  const type = types.find((t) => file.filename.toLowerCase().endsWith(t.extension));
  if (!type || !type.matches(data)) {
    const allowed = types.map((t) => t.label).join('、');
    throw new DomainError('unsupported_type', 'file_type_not_allowed', `只能上传 ${allowed} 文件`, [
      { field: 'file', message: `文件类型不对：${file.filename}` },
    ]);
  }
  return { filename: file.filename, data };
}

/** The raw Fastify request, for routes that read an upload. */
export const RawRequest = createParamDecorator(
  (_: unknown, context: ExecutionContext): FastifyRequest =>
    context.switchToHttp().getRequest<FastifyRequest>(),
);
