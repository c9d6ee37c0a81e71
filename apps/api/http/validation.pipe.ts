import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { describeValidationErrors, invalid } from '@jipin/core';

/**
 * Whitelist + forbid unknown fields; errors come back in Chinese, field by
 * field. A body must be a JSON object (no body at all counts as an empty one).
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      if (value === undefined) value = {};
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw invalid('body_not_object', '请求体必须是 JSON 对象');
      }
    }
    return super.transform(value, metadata);
  }
}

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
