import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { describeValidationErrors, invalid } from '@jipin/core';

const CLIENT_INPUT = new Set(['body', 'query', 'param']);

/**
 * Whitelist + forbid unknown fields; errors come back in Chinese, field by
 * field. A body must be a JSON object (no body at all counts as an empty one).
 * No text a client sends may hold a NUL character, whatever route takes it:
 * PostgreSQL cannot store one, and it hides the rest of a string from logs.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // SWC (the tests under Jest) records an enum parameter's type as the enum object, where
    // tsc records String: an enum has no rules, and validating it as a class fails.
    if (metadata.metatype && typeof metadata.metatype !== 'function')
      metadata = { ...metadata, metatype: undefined };
    if (CLIENT_INPUT.has(metadata.type)) {
      const field = fieldWithNul(value, metadata.data ?? '');
      if (field !== undefined)
        throw invalid('nul_character', '提交的内容含有空字符（\\0），请删除后重试', [
          { field: field || metadata.type, message: '含有不允许的空字符（\\0）' },
        ]);
    }
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

/** The path of the first string (or key) holding a NUL, walking without recursion; undefined if none. */
function fieldWithNul(value: unknown, root: string): string | undefined {
  const pending: [unknown, string][] = [[value, root]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (item.includes('\0')) return path;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const childPath = Array.isArray(item) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        if (key.includes('\0')) return childPath;
        pending.push([child, childPath]);
      }
    }
  }
  return undefined;
}
