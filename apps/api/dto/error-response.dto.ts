import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorDetail } from '@jipin/core';
import { ErrorBody } from '../http/api-exception.filter';

export class ErrorDetailDto implements ErrorDetail {
  [key: string]: unknown;

  @ApiPropertyOptional({
    description: '出错的字段（表单字段名或路径，如 pay.min）',
    example: 'title',
  })
  field?: string;

  @ApiProperty({ description: '这一项错在哪里（中文）', example: '请填写岗位名称' })
  message: string;

  @ApiPropertyOptional({ description: '多少秒后可以重试（429、503）', example: 5 })
  retryAfterSeconds?: number;

  @ApiPropertyOptional({
    description: '台账导入中出错的工作表（import_has_errors）',
    example: '人员台账',
  })
  sheet?: string;

  @ApiPropertyOptional({ description: '上传文件中出错的行（import_has_errors）', example: 3 })
  line?: number;

  @ApiPropertyOptional({ type: [String], description: '这一行的各项错误' })
  reasons?: string[];
}

/** The one error body every route answers with (ApiExceptionFilter). */
export class ErrorResponseDto implements ErrorBody {
  @ApiProperty({
    description: 'A stable code the client may branch on; the status groups them',
    example: 'validation_failed',
  })
  code: string;

  @ApiProperty({ description: '给用户看的中文说明', example: '提交的内容有误，请检查标出的字段' })
  message: string;

  @ApiProperty({ type: [ErrorDetailDto] })
  details: ErrorDetailDto[];

  @ApiPropertyOptional({ description: 'Only on a 5xx: the id of the log line', format: 'uuid' })
  errorId?: string;
}
