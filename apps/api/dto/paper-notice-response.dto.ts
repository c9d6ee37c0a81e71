import { ApiProperty } from '@nestjs/swagger';
import { PaperNotice } from '@jipin/seekers';

export class PaperNoticeDto implements PaperNotice {
  @ApiProperty() notificationId: string;
  @ApiProperty() profileId: string;
  @ApiProperty() name: string;
  @ApiProperty() townshipName: string;
  @ApiProperty({ nullable: true }) contactRelation: string | null;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: Date;
}

export class PrintedCountDto {
  @ApiProperty() printed: number;
}
