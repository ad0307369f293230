import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import GuideSharePage from '../../src/pages/guide/share/index';
import { apiError, CODE, installApi, loginAsGuide, never, products, requestsTo } from '../helpers';

describe('guide share page', () => {
  const share = {
    code: CODE,
    kind: 'product',
    targetId: 'p2',
    guideId: 'g1',
    storeId: 's1',
    path: `/pages/product/index?id=p2&s=${CODE}`,
    scene: CODE,
  };

  it('asks to log in first', () => {
    render(<GuideSharePage />);
    expect(screen.getByTestId('state-empty')).toHaveTextContent('请先登录导购工作台');
  });

  it('loading / empty / error of the product list', async () => {
    loginAsGuide();
    installApi({ 'GET /api/products': () => never(), 'GET /api/lives': [] });
    const { unmount } = render(<GuideSharePage />);
    expect(screen.getByTestId('state-loading')).toBeInTheDocument();
    unmount();
    installApi({ 'GET /api/products': [], 'GET /api/lives': [] });
    const second = render(<GuideSharePage />);
    expect(await screen.findByTestId('state-empty')).toHaveTextContent('暂无可分享的商品');
    second.unmount();
    installApi({ 'GET /api/products': apiError(500, 'X', 'catalog down'), 'GET /api/lives': [] });
    render(<GuideSharePage />);
    expect(await screen.findByTestId('state-error')).toHaveTextContent('服务器开小差了，请稍后重试');
  });

  it('weapp: issues a share and the card carries the API path', async () => {
    loginAsGuide();
    installApi({ 'GET /api/products': products, 'GET /api/lives': [], 'POST /api/shares': { ...share } });
    render(<GuideSharePage />);
    expect(__mock.triggerShare()).toEqual({ title: 'GuideShare 优选', path: '/pages/index/index' });
    const buttons = await screen.findAllByTestId('share-product');
    fireEvent.click(buttons[1]);
    expect(await screen.findByTestId('share-panel')).toHaveAttribute('data-code', CODE);
    expect(requestsTo('POST', '/api/shares')[0].data).toEqual({ kind: 'product', targetId: 'p2' });
    expect(requestsTo('POST', '/api/shares')[0].header?.Authorization).toBe('Bearer guide-token');
    expect(screen.getByTestId('share-send')).toHaveAttribute('data-open-type', 'share');
    expect(__mock.triggerShare({ from: 'button' })).toEqual({
      title: '城市通勤双肩包',
      path: `/pages/product/index?id=p2&s=${CODE}`,
      imageUrl: 'https://img.test/p2.png',
    });
    // weapp: the API's poster image, no H5 link QR
    expect(await screen.findByTestId('poster-image')).toHaveAttribute('src', 'wxfile://tmp/poster.png');
    expect(Taro.downloadFile).toHaveBeenCalledWith({
      url: `/api/shares/${CODE}/poster`,
      header: { Authorization: 'Bearer guide-token' },
    });
    expect(screen.queryByTestId('share-qr')).toBeNull();
    expect(screen.queryByTestId('share-link')).toBeNull();
  });

  it('weapp: the share sheet carries a shareTicket and offers Moments', async () => {
    loginAsGuide();
    installApi({ 'GET /api/products': products, 'GET /api/lives': [] });
    render(<GuideSharePage />);
    await screen.findAllByTestId('share-product');
    expect(Taro.showShareMenu).toHaveBeenCalledWith({
      withShareTicket: true,
      menus: ['shareAppMessage', 'shareTimeline'],
    });
  });

  it('shows the estimated commission of each product when choosing what to share', async () => {
    loginAsGuide();
    installApi({
      'GET /api/products': products,
      'GET /api/lives': [],
      'GET /api/guides/me/products/commission': [
        { productId: 'p1', rateBps: 800, minCommissionFen: 800, maxCommissionFen: 800 },
        { productId: 'p2', rateBps: 500, minCommissionFen: 995, maxCommissionFen: 1495 },
      ],
    });
    render(<GuideSharePage />);
    await waitFor(() => expect(screen.getAllByTestId('commission-estimate')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('commission-estimate');
    expect(first).toHaveTextContent('预计佣金 ¥8.00');
    expect(second).toHaveTextContent('预计佣金 ¥9.95 – ¥14.95');
  });

  describe('saving the poster', () => {
    async function openPoster() {
      loginAsGuide();
      installApi({ 'GET /api/products': products, 'GET /api/lives': [], 'POST /api/shares': { ...share } });
      render(<GuideSharePage />);
      fireEvent.click((await screen.findAllByTestId('share-product'))[1]);
      await screen.findByTestId('poster-image');
    }

    it('weapp: saves the downloaded poster to the album', async () => {
      await openPoster();
      fireEvent.click(screen.getByTestId('save-poster'));
      expect(await screen.findByTestId('save-result')).toHaveTextContent('已保存到相册');
      expect(Taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });
    });

    it('weapp: an album permission refused before leads to settings, in Chinese', async () => {
      await openPoster();
      (Taro.saveImageToPhotosAlbum as jest.Mock).mockImplementationOnce(() =>
        Promise.reject({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }),
      );
      fireEvent.click(screen.getByTestId('save-poster'));
      expect(await screen.findByTestId('save-result')).toHaveTextContent('没有相册权限');
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '需要相册权限', confirmText: '去设置' }),
      );
      expect(Taro.openSetting).toHaveBeenCalled();
    });

    it('weapp: a poster the API cannot draw shows a Chinese error and can be retried', async () => {
      __mock.state.download = { statusCode: 502, tempFilePath: '' };
      loginAsGuide();
      installApi({ 'GET /api/products': products, 'GET /api/lives': [], 'POST /api/shares': { ...share } });
      render(<GuideSharePage />);
      fireEvent.click((await screen.findAllByTestId('share-product'))[1]);
      expect(await screen.findByTestId('poster-error')).toHaveTextContent(/[\u4e00-\u9fa5]/);
      __mock.state.download = { statusCode: 200, tempFilePath: 'wxfile://tmp/again.png' };
      fireEvent.click(screen.getByText('重新生成海报'));
      expect(await screen.findByTestId('poster-image')).toHaveAttribute('src', 'wxfile://tmp/again.png');
    });

    it('H5: downloads the poster file', async () => {
      process.env.TARO_ENV = 'h5';
      __mock.state.download = { statusCode: 200, tempFilePath: 'blob:http://h5.test/poster' };
      const clicked: Array<{ href: string; download: string }> = [];
      const spy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        clicked.push({ href: this.href, download: this.download });
      });
      await openPoster();
      fireEvent.click(screen.getByTestId('save-poster'));
      expect(await screen.findByTestId('save-result')).toHaveTextContent('海报已下载');
      expect(clicked).toEqual([{ href: 'blob:http://h5.test/poster', download: `海报-${CODE}.png` }]);
      expect(Taro.saveImageToPhotosAlbum).not.toHaveBeenCalled();
      // the browser build keeps its link QR
      expect(screen.getByTestId('share-qr')).toBeInTheDocument();
      spy.mockRestore();
    });
  });

  it('H5: shows and copies the share link', async () => {
    process.env.TARO_ENV = 'h5';
    loginAsGuide();
    installApi({ 'GET /api/products': products, 'GET /api/lives': [], 'POST /api/shares': { ...share } });
    render(<GuideSharePage />);
    fireEvent.click((await screen.findAllByTestId('share-product'))[1]);
    const link = await screen.findByTestId('share-link');
    const expected = `${window.location.origin}${window.location.pathname}#/pages/product/index?id=p2&s=${CODE}`;
    expect(link).toHaveTextContent(expected);
    fireEvent.click(screen.getByTestId('copy-link'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: expected });
  });

  it('shares a live card', async () => {
    loginAsGuide();
    const live = {
      id: 'l1',
      title: '周末直播',
      storeId: 's9',
      startsAt: new Date(Date.now() - 1000).toISOString(),
      endsAt: new Date(Date.now() + 3600e3).toISOString(),
    };
    installApi({
      'GET /api/products': products,
      'GET /api/lives': [live],
      'POST /api/shares': { ...share, kind: 'live', targetId: 'l1', path: `pages/live/index?id=l1&s=${CODE}` },
    });
    render(<GuideSharePage />);
    fireEvent.click(screen.getByTestId('share-tab-live'));
    fireEvent.click(await screen.findByTestId('share-live'));
    await screen.findByTestId('share-panel');
    expect(requestsTo('POST', '/api/shares')[0].data).toEqual({ kind: 'live', targetId: 'l1' });
    expect(__mock.triggerShare()).toMatchObject({ title: '直播：周末直播', path: `/pages/live/index?id=l1&s=${CODE}` });
  });

  it('shows a share error from the API', async () => {
    loginAsGuide();
    installApi({
      'GET /api/products': products,
      'GET /api/lives': [],
      'POST /api/shares': apiError(403, 'GUIDE_DEPARTED', 'A departed guide cannot share'),
    });
    render(<GuideSharePage />);
    fireEvent.click((await screen.findAllByTestId('share-product'))[0]);
    await waitFor(() => expect(screen.getByTestId('error-banner')).toHaveTextContent('该导购已离职'));
    expect(screen.getByTestId('error-banner')).not.toHaveTextContent('departed');
  });
});
