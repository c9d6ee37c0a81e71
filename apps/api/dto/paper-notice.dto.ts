import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, Matches } from 'class-validator';

export class PaperNoticeQueryDto {
  @ApiPropertyOptional({ description: '县级工作人员可指定乡镇；乡镇窗口只看本乡镇' })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: '!乡镇代码应为12位数字' })
  townshipCode?: string;
}

export class PrintedNoticesDto extends PaperNoticeQueryDto {
  @ApiProperty({ type: [String], description: '已打印交付的通知编号' })
  @IsArray({ message: '!请提供已打印的通知编号列表' })
  @ArrayMinSize(1, { message: '!请至少提供一个通知编号' })
  @ArrayMaxSize(1000, { message: '!一次最多确认1000条' })
  @IsUUID('4', { each: true, message: '!通知编号格式不对' })
  notificationIds: string[];
}
