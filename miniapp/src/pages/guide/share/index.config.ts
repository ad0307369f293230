export default definePageConfig({
  navigationBarTitleText: '分享给客户',
  enableShareAppMessage: true,
});
