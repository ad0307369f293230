import { PageContainer, ProTable, type ActionType } from '@ant-design/pro-components';
import type { AttributionClaim } from '@guideshare/contracts';
import { App, Badge, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, errorText } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { dateTime } from '../../format';
import { useAction, useGuideNames, useStores } from '../../hooks';
import { requiredText } from '../../components/form-rules';

const STATUS: Record<string, { text: string; status: 'default' | 'processing' | 'success' | 'error' | 'warning' }> = {
  REQUESTED: { text: '待审核', status: 'warning' },
  APPROVED: { text: '已通过', status: 'success' },
  REJECTED: { text: '已驳回', status: 'default' },
};

/** 导购补录: guides' claims of counter sales nobody was credited for, approved (credited) or rejected. */
export function ClaimsPage() {
  const { message } = App.useApp();
  const run = useAction();
  const table = useRef<ActionType>();
  const [rejecting, setRejecting] = useState<AttributionClaim | null>(null);
  const guides = useGuideNames('admin');
  const stores = useStores();
  const storeName = useMemo(() => new Map((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);

  const approve = async (c: AttributionClaim) => {
    const ok = await run(() => api(`/admin/claims/${c.id}/approve`, { method: 'POST' }), '已通过，业绩已归属该导购');
    if (ok !== undefined) await table.current?.reload();
  };

  return (
    <PageContainer>
      <ProTable<AttributionClaim>
        rowKey="id"
        headerTitle="导购补录申请"
        actionRef={table}
        options={{ density: false, setting: false }}
        search={{ labelWidth: 'auto' }}
        request={async (params) => {
          try {
            const data = await api<AttributionClaim[]>('/admin/claims', { query: { status: params.status } });
            return { data, success: true, total: data.length };
          } catch (e) {
            void message.error(errorText(e));
            return { data: [], success: false };
          }
        }}
        columns={[
          { title: '申请时间', dataIndex: 'createdAt', search: false, render: (_, c) => dateTime(c.createdAt) },
          {
            title: '导购',
            dataIndex: 'guideId',
            search: false,
            render: (_, c) => guides.data?.get(c.guideId) ?? `${c.guideId.slice(0, 8)}…`,
          },
          { title: '门店', dataIndex: 'storeId', search: false, render: (_, c) => storeName.get(c.storeId) ?? '-' },
          { title: '小票号', dataIndex: 'receiptNo', search: false },
          {
            title: '订单',
            dataIndex: 'orderId',
            search: false,
            render: (_, c) => <Link to={`/orders/${c.orderId}`}>{c.orderId.slice(0, 8)}…</Link>,
          },
          { title: '申请理由', dataIndex: 'reason', search: false, ellipsis: true },
          {
            title: '状态',
            dataIndex: 'status',
            valueType: 'select',
            valueEnum: Object.fromEntries(Object.entries(STATUS).map(([k, v]) => [k, { text: v.text }])),
            render: (_, c) => (
              <Badge status={STATUS[c.status]?.status ?? 'default'} text={STATUS[c.status]?.text ?? '-'} />
            ),
          },
          {
            title: '处理说明',
            dataIndex: 'decisionReason',
            search: false,
            render: (_, c) => c.decisionReason ?? (c.decidedAt ? dateTime(c.decidedAt) : '-'),
          },
          {
            title: '操作',
            key: 'op',
            search: false,
            render: (_, c) =>
              c.status === 'REQUESTED' ? (
                <Space>
                  <Popconfirm title="通过后该笔销售将归属此导购，确认通过？" onConfirm={() => approve(c)}>
                    <Typography.Link data-testid={`claim-approve-${c.id}`}>通过</Typography.Link>
                  </Popconfirm>
                  <Typography.Link type="danger" onClick={() => setRejecting(c)} data-testid={`claim-reject-${c.id}`}>
                    驳回
                  </Typography.Link>
                </Space>
              ) : (
                '-'
              ),
          },
        ]}
      />
      <FormModal<{ reason: string }>
        title="驳回补录申请"
        okText="确认驳回"
        open={!!rejecting}
        onClose={() => setRejecting(null)}
        onSubmit={async ({ reason }) => {
          const ok = await run(
            () => api(`/admin/claims/${rejecting!.id}/reject`, { method: 'POST', body: { reason: reason.trim() } }),
            '已驳回',
          );
          if (ok === undefined) return false;
          await table.current?.reload();
          return true;
        }}
      >
        <Form.Item name="reason" label="驳回原因" rules={requiredText('请填写驳回原因')}>
          <Input.TextArea rows={3} maxLength={200} placeholder="将告知导购" />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
