export default definePageConfig({
  navigationBarTitleText: 'GuideShare 优选',
  enableShareAppMessage: true,
});
