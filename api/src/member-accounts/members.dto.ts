import { IsString, IsUUID, Length } from 'class-validator';
import { OptionalNotNull } from '../common/validation.js';
import { Reason } from '../common/dto-fields.js';

export class ReassignServiceGuideDto {
  @IsUUID()
  guideId!: string;

  /** Why: kept in the member's audit trail. */
  @Reason()
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
