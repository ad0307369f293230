import { Global, Module } from '@nestjs/common';
import { WechatApiClient, WechatPayClient, WecomClient } from '@guideshare/wechat';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * The WeChat adapter: real HTTP clients at configurable base URLs (the local simulator in dev,
 * tests and benchmarks; WeChat itself in production).
 */
@Global()
@Module({
  providers: [
    {
      provide: WechatApiClient,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) =>
        new WechatApiClient({ baseUrl: c.wechat.apiBase, appId: c.wechat.appId, secret: c.wechat.secret }),
    },
    {
      provide: WecomClient,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) =>
        new WecomClient({ baseUrl: c.wechat.apiBase, corpId: c.wecom.corpId, secret: c.wecom.secret }),
    },
    {
      provide: WechatPayClient,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) =>
        new WechatPayClient({
          baseUrl: c.wechatPay.apiBase,
          mchid: c.wechatPay.mchid,
          serialNo: c.wechatPay.serialNo,
          privateKeyPem: c.wechatPay.privateKeyPem,
          platformPublicKeyPem: c.wechatPay.platformPublicKeyPem,
          platformSerial: c.wechatPay.platformSerial,
        }),
    },
  ],
  exports: [WechatApiClient, WecomClient, WechatPayClient],
})
export class WechatModule {}
