import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

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
  @IsOptional()
  @IsUUID()
  successorGuideId?: string;
}

export class LinkMemberDto {
  @IsUUID()
  memberId!: string;
}
