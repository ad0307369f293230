export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/product/index',
    'pages/cart/index',
    'pages/checkout/index',
    'pages/orders/index',
    'pages/order/index',
    'pages/member/index',
    'pages/lives/index',
    'pages/live/index',
  ],
  // The guide workbench is a subpackage: consumers never download it.
  subPackages: [
    {
      root: 'pages/guide',
      pages: ['index', 'share/index', 'claims/index'],
    },
    // Privacy guidelines, my data and account deletion: opened rarely, kept out of the main package.
    {
      root: 'pages/account',
      pages: ['privacy/index', 'data/index'],
    },
  ],
  // Inject only the components a page uses (DevTools' code-quality "lazy code loading").
  lazyCodeLoading: 'requiredComponents',
  // Privacy APIs (phone number, address, clipboard) wait for the user's agreement, which the app asks
  // for itself (wx.onNeedPrivacyAuthorization + the PrivacyPopup's agreePrivacyAuthorization button).
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'GuideShare 优选',
    navigationBarTextStyle: 'black',
  },
});
