import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { OptionalNotNull } from '../common/validation.js';

export class ReassignServiceGuideDto {
  @IsUUID()
  guideId!: string;

  /** Why: kept in the member's audit trail. */
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

/**
 * `q` (or `code`): a member id, a member's 10-digit code number, or a member code as scanned (18
 * digits). One of them is required.
 */
export class MemberSearchQuery {
  @OptionalNotNull()
  @IsString()
  @Length(1, 64)
  q?: string;

  @OptionalNotNull()
  @IsString()
  @Length(1, 64)
  code?: string;
}
