import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import type { ClaimStatus } from './claim.entity.js';
import { OptionalNotNull } from '../common/validation.js';

export class CreateClaimDto {
  @IsUUID()
  storeId!: string;

  @IsString()
  @Length(1, 64)
  @Matches(/\S/, { message: 'receiptNo must not be blank' })
  receiptNo!: string;

  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class RejectClaimDto {
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class ListClaimsQuery {
  @OptionalNotNull()
  @IsIn(['REQUESTED', 'APPROVED', 'REJECTED'])
  status?: ClaimStatus;
}
