import { ApiProperty } from '@nestjs/swagger';
import { WelfareSubsidyLine, WelfareSubsidySummary } from '@jipin/statistics';

class NamedCode {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class SubsidyLineDto implements WelfareSubsidyLine {
  @ApiProperty({ example: '2025-03' }) month: string;
  @ApiProperty() placementId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, example: '3608*************4', description: '已脱敏' })
  idNumber: string | null;
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty({ type: [NamedCode] }) keyGroups: NamedCode[];
  @ApiProperty() title: string;
  @ApiProperty() employerName: string;
  @ApiProperty() hiredOn: string;
  @ApiProperty({ nullable: true }) leftOn: string | null;
  @ApiProperty({ description: '月补贴标准（元）' }) standard: number;
  @ApiProperty() daysInPost: number;
  @ApiProperty() daysInMonth: number;
  @ApiProperty({ description: '应发补贴（元）' }) amount: number;
}

class SubsidyByMonth {
  @ApiProperty() month: string;
  @ApiProperty() amount: number;
  @ApiProperty() people: number;
}

class SubsidyByTownship {
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty() amount: number;
  @ApiProperty() people: number;
}

class SubsidyByKeyGroup {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() amount: number;
  @ApiProperty() people: number;
}

/** The period's sums and one page of the payment list. */
export class SubsidyListDto implements WelfareSubsidySummary {
  @ApiProperty({ description: '期间应发补贴合计（元）' }) amount: number;
  @ApiProperty() people: number;
  @ApiProperty() personMonths: number;
  @ApiProperty({ type: [SubsidyByMonth] }) byMonth: SubsidyByMonth[];
  @ApiProperty({ type: [SubsidyByTownship] }) byTownship: SubsidyByTownship[];
  @ApiProperty({
    type: [SubsidyByKeyGroup],
    description: '一人可属多个重点群体，各群体合计可能大于总计',
  })
  byKeyGroup: SubsidyByKeyGroup[];
  @ApiProperty({ type: [SubsidyLineDto] }) items: SubsidyLineDto[];
}
