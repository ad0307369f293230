import { Form, Input, InputNumber, Radio, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, idempotencyKey } from '../../api/client';
import type { Order, OrderLine } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { toFen, yuan } from '../../format';
import { yuanRules, requiredText } from '../../components/form-rules';
import { useAction } from '../../hooks';
import { SMALL_TABLE } from '../../components/list-table';

type Mode = 'full' | 'lines' | 'amount';

/** What every order-action modal of the order detail page takes. */
export interface OrderModalProps {
  order: Order;
  open: boolean;
  onClose(): void;
  onDone(): void;
}

/** Refund by line quantities, by an amount, or in full (the API requires one of the three). */
export function RefundModal({ order, open, onClose, onDone }: OrderModalProps) {
  const run = useAction();
  const [mode, setMode] = useState<Mode>('full');
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const key = useRef(idempotencyKey('refund'));
  const refundable = (l: OrderLine) => l.quantity - (l.refundedQuantity ?? 0);

  return (
    <FormModal<{ amount?: string; reason: string }>
      title="发起退款"
      okText="确认退款"
      open={open}
      onClose={onClose}
      onSubmit={async (v) => {
        const lines = Object.entries(quantities)
          .filter(([, q]) => q > 0)
          .map(([lineId, quantity]) => ({ lineId, quantity }));
        const spec = mode === 'full' ? { full: true } : mode === 'lines' ? { lines } : { amountFen: toFen(v.amount) };
        const ok = await run(
          () =>
            api(`/orders/${order.id}/refunds`, {
              method: 'POST',
              body: { ...spec, reason: v.reason.trim() },
              headers: { 'Idempotency-Key': key.current },
            }),
          '退款已提交，微信支付处理完成后订单状态将更新',
        );
        if (ok === undefined) return false;
        key.current = idempotencyKey('refund');
        onDone();
        return true;
      }}
    >
      <Form.Item label="退款方式">
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          options={[
            { label: '全额退款', value: 'full' },
            { label: '按商品行', value: 'lines' },
            { label: '按金额', value: 'amount' },
          ]}
        />
      </Form.Item>
      {mode === 'lines' && (
        <Table<OrderLine>
          {...SMALL_TABLE}
          style={{ marginBottom: 16 }}
          dataSource={order.lines}
          columns={[
            {
              title: '商品行',
              dataIndex: 'id',
              render: (_, l, i) => `第 ${i + 1} 行 ${yuan(l.unitPriceFen)} × ${l.quantity}`,
            },
            { title: '可退数量', key: 'left', render: (_, l) => refundable(l) },
            {
              title: '退款数量',
              key: 'q',
              render: (_, l) => (
                <InputNumber
                  min={0}
                  max={refundable(l)}
                  precision={0}
                  value={quantities[l.id] ?? 0}
                  onChange={(q) => setQuantities((prev) => ({ ...prev, [l.id]: q ?? 0 }))}
                />
              ),
            },
          ]}
        />
      )}
      {mode === 'amount' && (
        <Form.Item
          name="amount"
          label="退款金额（元）"
          extra={`最多可退 ${yuan((order.paidFen ?? order.totalFen) - (order.refundedFen ?? 0))}`}
          rules={yuanRules('请输入退款金额')}
        >
          <Input prefix="¥" />
        </Form.Item>
      )}
      <Form.Item name="reason" label="退款原因" rules={requiredText('请填写退款原因')}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
      <Typography.Text type="secondary">退款成功后，对应导购的佣金将按比例自动冲回。</Typography.Text>
    </FormModal>
  );
}

export function ShipmentModal({ order, open, onClose, onDone }: OrderModalProps) {
  const run = useAction();
  return (
    <FormModal<{ carrier: string; trackingNo: string }>
      title="订单发货"
      okText="确认发货"
      open={open}
      onClose={onClose}
      onSubmit={async (body) => {
        const ok = await run(() => api(`/admin/orders/${order.id}/shipment`, { method: 'POST', body }), '已发货');
        if (ok === undefined) return false;
        onDone();
        return true;
      }}
    >
      <Form.Item name="carrier" label="快递公司" rules={requiredText('请输入快递公司')}>
        <Input placeholder="如：顺丰速运" maxLength={50} />
      </Form.Item>
      <Form.Item name="trackingNo" label="快递单号" rules={requiredText('请输入快递单号')}>
        <Input maxLength={64} />
      </Form.Item>
    </FormModal>
  );
}
