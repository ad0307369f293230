import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { errorText } from '../api/client';
import { uploadImage } from '../api/catalog';

const ACCEPT = ['image/png', 'image/jpeg', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;

/** Image list for a form item: uploads each picked file to the API and keeps the URLs. */
export function ImageUpload({
  value = [],
  onChange,
  max = 6,
}: {
  value?: string[];
  onChange?: (urls: string[]) => void;
  max?: number;
}) {
  const { message } = App.useApp();
  const fileList: UploadFile[] = value.map((url, i) => ({
    uid: `${i}-${url}`,
    name: `图片${i + 1}`,
    status: 'done',
    url,
  }));
  return (
    <Upload
      listType="picture-card"
      accept={ACCEPT.join(',')}
      fileList={fileList}
      data-testid="image-upload"
      beforeUpload={(file) => {
        if (!ACCEPT.includes(file.type)) {
          void message.error('仅支持 PNG、JPEG、WebP 格式的图片');
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_BYTES) {
          void message.error('图片不能超过 5 MB');
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          const url = await uploadImage(file as File);
          onChange?.([...value, url]);
          onSuccess?.({ url });
        } catch (e) {
          void message.error(`上传失败：${errorText(e)}`);
          onError?.(e as Error);
        }
      }}
      onRemove={(file) => {
        onChange?.(value.filter((url) => url !== file.url));
        return true;
      }}
    >
      {value.length >= max ? null : (
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>上传图片</div>
        </div>
      )}
    </Upload>
  );
}
