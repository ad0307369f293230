import { IsString, IsUUID, Length, Matches } from 'class-validator';

export class ReassignServiceGuideDto {
  @IsUUID()
  guideId!: string;

  /** Why: kept in the member's audit trail. */
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
