import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '../common/validation.js';
import type { ShareKind } from '@guideshare/contracts';

export class CreateShareDto {
  @IsIn(['product', 'live', 'store', 'poster'])
  kind!: ShareKind;

  @IsUUID()
  targetId!: string;
}

/** What wx.getGroupEnterInfo gave the mini-program: encrypted with the member's session key. */
export class GroupEnterInfoDto {
  @IsString()
  @Length(16, 4096)
  encryptedData!: string;

  /** 16 bytes, base64. */
  @IsString()
  @Matches(/^[A-Za-z0-9+/]{22}==$/, { message: 'iv must be 16 bytes of base64' })
  iv!: string;
}

export class RecordVisitDto {
  @IsString()
  @Length(1, 64)
  shareCode!: string;

  /** WeChat launch scene (1007, 1008, 1047 …). */
  @OptionalNotNull()
  @IsInt()
  @Min(1000)
  @Max(9999)
  scene?: number;

  /** 1 WeChat 1:1, 2 WeCom 1:1, 3 WeChat group, 4 WeCom group. */
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(9)
  chatType?: number;

  @OptionalNotNull()
  @IsString()
  @Length(0, 255)
  path?: string;

  /** Present when the card was opened in a group chat (shareTicket): the visit is recorded with the group. */
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => GroupEnterInfoDto)
  group?: GroupEnterInfoDto;
}
