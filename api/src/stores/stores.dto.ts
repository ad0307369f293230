import { IsString, Length } from 'class-validator';
import { OptionalNotNull } from '../common/validation.js';

export class CreateStoreDto {
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsString()
  @Length(1, 50)
  city!: string;
}

export class UpdateStoreDto {
  @OptionalNotNull()
  @IsString()
  @Length(1, 100)
  name?: string;

  @OptionalNotNull()
  @IsString()
  @Length(1, 50)
  city?: string;
}
