import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OptionalNotNull } from './validation.js';

// Request fields that mean the same wherever they stand, validated the same way.

/** 10 million yuan: far above any order, refund or correction, far below the safe-integer range. */
export const MAX_FEN = 1_000_000_000;

/** Text of 1–`max` characters that is not only white space. */
export const NonBlank = (max: number) =>
  applyDecorators(IsString(), Length(1, max), Matches(/\S/, { message: '$property must not be blank' }));

/** Why a person asked for or decided something (kept with the record): 1–200 characters, not blank. */
export const Reason = () => NonBlank(200);

/** An amount in fen: a whole number from 1 to `max`. */
export const PositiveFen = (max: number = MAX_FEN) => applyDecorators(IsInt(), Min(1), Max(max));

/** A commission rate in basis points: 0 to 10000 (100 %). */
export const RateBps = () => applyDecorators(IsInt(), Min(0), Max(10000));

/** An optional (never null) list of 1 to `max` items, each validated as a `type`. */
export const NestedList = (type: () => new () => object, max: number) =>
  applyDecorators(
    OptionalNotNull(),
    IsArray(),
    ValidateNested({ each: true }),
    Type(type),
    ArrayMinSize(1),
    ArrayMaxSize(max),
  );
