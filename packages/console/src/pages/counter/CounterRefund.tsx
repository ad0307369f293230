import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Descriptions, Form, Input, Result } from 'antd';
import { useRef, useState } from 'react';
import type { Refund } from '@guideshare/contracts';
import { api, idempotencyKey } from '../../api/client';
import { yuanRules, requiredText } from '../../components/form-rules';
import { toFen, yuan } from '../../format';
import { useCounterSubmit } from './useCounterSubmit';

interface Values {
  receiptNo: string;
  refundNo: string;
  amount: string;
}

export function CounterRefundPage() {
  const [form] = Form.useForm<Values>();
  const [refund, setRefund] = useState<Refund | null>(null);
  const suggested = useRef(idempotencyKey('R').slice(0, 14).toUpperCase());

  const { busy, error, submit } = useCounterSubmit(async (v: Values) => {
    setRefund(
      await api<Refund>('/pos/refunds', {
        method: 'POST',
        body: { receiptNo: v.receiptNo.trim(), refundNo: v.refundNo.trim(), amountFen: toFen(v.amount) },
      }),
    );
    suggested.current = idempotencyKey('R').slice(0, 14).toUpperCase();
    form.resetFields();
  });

  return (
    <PageContainer content="顾客在门店退货时，按原小票登记退款；对应导购的佣金会自动冲回。">
      <ProCard split="vertical" bordered>
        <ProCard title="小票退款" colSpan="50%">
          <Form<Values>
            form={form}
            layout="vertical"
            size="large"
            onFinish={submit}
            initialValues={{ refundNo: suggested.current }}
          >
            <Form.Item name="receiptNo" label="原小票号" rules={requiredText('请输入原小票号')}>
              <Input maxLength={64} data-testid="refund-receipt" />
            </Form.Item>
            <Form.Item
              name="refundNo"
              label="退款单号"
              extra="同一退款单号重复提交只会退款一次"
              rules={requiredText('请输入退款单号')}
            >
              <Input maxLength={64} data-testid="refund-no" />
            </Form.Item>
            <Form.Item name="amount" label="退款金额（元）" rules={yuanRules('请输入退款金额')}>
              <Input prefix="¥" data-testid="refund-amount" />
            </Form.Item>
            <Button type="primary" danger htmlType="submit" block loading={busy} data-testid="refund-submit">
              确认退款
            </Button>
          </Form>
          {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
        </ProCard>
        <ProCard title="退款结果" colSpan="50%">
          {refund ? (
            <>
              <Result status="success" title="退款已登记" />
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="退款金额">{yuan(refund.amountFen)}</Descriptions.Item>
                <Descriptions.Item label="订单">{refund.orderId.slice(0, 8)}…</Descriptions.Item>
              </Descriptions>
            </>
          ) : (
            <Result status="info" title="等待登记" />
          )}
        </ProCard>
      </ProCard>
    </PageContainer>
  );
}
