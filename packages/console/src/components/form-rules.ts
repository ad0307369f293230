import type { FormRule } from 'antd';
import { toFen } from '../format';

/** The rule of a text field that must be filled in (blanks do not count). */
export function requiredText(message: string): FormRule[] {
  return [{ required: true, whitespace: true, message }];
}

/** The rules of a yuan amount field: filled in, and a positive amount with at most two decimals. */
export function yuanRules(required: string, invalid = '金额须大于 0，最多两位小数'): FormRule[] {
  return [
    { required: true, message: required },
    { validator: async (_, v) => (!v || (toFen(v) ?? 0) > 0 ? undefined : Promise.reject(new Error(invalid))) },
  ];
}
