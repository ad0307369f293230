import { CheckCircleTwoTone, ScanOutlined } from '@ant-design/icons';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Descriptions, Form, Input, Result, Tag } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import type { CounterSale } from '@guideshare/contracts';
import { yuanRules, requiredText } from '../../components/form-rules';
import { dateTime, RULE, toFen, yuan } from '../../format';
import { useCounterSubmit } from './useCounterSubmit';

/** The redemption answer: the store order and the guide it credits, by name. */

interface Values {
  memberCode: string;
  receiptNo: string;
  amount: string;
}

export function creditedGuide(order: CounterSale): string | null {
  if (order.creditedGuide) return order.creditedGuide.name;
  return order.attribution?.guideId ? '已归属导购' : null;
}

/** Counter sale: scan the member's code, type the receipt and amount; the API credits the guide. */
export function CounterPage() {
  const [form] = Form.useForm<Values>();
  const [order, setOrder] = useState<CounterSale | null>(null);
  const codeInput = useRef<React.ComponentRef<typeof Input>>(null);

  const { busy, error, submit } = useCounterSubmit(async (v: Values) => {
    const res = await api<CounterSale>('/pos/redemptions', {
      method: 'POST',
      body: {
        memberCode: v.memberCode.replace(/\s/g, ''),
        receiptNo: v.receiptNo.trim(),
        amountFen: toFen(v.amount),
      },
    });
    setOrder(res);
    form.resetFields();
    codeInput.current?.focus();
  });

  return (
    <PageContainer content="顾客在门店消费时出示小程序会员码，登记后业绩自动归属其专属导购。">
      <ProCard split="vertical" bordered>
        <ProCard title="会员消费登记" colSpan="50%">
          <Form<Values> form={form} layout="vertical" size="large" onFinish={submit}>
            <Form.Item
              name="memberCode"
              label="会员码"
              extra="用扫码枪扫描顾客小程序中的会员码，或手动输入"
              rules={requiredText('请扫描或输入会员码')}
            >
              <Input
                ref={codeInput}
                autoFocus
                prefix={<ScanOutlined />}
                placeholder="扫描会员码"
                data-testid="counter-member-code"
              />
            </Form.Item>
            <Form.Item name="receiptNo" label="小票号" rules={requiredText('请输入小票号')}>
              <Input placeholder="收银小票上的单号" maxLength={64} data-testid="counter-receipt" />
            </Form.Item>
            <Form.Item name="amount" label="实付金额（元）" rules={yuanRules('请输入金额')}>
              <Input prefix="¥" placeholder="0.00" data-testid="counter-amount" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="counter-submit">
              确认登记
            </Button>
          </Form>
          {error && (
            <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} data-testid="counter-error" />
          )}
        </ProCard>
        <ProCard title="登记结果" colSpan="50%">
          {order ? (
            <div data-testid="counter-result">
              <Result
                icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
                title="登记成功"
                subTitle={
                  creditedGuide(order) ? (
                    <span>
                      业绩归属导购：<b data-testid="counter-guide">{creditedGuide(order)}</b>
                    </span>
                  ) : (
                    <span data-testid="counter-guide">本单业绩归属门店（该会员暂无专属导购）</span>
                  )
                }
              />
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="小票号">{order.receiptNo ?? '-'}</Descriptions.Item>
                <Descriptions.Item label="金额">{yuan(order.totalFen)}</Descriptions.Item>
                <Descriptions.Item label="归因规则">
                  <Tag color="blue">{RULE[order.attribution?.rule ?? 'none'] ?? '其他'}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label="登记时间">{dateTime(order.paidAt ?? order.createdAt)}</Descriptions.Item>
              </Descriptions>
            </div>
          ) : (
            <Result status="info" title="等待登记" subTitle="登记成功后，这里显示本单的业绩归属导购" />
          )}
        </ProCard>
      </ProCard>
    </PageContainer>
  );
}
