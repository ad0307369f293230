import { IsISO8601, IsString, IsUUID, Length, Matches } from 'class-validator';
import { OptionalNotNull } from '../common/validation.js';

const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

export class CreateLiveDto {
  @IsString()
  @Length(1, 200)
  title!: string;

  @IsUUID()
  storeId!: string;

  @IsISO8601({ strict: true })
  startsAt!: string;

  @IsISO8601({ strict: true })
  endsAt!: string;
}

export class UpdateLiveDto {
  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  title?: string;

  @OptionalNotNull()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'startsAt must carry a time zone offset' })
  startsAt?: string;

  @OptionalNotNull()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'endsAt must carry a time zone offset' })
  endsAt?: string;
}
