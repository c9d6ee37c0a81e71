import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** The body of every error answer (ApiExceptionFilter). */
export class ErrorResponse {
  @ApiProperty({ example: 'message_empty' }) code: string;
  @ApiProperty({ example: '消息内容不能为空' }) message: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } })
  details?: { field?: string; message: string }[];
}

const MEANING: Record<number, string> = {
  400: '输入有误（details 指明字段）',
  401: '未登录或登录已过期',
  403: '无权进行此操作（如单位已被暂停、已被对方屏蔽）',
  404: '不存在或无权查看',
  409: '与当前状态冲突',
  429: '过于频繁（Retry-After）',
};

/** Declares the error answers a route can give, with their shared body. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, type: ErrorResponse, description: MEANING[status] }),
    ),
  );
