import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type Logger } from 'pino';
import { DomainError, ErrorDetail, LOGGER, STATUS_OF_KIND } from '@jipin/core';

export interface ErrorBody {
  code: string;
  message: string;
  details: ErrorDetail[];
  errorId?: string;
}

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
}

/** Maps every error to { code, message, details }; a 500 is logged with an id the user can quote. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<ReplyLike>();
    const { status, body } = toErrorResponse(exception, this.logger);
    const retryAfter = body.details.find(
      (detail) => typeof detail.retryAfterSeconds === 'number',
    )?.retryAfterSeconds;
    if ((status === 429 || status === 503) && retryAfter !== undefined)
      reply.header('retry-after', String(retryAfter));
    reply.status(status).send(body);
  }
}

const FRAMEWORK_MESSAGES: Record<number, [string, string]> = {
  400: ['bad_request', '请求格式不正确'],
  401: ['unauthenticated', '请先登录'],
  403: ['forbidden', '您的账号无权进行此操作'],
  404: ['not_found', '请求的地址不存在'],
  405: ['method_not_allowed', '不支持该请求方式'],
  406: ['not_acceptable', '不支持请求的格式'],
  413: ['payload_too_large', '提交的内容太大'],
  415: ['unsupported_media_type', '不支持的内容类型，请以 JSON 提交'],
  429: ['rate_limited', '操作过于频繁，请稍后再试'],
};

export function toErrorResponse(
  exception: unknown,
  logger: Logger,
): { status: number; body: ErrorBody } {
  if (exception instanceof DomainError) {
    return {
      status: STATUS_OF_KIND[exception.kind],
      body: { code: exception.code, message: exception.message, details: exception.details },
    };
  }
  const brokenUpload = multipartProblem(exception);
  if (brokenUpload)
    return {
      status: 400,
      body: {
        code: 'multipart_invalid',
        message: brokenUpload,
        details: [{ field: 'file', message: brokenUpload }],
      },
    };
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : typeof (exception as { statusCode?: unknown })?.statusCode === 'number'
        ? (exception as { statusCode: number }).statusCode
        : 500;
  if (status >= 400 && status < 500) {
    const [code, message] = FRAMEWORK_MESSAGES[status] ?? ['bad_request', '请求有误'];
    const fastifyCode = (exception as { code?: string })?.code;
    const detail =
      fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      (exception as Error)?.name === 'SyntaxError'
        ? '请求体不是有效的 JSON'
        : undefined;
    return { status, body: { code, message: detail ?? message, details: [] } };
  }
  const errorId = randomUUID();
  if (isDependencyOutage(exception)) {
    logger.warn({ errorId, error: (exception as Error).message }, 'dependency unavailable');
    return {
      status: 503,
      body: {
        code: 'unavailable',
        message: '服务暂时不可用，请稍后重试',
        details: [{ message: '数据库暂时无法连接', retryAfterSeconds: 5 }],
        errorId,
      },
    };
  }
  logger.error({ err: exception, errorId }, 'unhandled error');
  return {
    status: status >= 500 ? status : 500,
    body: {
      code: 'internal_error',
      message: `服务器内部错误，请稍后重试（错误编号 ${errorId}）`,
      details: [],
      errorId,
    },
  };
}

/**
 * The multipart parser (busboy) throws plain errors for a body it cannot read;
 * they are the client's mistake, not the server's.
 */
function multipartProblem(exception: unknown): string | undefined {
  const { message = '', code } = (exception ?? {}) as { message?: string; code?: string };
  if (message.startsWith('Multipart: Boundary not found'))
    return '上传请求格式不正确：multipart/form-data 缺少 boundary';
  if (/unexpected end of multipart data/i.test(message) || code === 'FST_MP_PREMATURE_CLOSE')
    return '上传的内容不完整，请重新上传';
  return undefined;
}

const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** The database (or queue) went away: a 503 the client may retry, not a bug. */
function isDependencyOutage(exception: unknown): boolean {
  const error = exception as { code?: string; driverError?: { code?: string }; message?: string };
  const code = error?.driverError?.code ?? error?.code;
  return (
    (code !== undefined && OUTAGE_CODES.has(code)) ||
    /Connection terminated|connection timeout/i.test(error?.message ?? '')
  );
}
