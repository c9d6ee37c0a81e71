import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { DomainError, invalid } from '@jipin/core';

/** The single file of a multipart upload, read into memory (the size limit is set where multipart is registered). */
export async function readUploadedFile(
  request: FastifyRequest,
): Promise<{ filename: string; data: Buffer }> {
  if (!request.isMultipart())
    throw invalid('file_required', '请以 multipart/form-data 上传文件（字段名 file）');
  const file = await request.file();
  if (!file) throw invalid('file_required', '请选择要上传的文件');
  try {
    return { filename: file.filename, data: await file.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainError('too_large', 'file_too_large', '文件太大，请不要超过 5 MB');
    throw error;
  }
}

/** The raw Fastify request, for routes that read an upload. */
export const RawRequest = createParamDecorator(
  (_: unknown, context: ExecutionContext): FastifyRequest =>
    context.switchToHttp().getRequest<FastifyRequest>(),
);
