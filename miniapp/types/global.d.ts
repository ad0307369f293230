/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

/** Build-time constants (config/index.ts defineConstants). */
declare const API_BASE: string;
declare const H5_ORIGIN: string;

/** The mini-program global (weapp only; absent in H5 and jsdom). */
declare const wx: unknown;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    TARO_APP_ID: string;
  }
}

declare module 'qrcode/lib/core/qrcode' {
  interface BitMatrix {
    size: number;
    data: Uint8Array;
    get(row: number, col: number): number;
  }
  export function create(
    data: string | Array<{ data: string | ArrayLike<number>; mode?: 'byte' | 'numeric' | 'alphanumeric' | 'kanji' }>,
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; version?: number },
  ): { modules: BitMatrix; version: number };
}
