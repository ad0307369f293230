import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/auth.decorators.js';

// WeCom's customer sidebar (客户联系 → 聊天工具栏): an H5 page the guide opens beside a chat. It signs
// the guide in with the WeCom OAuth `code` in its URL (POST /api/auth/guide), asks the WeCom JS-SDK
// for the contact of the open chat (`ww.getCurExternalContact()` of @wecom/jssdk, or
// `wx.invoke('getCurExternalContact')` of the older jWeixin), and shows GET /api/wecom/customers/:id.
// The SDK (with its agentConfig registration) is loaded by WeCom's page setup; tests stub `ww`/`wx`.

const SCRIPT = String.raw`
(function () {
  var card = document.getElementById('card');
  function show(state, title, text) {
    card.setAttribute('data-state', state);
    card.innerHTML = '';
    var h = document.createElement('h1');
    h.textContent = title;
    card.appendChild(h);
    if (text) {
      var p = document.createElement('p');
      p.className = 'muted';
      p.textContent = text;
      card.appendChild(p);
    }
  }
  function yuan(fen) {
    var abs = Math.abs(fen), cents = abs % 100;
    return (fen < 0 ? '-' : '') + '¥' + Math.floor(abs / 100) + '.' + (cents < 10 ? '0' : '') + cents;
  }
  function when(iso) {
    if (!iso) return '暂无';
    var d = new Date(iso);
    var p = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + ' ' + p(d.getHours()) + ':' + p(d.getMinutes());
  }
  function row(label, value, testId) {
    var r = document.createElement('div');
    r.className = 'row';
    var l = document.createElement('span');
    l.className = 'label';
    l.textContent = label;
    var v = document.createElement('span');
    v.textContent = value;
    v.setAttribute('data-testid', testId);
    r.appendChild(l);
    r.appendChild(v);
    card.appendChild(r);
  }
  function currentContact() {
    var ww = window.ww, wx = window.wx;
    if (ww && typeof ww.getCurExternalContact === 'function')
      return Promise.resolve(ww.getCurExternalContact()).then(function (r) { return r && r.userId; });
    if (wx && typeof wx.invoke === 'function')
      return new Promise(function (resolve, reject) {
        wx.invoke('getCurExternalContact', {}, function (r) {
          if (r && r.err_msg === 'getCurExternalContact:ok') resolve(r.userId);
          else reject(new Error((r && r.err_msg) || 'getCurExternalContact failed'));
        });
      });
    return Promise.reject(new Error('NO_SDK'));
  }
  function guideToken() {
    var code = new URLSearchParams(location.search).get('code');
    var saved = sessionStorage.getItem('guideshare.sidebar.token');
    if (!code) return Promise.resolve(saved);
    return fetch('/api/auth/guide', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code })
    }).then(function (r) {
      if (!r.ok) return saved;
      return r.json().then(function (b) {
        sessionStorage.setItem('guideshare.sidebar.token', b.token);
        return b.token;
      });
    });
  }
  show('loading', '正在读取客户信息…');
  guideToken().then(function (token) {
    if (!token) return show('error', '请以导购身份打开', '请从企业微信的客户聊天侧边栏进入，系统会自动识别您的导购身份。');
    return currentContact().then(function (userId) {
      if (!userId) throw new Error('NO_CONTACT');
      return fetch('/api/wecom/customers/' + encodeURIComponent(userId), {
        headers: { authorization: 'Bearer ' + token }
      }).then(function (r) {
        if (r.status === 401 || r.status === 403) return show('error', '没有权限', '您的导购身份已失效，请从企业微信重新进入。');
        if (!r.ok) return show('error', '暂时无法读取客户信息', '请稍后重试。');
        return r.json().then(function (c) {
          show('ready', c.name || '客户', c.message || '');
          row('会员', c.isMember ? '已开卡' : '未开卡', 'is-member');
          row('关注公众号', c.followsOfficialAccount ? '已关注' : '未关注', 'follows-oa');
          row('小程序', c.authorizedMiniProgram ? '已授权' : '未授权', 'authorized-mp');
          row('服务门店', c.serviceStore ? c.serviceStore.name : '暂无', 'service-store');
          row('服务导购', c.serviceGuide ? c.serviceGuide.name : '暂无', 'service-guide');
          row('开卡导购', c.openingGuide ? c.openingGuide.name : '暂无', 'opening-guide');
          row('最近访问', when(c.lastVisitAt), 'last-visit');
          row('累计消费', yuan(c.lifetimeGmvFen || 0), 'lifetime-gmv');
        });
      });
    }, function () {
      show('error', '未识别到当前客户', '请在与客户的单聊中，从聊天工具栏打开本页面。');
    });
  }).catch(function () {
    show('error', '网络不给力', '请检查网络后重试。');
  });
})();
`;

export const SIDEBAR_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>客户名片</title>
<style>
body { margin: 0; font: 14px/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; background: #f5f6f8; color: #222; }
#card { margin: 12px; padding: 16px; border-radius: 12px; background: #fff; }
h1 { margin: 0 0 4px; font-size: 18px; }
.muted { margin: 0 0 12px; color: #888; }
.row { display: flex; justify-content: space-between; padding: 8px 0; border-top: 1px solid #f0f0f0; }
.label { color: #666; }
</style>
</head>
<body>
<main id="card" data-state="loading"></main>
<script>${SCRIPT}</script>
</body>
</html>
`;

/** GET /api/wecom/sidebar — the page itself is public; everything it shows needs the guide's token. */
@Controller()
export class WecomSidebarController {
  @Public()
  @Get('wecom/sidebar')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  page() {
    return SIDEBAR_HTML;
  }
}
