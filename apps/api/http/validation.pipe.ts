import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { describeValidationErrors, invalid } from '@jipin/core';

/**
 * Nest turns a JSON `null` body into {} before validating, so a route whose
 * fields are all optional would take `null` as "no changes". A body, when one
 * is sent, must be a JSON object.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value !== undefined && !isObject(value))
      throw invalid('validation_failed', '提交的内容必须是一个 JSON 对象', [
        { message: '提交的内容必须是一个 JSON 对象' },
      ]);
    return super.transform(value, metadata);
  }
}

const isObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whitelist + forbid unknown fields; errors come back in Chinese, field by field. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      invalid(
        'validation_failed',
        '提交的内容有误，请检查标出的字段',
        describeValidationErrors(errors),
      ),
  });
}
