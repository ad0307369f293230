import { IsString, IsUUID, Length } from 'class-validator';
import { IsInstant, OptionalNotNull } from '../common/validation.js';

export class CreateLiveDto {
  @IsString()
  @Length(1, 200)
  title!: string;

  @IsUUID()
  storeId!: string;

  @IsInstant()
  startsAt!: string;

  @IsInstant()
  endsAt!: string;
}

export class UpdateLiveDto {
  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  title?: string;

  @OptionalNotNull()
  @IsInstant()
  startsAt?: string;

  @OptionalNotNull()
  @IsInstant()
  endsAt?: string;
}
