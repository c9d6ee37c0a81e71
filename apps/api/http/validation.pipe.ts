import { ValidationPipe } from '@nestjs/common';
import { describeValidationErrors, invalid } from '@jipin/core';

/** Whitelist + forbid unknown fields; errors come back in Chinese, field by field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
