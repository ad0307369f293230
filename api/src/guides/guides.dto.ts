import { IsString, IsUUID, Length } from 'class-validator';
import { OptionalNotNull } from '../common/validation.js';

export class CreateGuideDto {
  @IsUUID()
  storeId!: string;

  @IsString()
  @Length(1, 100)
  name!: string;

  @IsString()
  @Length(1, 64)
  wecomUserId!: string;
}

export class DepartGuideDto {
  @OptionalNotNull()
  @IsUUID()
  successorGuideId?: string;
}

export class LinkMemberDto {
  @IsUUID()
  memberId!: string;
}

export class UpdateGuideDto {
  @OptionalNotNull()
  @IsString()
  @Length(1, 100)
  name?: string;

  /** Moves the guide to another store (members they serve stay theirs). */
  @OptionalNotNull()
  @IsUUID()
  storeId?: string;
}
