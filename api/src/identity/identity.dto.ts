import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import type { StaffRole } from '@guideshare/contracts';
import { OptionalNotNull } from '../common/validation.js';

export class LoginCodeDto {
  @IsString()
  @Length(1, 128)
  code!: string;
}

export class StaffLoginDto {
  @IsString()
  @Length(1, 64)
  username!: string;

  @IsString()
  @Length(1, 128)
  password!: string;
}

export class CreateStaffDto {
  @IsString()
  @Matches(/^[a-zA-Z0-9_.-]{3,64}$/, { message: 'username must be 3–64 letters, digits, _ . -' })
  username!: string;

  @IsString()
  @Length(10, 128)
  password!: string;

  @IsIn(['admin', 'finance', 'clerk'])
  role!: StaffRole;

  /** Required for a clerk (the store it serves), refused for the other roles. */
  @OptionalNotNull()
  @IsUUID()
  storeId?: string;
}
