import { IsIn, IsUUID } from 'class-validator';
import type { ClaimStatus } from './claim.entity.js';
import { OptionalNotNull } from '../common/validation.js';
import { NonBlank, Reason } from '../common/dto-fields.js';

export class CreateClaimDto {
  @IsUUID()
  storeId!: string;

  @NonBlank(64)
  receiptNo!: string;

  @Reason()
  reason!: string;
}

export class RejectClaimDto {
  @Reason()
  reason!: string;
}

export class ListClaimsQuery {
  @OptionalNotNull()
  @IsIn(['REQUESTED', 'APPROVED', 'REJECTED'])
  status?: ClaimStatus;
}
