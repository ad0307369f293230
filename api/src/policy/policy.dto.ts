import { IsBoolean, IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';
import type { BindingMode, ServicePriority } from '@guideshare/contracts';
import { RateBps } from '../common/dto-fields.js';

export class PutPolicyDto {
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  onlineWindowHours!: number;

  @IsInt()
  @Min(1)
  @Max(24 * 90)
  storeWindowHours!: number;

  @IsIn(['deny', 'allow'])
  selfReferral!: 'deny' | 'allow';

  @RateBps()
  defaultRateBps!: number;

  @RateBps()
  serviceRateBps!: number;

  @IsInt()
  @Min(0)
  @Max(365)
  coolingOffDays!: number;

  // Attribution policy options: each optional (absent = today's behaviour), explicit null only for
  // bindingValidityDays, where null means "permanent".
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(['first_touch', 'on_registration', 'override'])
  bindingMode?: BindingMode;

  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsInt()
  @Min(1)
  @Max(3650)
  bindingValidityDays?: number | null;

  @ValidateIf((_, v) => v !== undefined)
  @IsInt()
  @Min(0)
  @Max(365)
  protectionDays?: number;

  @ValidateIf((_, v) => v !== undefined)
  @IsIn(['sharer_first', 'service_first_same_store'])
  servicePriority?: ServicePriority;

  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean()
  crossStoreShareCredit?: boolean;
}
