import { IsString, Length } from 'class-validator';

export class CreateStoreDto {
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsString()
  @Length(1, 50)
  city!: string;
}
