import Taro from '@tarojs/taro';
import { guideToken } from './auth';
import { apiBase, isH5 } from './env';
import { fromResponse, toAppError } from './errors';

/**
 * The share's poster (GET /api/shares/:code/poster, drawn by the API with the mini-program code) as
 * a local file: a temp path in weapp, a blob URL in H5. downloadFile, not <Image src>, because the
 * poster needs the guide's token.
 */
export async function downloadPoster(code: string): Promise<string> {
  const token = guideToken();
  let res: { statusCode?: number; tempFilePath?: string };
  try {
    res = await Taro.downloadFile({
      url: `${apiBase()}/api/shares/${encodeURIComponent(code)}/poster`,
      header: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } catch (e) {
    throw toAppError(e);
  }
  if (res?.statusCode !== 200 || !res.tempFilePath) throw fromResponse(res?.statusCode ?? 0, null);
  return res.tempFilePath;
}

export type SaveResult = 'saved' | 'downloaded' | 'denied' | 'cancelled';

const AUTH_DENIED = /auth|authorize|permission|denied/i;

/**
 * Saves the poster: to the phone's album in weapp (asking the user to open the album permission in
 * settings when it was refused before), as a file download in H5.
 */
export async function savePoster(filePath: string, code: string): Promise<SaveResult> {
  if (isH5()) {
    const a = document.createElement('a');
    a.href = filePath;
    a.download = `海报-${code}.png`;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    return 'downloaded';
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    return 'saved';
  } catch (e) {
    const msg = (e as { errMsg?: string } | null)?.errMsg ?? '';
    if (/cancel/i.test(msg)) return 'cancelled';
    if (!AUTH_DENIED.test(msg)) {
      void Taro.showToast({ title: '保存失败，请长按海报保存', icon: 'none' });
      throw toAppError(e);
    }
  }
  // WeChat asks once; after a refusal only the settings page can grant the album again.
  const answer = await Taro.showModal({
    title: '需要相册权限',
    content: '保存海报需要访问您的相册，请在设置中打开“保存到相册”权限后重试。',
    confirmText: '去设置',
    cancelText: '暂不',
  });
  if (answer?.confirm) await Taro.openSetting({}).catch(() => undefined);
  return 'denied';
}
