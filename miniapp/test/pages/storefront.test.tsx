import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import CatalogPage from '../../src/pages/index/index';
import ProductPage from '../../src/pages/product/index';
import { apiError, CODE, installApi, loginAsConsumer, products } from '../helpers';

const categories = [
  { id: 'c1', name: '服饰', commissionRateBps: null },
  { id: 'c2', name: '箱包', commissionRateBps: null },
  { id: 'c3', name: '空分类', commissionRateBps: null },
];
const shop = products.map((p, i) => ({ ...p, description: i ? '通勤 防泼水 大容量' : '速干 透气' }));

describe('home: categories and search', () => {
  it('filters by category (only categories with products are offered)', async () => {
    installApi({ 'GET /api/products': shop, 'GET /api/categories': categories });
    render(<CatalogPage />);
    const chips = await screen.findAllByTestId('category-chip');
    expect(chips.map((c) => c.textContent)).toEqual(['全部', '服饰', '箱包']);
    fireEvent.click(chips[2]);
    expect(screen.getAllByTestId('product-card').map((c) => c.getAttribute('data-product-id'))).toEqual(['p2']);
    fireEvent.click(chips[0]);
    expect(screen.getAllByTestId('product-card')).toHaveLength(2);
  });

  it('searches names and descriptions; no result offers a way back', async () => {
    installApi({ 'GET /api/products': shop, 'GET /api/categories': categories });
    render(<CatalogPage />);
    await screen.findAllByTestId('product-card');
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '防泼水' } });
    fireEvent.click(screen.getByTestId('search-submit'));
    expect(screen.getAllByTestId('product-card').map((c) => c.getAttribute('data-product-id'))).toEqual(['p2']);
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '羽绒服' } });
    fireEvent.click(screen.getByTestId('search-submit'));
    expect(screen.getByTestId('state-empty')).toHaveTextContent('没有找到相关商品');
    fireEvent.click(screen.getByTestId('state-action'));
    expect(screen.getAllByTestId('product-card')).toHaveLength(2);
    expect(screen.getByTestId('search-input')).toHaveValue('');
  });

  it('without categories (failed or none) the shop still sells', async () => {
    installApi({ 'GET /api/products': shop, 'GET /api/categories': apiError(500, 'INTERNAL', 'x') });
    render(<CatalogPage />);
    expect(await screen.findAllByTestId('product-card')).toHaveLength(2);
    expect(screen.queryByTestId('categories')).toBeNull();
  });
});

const gallery = {
  ...products[1],
  imageUrls: ['https://img.test/a.jpg', 'https://img.test/b.jpg', 'https://img.test/c.jpg'],
  imageUrl: 'https://img.test/a.jpg',
  description: '防泼水面料\n可放 16 寸电脑',
};

const card = {
  guideId: 'g1',
  name: '王小美',
  storeId: 's1',
  storeName: '上海南京西路店',
  storeCity: '上海',
  active: true,
  avatarUrl: null,
  contactQrUrl: null,
};

describe('product page: gallery, description, the sharing guide', () => {
  beforeEach(() => loginAsConsumer());

  it('a gallery of every image (tap to preview) and the description', async () => {
    __mock.setRouter({ id: 'p2' });
    installApi({ 'GET /api/products/:id': gallery });
    render(<ProductPage />);
    const images = await screen.findAllByTestId('gallery-image');
    expect(images.map((i) => i.getAttribute('src'))).toEqual(gallery.imageUrls);
    expect(screen.getByTestId('gallery-count')).toHaveTextContent('1/3');
    fireEvent.click(images[1]);
    expect(Taro.previewImage).toHaveBeenCalledWith({ urls: gallery.imageUrls, current: 'https://img.test/b.jpg' });
    expect(screen.getByTestId('product-description')).toHaveTextContent('可放 16 寸电脑');
    expect(screen.queryByTestId('guide-card')).toBeNull(); // not opened from a guide's card
  });

  it('one image or none: no swiper, no empty description card', async () => {
    __mock.setRouter({ id: 'p1' });
    installApi({ 'GET /api/products/:id': { ...products[0], imageUrls: [], description: '' } });
    render(<ProductPage />);
    await screen.findByTestId('product-page');
    expect(screen.queryByTestId('gallery')).toBeNull();
    expect(screen.queryByTestId('product-description')).toBeNull();
  });

  it('"导购 王小美 为你推荐" with her WeCom QR to add', async () => {
    __mock.setRouter({ id: 'p2', s: CODE });
    installApi({
      'GET /api/products/:id': gallery,
      'POST /api/visits': { statusCode: 202, data: null },
      'GET /api/shares/:code/guide': {
        ...card,
        contactQrUrl: 'https://img.test/wecom-qr.png',
      },
    });
    render(<ProductPage />);
    const shown = await screen.findByTestId('guide-card');
    expect(within(shown).getByTestId('guide-card-title')).toHaveTextContent('导购 王小美 为你推荐');
    expect(shown).toHaveTextContent('上海南京西路店');
    fireEvent.click(within(shown).getByTestId('guide-add'));
    expect(within(shown).getByTestId('guide-qr')).toHaveTextContent('长按识别二维码');
  });

  it('weapp without a QR: the contact button; H5: a hint', async () => {
    __mock.setRouter({ id: 'p2', s: CODE });
    const routes = {
      'GET /api/products/:id': gallery,
      'GET /api/shares/:code/guide': card,
    };
    installApi(routes);
    const { unmount } = render(<ProductPage />);
    expect(await screen.findByTestId('guide-contact')).toHaveAttribute('data-open-type', 'contact');
    unmount();
    process.env.TARO_ENV = 'h5';
    render(<ProductPage />);
    expect(await screen.findByTestId('guide-contact-hint')).toHaveTextContent('到店找 王小美');
    expect(screen.queryByTestId('guide-contact')).toBeNull();
  });

  it('a departed guide: the card names the store only, no way to add them', async () => {
    __mock.setRouter({ id: 'p2', s: CODE });
    installApi({ 'GET /api/products/:id': gallery, 'GET /api/shares/:code/guide': { ...card, active: false } });
    render(<ProductPage />);
    expect(await screen.findByTestId('guide-card-title')).toHaveTextContent('上海南京西路店 为你推荐');
    expect(screen.getByTestId('guide-card')).not.toHaveTextContent('王小美');
    expect(screen.queryByTestId('guide-contact')).toBeNull();
  });

  it('no guide named, or the lookup failing: no card, the page still sells', async () => {
    __mock.setRouter({ id: 'p2', s: CODE });
    installApi({
      'GET /api/products/:id': gallery,
      'GET /api/shares/:code/guide': apiError(400, 'SHARE_CODE_INVALID', 'x'),
    });
    render(<ProductPage />);
    await screen.findByTestId('product-page');
    await waitFor(() => expect(screen.getByTestId('buy-now')).toHaveTextContent('立即购买'));
    expect(screen.queryByTestId('guide-card')).toBeNull();
  });
});
