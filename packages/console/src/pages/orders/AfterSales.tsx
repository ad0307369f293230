import { PageContainer, ProTable, type ActionType } from '@ant-design/pro-components';
import type { AfterSale } from '@guideshare/contracts';
import { App, Badge, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, errorText } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { dateTime, yuan } from '../../format';
import { useAction } from '../../hooks';
import { requiredText } from '../../components/form-rules';

const STATUS: Record<string, { text: string; status: 'default' | 'processing' | 'success' | 'error' | 'warning' }> = {
  REQUESTED: { text: '待处理', status: 'warning' },
  APPROVED: { text: '已同意，退款中', status: 'processing' },
  REJECTED: { text: '已拒绝', status: 'default' },
  REFUNDED: { text: '已退款', status: 'success' },
};

/** 售后: the consumers' refund requests, approved (refund through WeChat Pay) or rejected with a reason. */
export function AfterSalesPage() {
  const { message } = App.useApp();
  const run = useAction();
  const table = useRef<ActionType>();
  const [rejecting, setRejecting] = useState<AfterSale | null>(null);

  const approve = async (a: AfterSale) => {
    const ok = await run(() => api(`/admin/after-sales/${a.id}/approve`, { method: 'POST' }), '已同意，退款已提交');
    if (ok !== undefined) await table.current?.reload();
  };

  return (
    <PageContainer>
      <ProTable<AfterSale>
        rowKey="id"
        headerTitle="售后申请"
        actionRef={table}
        options={{ density: false, setting: false }}
        search={{ labelWidth: 'auto' }}
        request={async (params) => {
          try {
            const data = await api<AfterSale[]>('/admin/after-sales', { query: { status: params.status } });
            return { data, success: true, total: data.length };
          } catch (e) {
            void message.error(errorText(e));
            return { data: [], success: false };
          }
        }}
        columns={[
          { title: '申请时间', dataIndex: 'createdAt', search: false, render: (_, a) => dateTime(a.createdAt) },
          {
            title: '订单',
            dataIndex: 'orderId',
            search: false,
            render: (_, a) => <Link to={`/orders/${a.orderId}`}>{a.orderId.slice(0, 8)}…</Link>,
          },
          {
            title: '申请金额',
            dataIndex: 'requestedFen',
            search: false,
            align: 'right',
            render: (_, a) => yuan(a.requestedFen),
          },
          { title: '原因', dataIndex: 'reason', search: false, ellipsis: true },
          {
            title: '状态',
            dataIndex: 'status',
            valueType: 'select',
            valueEnum: Object.fromEntries(Object.entries(STATUS).map(([k, v]) => [k, { text: v.text }])),
            render: (_, a) => (
              <Badge status={STATUS[a.status]?.status ?? 'default'} text={STATUS[a.status]?.text ?? '-'} />
            ),
          },
          {
            title: '处理说明',
            dataIndex: 'rejectReason',
            search: false,
            render: (_, a) => a.rejectReason ?? (a.decidedAt ? dateTime(a.decidedAt) : '-'),
          },
          {
            title: '操作',
            key: 'op',
            search: false,
            render: (_, a) =>
              a.status === 'REQUESTED' ? (
                <Space>
                  <Popconfirm title={`同意并退款 ${yuan(a.requestedFen)}？`} onConfirm={() => approve(a)}>
                    <Typography.Link>同意</Typography.Link>
                  </Popconfirm>
                  <Typography.Link type="danger" onClick={() => setRejecting(a)}>
                    拒绝
                  </Typography.Link>
                </Space>
              ) : (
                '-'
              ),
          },
        ]}
      />
      <FormModal<{ reason: string }>
        title="拒绝售后申请"
        okText="确认拒绝"
        open={!!rejecting}
        onClose={() => setRejecting(null)}
        onSubmit={async ({ reason }) => {
          const ok = await run(
            () =>
              api(`/admin/after-sales/${rejecting!.id}/reject`, { method: 'POST', body: { reason: reason.trim() } }),
            '已拒绝',
          );
          if (ok === undefined) return false;
          await table.current?.reload();
          return true;
        }}
      >
        <Form.Item name="reason" label="拒绝原因" rules={requiredText('请填写拒绝原因')}>
          <Input.TextArea rows={3} maxLength={200} placeholder="将告知顾客" />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
