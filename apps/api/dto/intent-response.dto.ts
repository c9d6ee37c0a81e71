import { ApiProperty } from '@nestjs/swagger';
import {
  INTENT_OUTCOME_NAMES,
  INTENT_SOURCE_NAMES,
  IntentOutcome,
  type IntentSource,
  IntentView,
} from '@jipin/intents';
import { DateField, DateTimeField, EnumField, Nullable } from './response-fields';

const uuid = (options: { nullable?: boolean } = {}) =>
  ApiProperty({ type: String, format: 'uuid', ...options });

/** A placement intent (就业意向) and where its follow-up stands; the phone masked. */
export class IntentViewDto implements IntentView {
  @uuid() id: string;
  @uuid() seekerUserId: string;
  @uuid({ nullable: true }) seekerProfileId: string | null;
  @ApiProperty() seekerName: string;
  @ApiProperty({ description: '脱敏' }) seekerPhone: string;
  @uuid() vacancyId: string;
  @ApiProperty() vacancyTitle: string;
  @uuid() employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty() townshipCode: string;
  @EnumField(INTENT_SOURCE_NAMES, 'IntentSource') source: IntentSource;
  @ApiProperty() sourceName: string;
  @uuid({ nullable: true }) fairId: string | null;
  @uuid({ nullable: true }) applicationId: string | null;
  @uuid() recordedBy: string;
  @ApiProperty() recordedByRole: string;
  @DateTimeField() recordedAt: Date;
  @DateField() followUpDueOn: string;
  @EnumField(INTENT_OUTCOME_NAMES, 'IntentOutcome', { nullable: true })
  outcome: IntentOutcome | null;
  @Nullable(String) outcomeName: string | null;
  @DateTimeField({ nullable: true }) outcomeAt: Date | null;
  @uuid({ nullable: true }) placementId: string | null;
}
