import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { ShareKind } from '@guideshare/contracts';

export class CreateShareDto {
  @IsIn(['product', 'live', 'store', 'poster'])
  kind!: ShareKind;

  @IsUUID()
  targetId!: string;
}

export class RecordVisitDto {
  @IsString()
  @Length(1, 64)
  shareCode!: string;

  /** WeChat launch scene (1007, 1008, 1047 …). */
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(9999)
  scene?: number;

  /** 1 WeChat 1:1, 2 WeCom 1:1, 3 WeChat group, 4 WeCom group. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9)
  chatType?: number;

  @IsOptional()
  @IsString()
  @Length(0, 255)
  path?: string;
}
