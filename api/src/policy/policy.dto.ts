import { IsIn, IsInt, Max, Min } from 'class-validator';

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

  @IsInt()
  @Min(0)
  @Max(10000)
  defaultRateBps!: number;

  @IsInt()
  @Min(0)
  @Max(10000)
  serviceRateBps!: number;

  @IsInt()
  @Min(0)
  @Max(365)
  coolingOffDays!: number;
}
