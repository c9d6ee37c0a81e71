import { applyDecorators } from '@nestjs/common';
import { ApiResponse, DECORATORS, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponseDto } from '../dto/error-response.dto';

/**
 * The codes each error status carries, as the exception filter and the validation pipe write
 * them. Routes add their own domain codes with ApiErrors().
 */
export const COMMON_ERROR_CODES: Record<number, string[]> = {
  400: ['validation_failed', 'bad_request', 'invalid_id', 'body_not_object', 'nul_character'],
  401: ['unauthenticated'],
  403: ['forbidden'],
  404: ['not_found'],
  409: [],
  413: ['payload_too_large'],
  415: ['unsupported_media_type'],
  422: [],
  429: ['rate_limited'],
  503: ['unavailable'],
};

const STATUS_TEXT: Record<number, string> = {
  400: '请求有误',
  401: '未登录或登录已失效',
  403: '无权进行此操作',
  404: '不存在或无权查看',
  409: '与当前状态冲突',
  413: '内容太大',
  415: '类型不支持',
  422: '无法处理',
  429: '操作过于频繁',
  503: '服务暂时不可用',
};

/** The response object for an error status: the error body, and the codes it may carry. */
export function errorAnswer(status: number, codes: string[] = []) {
  const all = [...new Set([...(COMMON_ERROR_CODES[status] ?? []), ...codes])];
  return {
    description: `${STATUS_TEXT[status] ?? '错误'}；code: ${all.join(', ') || '见 message'}`,
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } },
  };
}

const ERROR_CODES = 'jipin:error-codes';

/**
 * A route's own error answers: `@ApiErrors({ 409: ['stale_version'] })`. Several may stack on one
 * route (its own, @Access, @Idempotent …): the codes of one status are merged, not replaced.
 */
export function ApiErrors(
  codesByStatus: Record<number, string[]>,
): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder: object = descriptor?.value ?? target;
    const merged: Record<number, string[]> = { ...Reflect.getMetadata(ERROR_CODES, holder) };
    for (const [status, codes] of Object.entries(codesByStatus))
      merged[Number(status)] = [...new Set([...(merged[Number(status)] ?? []), ...codes])];
    Reflect.defineMetadata(ERROR_CODES, merged, holder);
    // Swagger would append a second description for the same status: replace the entry instead.
    const responses: Record<string, unknown> = {
      ...Reflect.getMetadata(DECORATORS.API_RESPONSE, holder),
    };
    for (const status of Object.keys(codesByStatus)) delete responses[status];
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, responses, holder);
    const answers = Object.keys(codesByStatus).map((status) =>
      ApiResponse({
        status: Number(status),
        description: errorAnswer(Number(status), merged[Number(status)]).description,
        type: ErrorResponseDto,
      }),
    );
    if (descriptor) applyDecorators(...answers)(target, key!, descriptor);
    else applyDecorators(...answers)(target as never);
  };
}
