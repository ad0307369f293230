import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import type { Sku } from '../../api/types';
import { formatFen, toFen, yuan } from '../../format';
import { yuanRules, requiredText } from '../../components/form-rules';
import { useAction } from '../../hooks';

interface Props {
  sku: Sku | null;
  onClose(): void;
  onDone(): void;
}

export function SkuPriceModal({ sku, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ price: string }>();
  const run = useAction();
  useEffect(() => {
    if (sku) form.setFieldsValue({ price: formatFen(sku.priceFen) });
  }, [sku, form]);
  return (
    <Modal
      title={`修改售价：${sku?.name ?? ''}`}
      open={!!sku}
      onCancel={onClose}
      destroyOnClose
      okText="保存"
      onOk={async () => {
        const { price } = await form.validateFields();
        const ok = await run(
          () => api(`/admin/skus/${sku!.id}`, { method: 'PATCH', body: { priceFen: toFen(price) } }),
          '售价已更新',
        );
        if (ok !== undefined) {
          onClose();
          onDone();
        }
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item label="当前售价">{sku ? yuan(sku.priceFen) : '-'}</Form.Item>
        <Form.Item
          name="price"
          label="新售价（元）"
          rules={yuanRules('请输入售价', '售价须为大于 0 的金额，最多两位小数')}
        >
          <Input prefix="¥" data-testid="sku-new-price" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SkuStockModal({ sku, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ delta: number; reason: string }>();
  const run = useAction();
  return (
    <Modal
      title={`调整库存：${sku?.name ?? ''}`}
      open={!!sku}
      onCancel={onClose}
      destroyOnClose
      okText="确认调整"
      onOk={async () => {
        const body = await form.validateFields();
        const ok = await run(() => api(`/admin/skus/${sku!.id}/stock`, { method: 'POST', body }), '库存已调整');
        if (ok !== undefined) {
          form.resetFields();
          onClose();
          onDone();
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="当前库存">{sku?.stock ?? '-'}</Form.Item>
        <Form.Item
          name="delta"
          label="调整数量"
          extra="正数为入库，负数为出库；调整后库存不能小于 0"
          rules={[
            { required: true, message: '请输入调整数量' },
            { validator: async (_, v) => (v !== 0 ? undefined : Promise.reject(new Error('调整数量不能为 0'))) },
          ]}
        >
          <InputNumber precision={0} style={{ width: '100%' }} data-testid="stock-delta" />
        </Form.Item>
        <Form.Item name="reason" label="调整原因" rules={requiredText('请填写调整原因')}>
          <Input.TextArea rows={2} maxLength={200} placeholder="如：盘点差异、到货入库" data-testid="stock-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
