import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Descriptions, Form, Input, Result, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Order, OrderLine } from '../../api/types';
import { dateTime, yuan } from '../../format';
import { useCounterSubmit } from './useCounterSubmit';
import { SMALL_TABLE } from '../../components/list-table';
import { requiredText } from '../../components/form-rules';

/** Hands over a pickup (门店自提) order by the code the buyer shows. */
export function PickupPage() {
  const [form] = Form.useForm<{ pickupCode: string }>();
  const [order, setOrder] = useState<Order | null>(null);

  const { busy, error, submit } = useCounterSubmit(async ({ pickupCode }: { pickupCode: string }) => {
    setOrder(await api<Order>('/pos/pickups', { method: 'POST', body: { pickupCode: pickupCode.trim() } }));
    form.resetFields();
  });

  return (
    <PageContainer content="顾客到店自提时，输入或扫描其出示的提货码完成交付。">
      <ProCard split="vertical" bordered>
        <ProCard title="自提核销" colSpan="40%">
          <Form form={form} layout="vertical" size="large" onFinish={submit}>
            <Form.Item name="pickupCode" label="提货码" rules={requiredText('请输入提货码')}>
              <Input autoFocus maxLength={32} data-testid="pickup-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              确认交付
            </Button>
          </Form>
          {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
        </ProCard>
        <ProCard title="交付结果" colSpan="60%">
          {order ? (
            <>
              <Result status="success" title="已交付" />
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="订单">{order.id}</Descriptions.Item>
                <Descriptions.Item label="金额">{yuan(order.totalFen)}</Descriptions.Item>
                <Descriptions.Item label="下单时间">{dateTime(order.createdAt)}</Descriptions.Item>
              </Descriptions>
              <Table<OrderLine>
                style={{ marginTop: 12 }}
                {...SMALL_TABLE}
                dataSource={order.lines}
                columns={[
                  {
                    title: '商品',
                    dataIndex: 'skuId',
                    render: (_, l) => (l as OrderLine & { name?: string }).name ?? '商品',
                  },
                  { title: '数量', dataIndex: 'quantity' },
                  { title: '金额', dataIndex: 'amountFen', render: yuan },
                ]}
              />
            </>
          ) : (
            <Result status="info" title="等待核销" />
          )}
        </ProCard>
      </ProCard>
    </PageContainer>
  );
}
