import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Form, Input, Select, Table, Tag } from 'antd';
import { useRef } from 'react';
import type { Adjustment } from '@guideshare/contracts';
import { api, idempotencyKey } from '../../api/client';
import { useAuth } from '../../auth';
import { dateTime, toFen, yuan } from '../../format';
import { yuanRules, requiredText } from '../../components/form-rules';
import { useAction, useGuideNames, useLoad } from '../../hooks';
import { emptyOrError } from '../../components/list-table';

interface Values {
  guideId: string;
  direction: 'add' | 'deduct';
  amount: string;
  reason: string;
  orderId?: string;
}

export function AdjustmentsPage() {
  const { session } = useAuth();
  const run = useAction();
  const [form] = Form.useForm<Values>();
  const guides = useGuideNames(session?.role);
  // One key per filled-in form: a double click or a retry after a timeout lands once.
  const key = useRef(idempotencyKey('adj'));
  const listed = useLoad(() => api<Adjustment[]>('/finance/adjustments'));

  const submit = async (v: Values) => {
    const fen = toFen(v.amount)!;
    const body = {
      guideId: v.guideId,
      amountFen: v.direction === 'deduct' ? -fen : fen,
      reason: v.reason.trim(),
      ...(v.orderId?.trim() ? { orderId: v.orderId.trim() } : {}),
    };
    const entry = await run(
      () =>
        api<Adjustment>('/finance/adjustments', { method: 'POST', body, headers: { 'Idempotency-Key': key.current } }),
      '调整已记入佣金明细',
    );
    if (!entry) return;
    key.current = idempotencyKey('adj');
    form.resetFields();
    await listed.reload();
  };

  return (
    <PageContainer>
      <ProCard title="新增佣金调整" headerBordered style={{ marginBottom: 16 }}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="调整以一条新的佣金明细记入（明细只增不改），计入当前未结算账期。"
        />
        <Form<Values>
          form={form}
          layout="inline"
          onFinish={submit}
          initialValues={{ direction: 'add' }}
          onValuesChange={() => undefined}
        >
          <Form.Item name="guideId" rules={[{ required: true, message: '请选择导购' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="导购"
              style={{ width: 180 }}
              options={[...(guides.data ?? new Map()).entries()].map(([id, name]) => ({ label: name, value: id }))}
            />
          </Form.Item>
          <Form.Item name="direction">
            <Select
              style={{ width: 100 }}
              options={[
                { label: '补发', value: 'add' },
                { label: '扣回', value: 'deduct' },
              ]}
            />
          </Form.Item>
          <Form.Item name="amount" rules={yuanRules('请输入金额')}>
            <Input prefix="¥" placeholder="金额" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="reason" rules={requiredText('请填写原因')}>
            <Input placeholder="调整原因（必填）" style={{ width: 260 }} maxLength={200} />
          </Form.Item>
          <Form.Item name="orderId">
            <Input placeholder="关联订单号（选填）" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              提交调整
            </Button>
          </Form.Item>
        </Form>
      </ProCard>
      <ProCard title="调整记录" headerBordered>
        <Table<Adjustment>
          rowKey="id"
          size="small"
          loading={listed.loading}
          dataSource={listed.data ?? []}
          locale={emptyOrError(listed, '暂无调整记录')}
          columns={[
            { title: '时间', dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
            { title: '导购', dataIndex: 'guideId', render: (v: string) => guides.data?.get(v) ?? v.slice(0, 8) },
            {
              title: '金额',
              dataIndex: 'amountFen',
              align: 'right',
              render: (v: number) => <Tag color={v < 0 ? 'red' : 'green'}>{yuan(v)}</Tag>,
            },
            { title: '原因', dataIndex: 'reason' },
            { title: '关联订单', dataIndex: 'orderId', render: (v: string | null) => (v ? `${v.slice(0, 8)}…` : '-') },
            { title: '结算状态', dataIndex: 'settlementId', render: (v: string | null) => (v ? '已结算' : '待结算') },
          ]}
        />
      </ProCard>
    </PageContainer>
  );
}
