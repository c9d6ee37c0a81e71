import { ApiProperty, OmitType } from '@nestjs/swagger';
import { AccountViewDto } from './account-response.dto';
import { ApplicationViewDto, FavouriteDto } from './application-response.dto';
import { DateTimeField } from './response-fields';
import { DeclaredKeyGroupDto, PiiAccessLogDto, SeekerViewDto } from './seeker-response.dto';

/** A declaration as stored: the view's fields without the name, with its ids. */
export class DeclaredKeyGroupRowDto extends OmitType(DeclaredKeyGroupDto, ['name'] as const) {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) profileId: string;
}

/** 本人数据导出: everything the platform holds on the person, unmasked (it is their own). */
export class SeekerDataExportDto {
  @DateTimeField() exportedAt: Date;
  @ApiProperty({ type: AccountViewDto, description: '手机号不脱敏' }) account: AccountViewDto;
  @ApiProperty({ type: SeekerViewDto, description: '身份证号不脱敏' }) profile: SeekerViewDto;
  @ApiProperty({ type: [DeclaredKeyGroupRowDto] }) declaredKeyGroups: DeclaredKeyGroupRowDto[];
  @ApiProperty({ type: [PiiAccessLogDto] }) piiAccessLog: PiiAccessLogDto[];
  @ApiProperty({ type: [ApplicationViewDto] }) applications: ApplicationViewDto[];
  @ApiProperty({ type: [FavouriteDto] }) favourites: FavouriteDto[];
}
